import FolioCore
import FolioSupport

extension StoredDocument: Presentable {
    static var columns: [Column<StoredDocument>] {
        [
            Column("ID") { $0.id },
            Column("ACCESS KEY") { $0.accessKey },
            Column("NUMBER") { $0.number },
            Column("DATE") { $0.issueDate },
            Column(text: "BUYER") { $0.buyerName },
            Column("TOTAL") { $0.total },
            Column("STATUS") { $0.status.rawValue },
        ]
    }
}

/// `documents create`'s result: the document as everywhere, plus `warnings` in its JSON (in
/// words, as stderr shows them; an empty list when there are none).
extension CreatedDocument: Presentable {
    var id: String { document.id }

    var json: JSONValue {
        guard case .object(var members) = document.json else { return document.json }
        members.append(JSONMember("warnings", .array(warnings.map { .string($0.text) })))
        return .object(members)
    }

    static var columns: [Column<CreatedDocument>] {
        StoredDocument.columns.map { $0.reading(\.document) }
    }
}

extension DocumentWarning {
    /// The warning as `warning: …` on stderr and in the JSON's `warnings` says it.
    var text: String {
        switch self {
        case .selfGeneratedCertificate(let issuerId, let certificateId):
            return "issuer \(issuerId) of a production tenant signs with a self-generated certificate (\(certificateId)), "
                + "which the SRI rejects: import the issuer's certificate from an accredited authority with "
                + "'folio issuers cert import \(issuerId) --p12 FILE'"
        }
    }
}

extension DocumentVerification: Presentable {
    var id: String { accessKey ?? source }

    static var columns: [Column<DocumentVerification>] {
        [
            Column("SOURCE") { $0.source },
            Column("VALID") { $0.valid ? "yes" : "no" },
            Column("ALGORITHM") { $0.signatureAlgorithm },
            Column("REFERENCES") { String($0.referenceCount) },
            Column("SIGNED") { $0.signingTime?.rfc3339 ?? "" },
            Column(text: "CERTIFICATE") { $0.certificateSubject ?? "" },
            Column(text: "FAILURES") { $0.failures.joined(separator: "; ") },
        ]
    }
}

extension DecodedAccessKey: Presentable {
    var id: String { key }

    /// `YYYY-MM-DD` as the key spells it (even when that date does not exist).
    var isoDate: String {
        zeroPadded(fields.year, 4) + "-" + zeroPadded(fields.month, 2) + "-" + zeroPadded(fields.day, 2)
    }

    var json: JSONValue {
        .object([
            JSONMember("accessKey", .string(key)),
            JSONMember("date", .string(isoDate)),
            JSONMember("documentType", .string(fields.documentTypeCode)),
            JSONMember("documentTypeName", documentTypeName.map(JSONValue.string) ?? .null),
            JSONMember("ruc", .string(fields.ruc)),
            JSONMember("environment", .int(fields.environment)),
            JSONMember("environmentName", .string(fields.environment == 1 ? "sandbox" : fields.environment == 2 ? "production" : "unknown")),
            JSONMember("establishment", .string(fields.establishment)),
            JSONMember("emissionPoint", .string(fields.emissionPoint)),
            JSONMember("sequential", .int(fields.sequential)),
            JSONMember("number", .string(fields.documentNumber)),
            JSONMember("numericCode", .string(fields.numericCode)),
            JSONMember("emissionType", .int(fields.emissionType)),
            JSONMember("checkDigit", .int(checkDigit)),
            JSONMember("expectedCheckDigit", .int(expectedCheckDigit)),
            JSONMember("checkDigitValid", .bool(checkDigitValid)),
            JSONMember("problems", .array(problems.map(JSONValue.string))),
        ])
    }

    static var columns: [Column<DecodedAccessKey>] {
        [
            Column("DATE") { $0.isoDate },
            Column("TYPE") { $0.fields.documentTypeCode },
            Column("RUC") { $0.fields.ruc },
            Column("ENV") { String($0.fields.environment) },
            Column("NUMBER") { $0.fields.documentNumber },
            Column("CODE") { $0.fields.numericCode },
            Column("CHECK") { $0.checkDigitValid ? "ok (\($0.checkDigit))" : "bad (\($0.checkDigit), expected \($0.expectedCheckDigit))" },
        ]
    }
}
