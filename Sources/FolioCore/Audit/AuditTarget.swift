import FolioSupport

/// What an audit filter's target names, resolved to the id its rows carry. Every handle that
/// names a thing elsewhere names it here too: an id (`ten_…`, `key_…`, `iss_…`, `doc_…`), a
/// tenant's e-mail or its issuers' RUC, a key's displayed start, a document's access key.
/// A handle that names nothing is `not_found`, not an empty list: an e-mail with a typo must
/// not look like a tenant that never did anything.
enum AuditTarget {
    static func resolve(_ handle: String, in tx: StoreTransaction) throws(FolioError) -> String {
        // An id the log mentions names its rows, also once the thing itself is gone.
        if IDPrefix.allCases.contains(where: { ULID.isValid(handle, prefix: $0) }), try tx.auditMentions(handle) {
            return handle
        }
        // Only the id is wanted: a key's status at any instant will do.
        let anyTime = Timestamp(seconds: 0)
        if handle.hasPrefix(IDPrefix.tenant.rawValue) || handle.contains("@") || AccessKey.isDigits(handle, count: 13) {
            return try Tenants.find(handle, in: tx).id
        }
        let keyPrefixes = Environment.allCases.map(ApiKeyFormat.prefix(for:))
        if handle.hasPrefix(IDPrefix.key.rawValue) || keyPrefixes.contains(where: { handle.hasPrefix($0) }) {
            return try Keys.find(handle, in: tx, now: anyTime).id
        }
        if handle.hasPrefix(IDPrefix.issuer.rawValue) {
            return try Issuers.find(handle, in: tx, now: anyTime).id
        }
        if handle.hasPrefix(IDPrefix.document.rawValue) || AccessKey.isDigits(handle, count: 49) {
            return try Documents.find(handle, in: tx).id
        }
        throw .notFound("nothing is named '\(handle)': a target is an id, a tenant's e-mail or its issuers' RUC, "
                        + "a key's displayed start (folio_test_AbCd) or a document's access key")
    }
}
