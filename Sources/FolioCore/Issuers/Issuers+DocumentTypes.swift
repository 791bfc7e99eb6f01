import FolioSupport

extension Issuers {
    /// Every SRI document type (DESIGN §7) and whether the issuer may issue it.
    public static func documentTypes(store: Store, handle: String, now: Timestamp) throws(FolioError) -> [IssuerDocumentType] {
        try store.read { tx throws(FolioError) in
            let issuer = try find(handle, in: tx, now: now)
            return try documentTypes(of: issuer, tx: tx)
        }
    }

    /// Enables (or disables) document types; enabling one that is enabled changes nothing.
    public static func setDocumentTypes(_ handle: String, codes: [String], enabled: Bool) -> Mutation<[IssuerDocumentType]> {
        Mutation { tx, ctx throws(FolioError) in
            let issuer = try find(handle, in: tx, now: ctx.now)
            guard !codes.isEmpty else { throw .validation("name at least one document type code", field: "type") }
            for code in codes {
                guard SRIDocumentType(rawValue: code) != nil else {
                    let known = SRIDocumentType.allCases.map { "\($0.code) \($0.spanishName)" }.joined(separator: ", ")
                    throw .validation("unknown document type '\(code)'; the types are \(known)", field: "type")
                }
                if enabled { try tx.enableDocumentType(issuerId: issuer.id, code: code, at: ctx.now) }
                else { try tx.disableDocumentType(issuerId: issuer.id, code: code) }
            }
            let types = try documentTypes(of: issuer, tx: tx)
            let action = enabled ? "issuer.doc_types_enable" : "issuer.doc_types_disable"
            let updated = try load(issuer.id, tx: tx, now: ctx.now)
            return Change(types,
                          audit: [audit(action, issuer, details: .object([JSONMember("types", .array(codes.map(JSONValue.string)))]))],
                          events: [event(.issuerUpdated, updated)])
        }
    }

    static func documentTypes(of issuer: Issuer, tx: StoreTransaction) throws(FolioError) -> [IssuerDocumentType] {
        let enabled = try tx.documentTypes(issuerId: issuer.id)
        return SRIDocumentType.allCases.map { type in
            IssuerDocumentType(issuerId: issuer.id, code: type.code, name: type.spanishName,
                               enabled: enabled[type.code] != nil, enabledAt: enabled[type.code])
        }
    }
}
