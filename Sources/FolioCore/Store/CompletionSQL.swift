/// SQL of shell completion: ids, e-mails, key starts and access keys that begin with a prefix.
///
/// Every query is a range scan of a unique or indexed column (`col >= ?1 AND col < ?2`, see
/// `PrefixRange`), never `LIKE` (SQLite's LIKE is case-insensitive, so it cannot use these
/// BINARY indexes), and stops at `?3` rows: an answer costs the same on ten rows or a million.
/// A test holds each query plan to its index.
enum CompletionSQL {
    static let tenantIds = """
        SELECT id, name, email_normalized AS email FROM tenants WHERE id >= ?1 AND id < ?2 ORDER BY id LIMIT ?3
        """
    static let tenantEmails = """
        SELECT email_normalized AS email, name FROM tenants
        WHERE email_normalized >= ?1 AND email_normalized < ?2 ORDER BY email_normalized LIMIT ?3
        """
    /// ?4: whether revoked keys count.
    static let keyIds = """
        SELECT k.id, k.label, k.start, t.email_normalized AS email FROM api_keys k JOIN tenants t ON t.id = k.tenant_id
        WHERE k.id >= ?1 AND k.id < ?2 AND (?4 OR k.revoked_at IS NULL) ORDER BY k.id LIMIT ?3
        """
    /// A start that several keys share (revoked ones included) is refused as ambiguous by
    /// `Keys.find`, so it is no candidate.
    static let keyStarts = """
        SELECT k.start, k.label, t.email_normalized AS email FROM api_keys k JOIN tenants t ON t.id = k.tenant_id
        WHERE k.start >= ?1 AND k.start < ?2 AND (?4 OR k.revoked_at IS NULL)
          AND NOT EXISTS (SELECT 1 FROM api_keys o WHERE o.start = k.start AND o.id <> k.id)
        ORDER BY k.start LIMIT ?3
        """
    static let issuerIds = "SELECT id, name, ruc FROM issuers WHERE id >= ?1 AND id < ?2 ORDER BY id LIMIT ?3"
    /// `001-001-000000042` and the buyer's name, as `number` and `buyer`.
    private static let documentLabel =
        "series || '-' || printf('%09d', sequential) AS number, json_extract(summary, '$.buyer.name') AS buyer"
    static let documentIds = """
        SELECT id AS value, \(documentLabel) FROM documents WHERE id >= ?1 AND id < ?2 ORDER BY id LIMIT ?3
        """
    static let documentAccessKeys = """
        SELECT access_key AS value, \(documentLabel) FROM documents
        WHERE access_key >= ?1 AND access_key < ?2 ORDER BY access_key LIMIT ?3
        """

    /// Every query with the index its plan must search (for the test).
    static let indexed: [(sql: String, index: String)] = [
        (tenantIds, "sqlite_autoindex_tenants_1"), (tenantEmails, "sqlite_autoindex_tenants_2"),
        (keyIds, "sqlite_autoindex_api_keys_1"), (keyStarts, "api_keys_start"),
        (issuerIds, "sqlite_autoindex_issuers_1"), (documentIds, "sqlite_autoindex_documents_1"),
        (documentAccessKeys, "sqlite_autoindex_documents_2"),
    ]
}

extension StoreTransaction {
    /// Rows of a `CompletionSQL` query for `range`, at most `limit`.
    func completionRows(_ sql: String, _ range: PrefixRange, limit: Int, includeRevoked: Bool = false) throws(FolioError) -> [SQLRow] {
        var values = range.values(limit: limit)
        if sql.contains("?4") { values.append(.integer(includeRevoked ? 1 : 0)) }
        return try query(sql, values)
    }
}

/// The strings that begin with `prefix`, as a half-open range `[lower, upper)` in SQLite's BINARY
/// order (UTF-8 bytes, which is code point order): `upper` is `prefix` with its last character
/// replaced by the next code point, so `s >= lower AND s < upper` holds exactly when `s` starts
/// with `prefix`, and an index on the column answers it.
struct PrefixRange: Equatable {
    let lower: String
    /// nil: no upper bound (the empty prefix, or one made only of U+10FFFF).
    let upper: String?

    init(_ prefix: String) {
        lower = prefix
        var scalars = Array(prefix.unicodeScalars)
        while let last = scalars.popLast() {
            var next = last.value + 1
            if next == 0xD800 { next = 0xE000 }  // surrogates are no characters
            if let scalar = Unicode.Scalar(next) {
                scalars.append(scalar)
                var text = ""
                text.unicodeScalars.append(contentsOf: scalars)
                upper = text
                return
            }
        }
        upper = nil
    }

    /// ?1 lower, ?2 upper (without one, a BLOB: SQLite sorts every BLOB after all TEXT), ?3 limit.
    func values(limit: Int) -> [SQLValue] {
        [.text(lower), upper.map { .text($0) } ?? .blob([]), .integer(Int64(limit))]
    }
}
