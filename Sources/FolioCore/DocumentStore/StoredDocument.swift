import FolioSupport

/// Where a document is in its life. Signed is the first state; the SRI web services, approval
/// and payment workflows add the later ones.
public enum DocumentStatus: String, Sendable, CaseIterable {
    case signed
}

/// A document in the store (without its XML, which `Documents.xml` reads on its own).
public struct StoredDocument: Sendable, Equatable {
    public var id: String
    public var tenantId: String
    public var issuerId: String
    /// SRI code, `01` factura.
    public var documentType: String
    /// 49 digits.
    public var accessKey: String
    /// `001-001`.
    public var series: String
    public var sequential: Int
    public var environment: Environment
    /// `YYYY-MM-DD`.
    public var issueDate: String
    /// `signed`.
    public var status: DocumentStatus
    /// `sri` or `modern`.
    public var profile: String
    public var certificateId: String
    /// The total as a decimal string.
    public var total: String
    /// What the builder summarised: buyer, totals, taxes.
    public var summary: JSONValue
    public var createdAt: Timestamp
    public var updatedAt: Timestamp

    /// `001-001-000000042`.
    public var number: String { series + "-" + zeroPadded(sequential, 9) }

    /// The buyer's name, from the summary.
    public var buyerName: String { summary["buyer"]?["name"]?.stringValue ?? "" }

    /// The JSON shape every command prints for a document: identity and state, then the
    /// summary's fields (type, accessKey, number, environment, issueDate, buyer, amounts).
    public var json: JSONValue {
        var members = [
            JSONMember("id", .string(id)),
            JSONMember("status", .string(status.rawValue)),
            JSONMember("tenantId", .string(tenantId)),
            JSONMember("issuerId", .string(issuerId)),
            JSONMember("profile", .string(profile)),
            JSONMember("certificateId", .string(certificateId)),
            JSONMember("sequential", .int(sequential)),
        ]
        if case .object(let summaryMembers) = summary {
            let taken = Set(members.map(\.key))
            members += summaryMembers.filter { !taken.contains($0.key) }
        }
        members.append(JSONMember("createdAt", .string(createdAt.rfc3339)))
        members.append(JSONMember("updatedAt", .string(updatedAt.rfc3339)))
        return .object(members)
    }
}

/// What `documents verify` found.
public struct DocumentVerification: Sendable {
    /// The document id, or the file path.
    public var source: String
    public var accessKey: String?
    public var valid: Bool
    public var failures: [String]
    public var signingTime: Timestamp?
    public var signatureAlgorithm: String
    public var certificateSubject: String?
    public var referenceCount: Int
    /// A factura's header amounts that disagree with its lines. They do not affect `valid`: a
    /// document can be correctly signed and still be one the SRI rejects.
    public var amountMismatches: [AmountMismatch] = []

    /// One line per amount mismatch, for a person (and the JSON's `warnings`).
    public var warnings: [String] { amountMismatches.map(\.description) }

    public var json: JSONValue {
        .object([
            JSONMember("source", .string(source)),
            JSONMember("accessKey", accessKey.map(JSONValue.string) ?? .null),
            JSONMember("valid", .bool(valid)),
            JSONMember("failures", .array(failures.map(JSONValue.string))),
            JSONMember("warnings", .array(warnings.map(JSONValue.string))),
            JSONMember("signingTime", signingTime.map { .string($0.rfc3339) } ?? .null),
            JSONMember("signatureAlgorithm", .string(signatureAlgorithm)),
            JSONMember("certificateSubject", certificateSubject.map(JSONValue.string) ?? .null),
            JSONMember("referenceCount", .int(referenceCount)),
        ])
    }

    /// The `signature_invalid` error naming every failure, or nil when valid.
    public var error: FolioError? {
        guard !valid else { return nil }
        return FolioError(.signatureInvalid, "the signature of \(source) does not verify: " + failures.joined(separator: "; "),
                          details: [JSONMember("failures", .array(failures.map(JSONValue.string)))])
    }
}
