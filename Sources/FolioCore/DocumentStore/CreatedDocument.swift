/// What `Documents.create` made: the stored document, and what its maker should know about it
/// though it was signed and stored. The warnings are values; the CLI words them.
public struct CreatedDocument: Sendable, Equatable {
    public var document: StoredDocument
    public var warnings: [DocumentWarning]

    public init(document: StoredDocument, warnings: [DocumentWarning] = []) {
        self.document = document
        self.warnings = warnings
    }
}

/// Something wrong with a document that did not stop it from being signed.
public enum DocumentWarning: Sendable, Equatable, Hashable {
    /// A production tenant's issuer signed with a certificate Folio generated itself: the SRI
    /// accepts only certificates of an accredited authority in production, so it will reject
    /// the document. (Generating one is right for the sandbox, which is why this is no error.)
    case selfGeneratedCertificate(issuerId: String, certificateId: String)

    /// Which documents this can happen to: those of production tenants signed with a
    /// certificate whose source is `generated`.
    static func warnings(environment: Environment, issuerId: String, certificate: IssuerCertificate) -> [DocumentWarning] {
        guard environment == .production, certificate.source == "generated" else { return [] }
        return [.selfGeneratedCertificate(issuerId: issuerId, certificateId: certificate.id)]
    }
}
