import FolioCore
import FolioSupport

extension Issuer: Presentable {
    static var columns: [Column<Issuer>] {
        [
            Column("ID") { $0.id },
            Column("TENANT") { $0.tenantId },
            Column(text: "NAME") { $0.name },
            Column("RUC") { $0.ruc },
            Column("SERIES") { $0.series },
            Column("TYPES") { $0.documentTypes.joined(separator: ",") },
            Column("CERT EXPIRES") { $0.certificate.map { $0.notAfter.rfc3339 } ?? "none" },
            Column(time: "CREATED") { $0.createdAt },
        ]
    }
}

extension IssuerCertificateView: Presentable {
    var id: String { certificate.id }

    var json: JSONValue {
        guard case .object(var members) = certificate.json else { return certificate.json }
        members.insert(JSONMember("issuerId", .string(issuer.id)), at: 1)
        return .object(members)
    }

    static var columns: [Column<IssuerCertificateView>] {
        [
            Column("ID") { $0.certificate.id },
            Column("ISSUER") { $0.issuer.id },
            Column(text: "SUBJECT") { $0.certificate.subject },
            Column("SERIAL") { $0.certificate.serial },
            Column("NOT BEFORE") { $0.certificate.notBefore.rfc3339 },
            Column("NOT AFTER") { $0.certificate.notAfter.rfc3339 },
            Column("DAYS LEFT") { String($0.certificate.daysLeft) },
            Column("SHA-256") { $0.certificate.fingerprint },
        ]
    }
}

extension IssuerDocumentType: Presentable {
    var id: String { code }

    static var columns: [Column<IssuerDocumentType>] {
        [
            Column("CODE") { $0.code },
            Column(text: "NAME") { $0.name },
            Column("ENABLED") { $0.enabled ? "yes" : "no" },
        ]
    }
}
