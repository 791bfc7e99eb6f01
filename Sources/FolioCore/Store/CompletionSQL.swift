/// SQL of shell completion: ids, e-mails, key starts and access keys that begin with a prefix.
///
/// Every query is a range scan of a unique or indexed column (`col >= lower AND col < upper`,
/// see `PrefixRange`), never `LIKE` (SQLite's LIKE is case-insensitive, so it cannot use these
/// BINARY indexes), and stops at `limit` rows: the answer costs the same on ten rows or a million.
extension StoreTransaction {
    /// Tenant ids (primary key) from `range`, with name and e-mail.
    func tenantIds(in range: PrefixRange, limit: Int) throws(FolioError) -> [SQLRow] {
        try query("SELECT id, name, email_normalized AS email FROM tenants WHERE id >= ?1 AND id < ?2 ORDER BY id LIMIT ?3",
                  range.values(limit: limit))
    }

    /// Normalized e-mails (unique index) from `range`, with the tenant's name.
    func tenantEmails(in range: PrefixRange, limit: Int) throws(FolioError) -> [SQLRow] {
        try query("""
            SELECT email_normalized AS email, name FROM tenants
            WHERE email_normalized >= ?1 AND email_normalized < ?2 ORDER BY email_normalized LIMIT ?3
            """, range.values(limit: limit))
    }

    /// Key ids (primary key) from `range`, with label, displayed start and the tenant's e-mail;
    /// revoked keys only when `includeRevoked`.
    func keyIds(in range: PrefixRange, includeRevoked: Bool, limit: Int) throws(FolioError) -> [SQLRow] {
        try query("""
            SELECT k.id, k.label, k.start, t.email_normalized AS email FROM api_keys k JOIN tenants t ON t.id = k.tenant_id
            WHERE k.id >= ?1 AND k.id < ?2 AND (?4 OR k.revoked_at IS NULL) ORDER BY k.id LIMIT ?3
            """, range.values(limit: limit) + [.integer(includeRevoked ? 1 : 0)])
    }

    /// Displayed starts (api_keys_start) from `range` that name exactly one key, since a start
    /// several keys share (revoked ones included) is refused as ambiguous; with label and the
    /// tenant's e-mail. Revoked keys only when `includeRevoked`.
    func keyStarts(in range: PrefixRange, includeRevoked: Bool, limit: Int) throws(FolioError) -> [SQLRow] {
        try query("""
            SELECT k.start, k.label, t.email_normalized AS email FROM api_keys k JOIN tenants t ON t.id = k.tenant_id
            WHERE k.start >= ?1 AND k.start < ?2 AND (?4 OR k.revoked_at IS NULL)
              AND NOT EXISTS (SELECT 1 FROM api_keys o WHERE o.start = k.start AND o.id <> k.id)
            ORDER BY k.start LIMIT ?3
            """, range.values(limit: limit) + [.integer(includeRevoked ? 1 : 0)])
    }

    /// Issuer ids (primary key) from `range`, with name and RUC.
    func issuerIds(in range: PrefixRange, limit: Int) throws(FolioError) -> [SQLRow] {
        try query("SELECT id, name, ruc FROM issuers WHERE id >= ?1 AND id < ?2 ORDER BY id LIMIT ?3",
                  range.values(limit: limit))
    }

    /// Document ids (primary key) from `range`, with number and buyer.
    func documentIds(in range: PrefixRange, limit: Int) throws(FolioError) -> [SQLRow] {
        try query("""
            SELECT id AS value, \(StoreTransaction.documentLabelColumns) FROM documents
            WHERE id >= ?1 AND id < ?2 ORDER BY id LIMIT ?3
            """, range.values(limit: limit))
    }

    /// Access keys (unique index) from `range`, with number and buyer.
    func documentAccessKeys(in range: PrefixRange, limit: Int) throws(FolioError) -> [SQLRow] {
        try query("""
            SELECT access_key AS value, \(StoreTransaction.documentLabelColumns) FROM documents
            WHERE access_key >= ?1 AND access_key < ?2 ORDER BY access_key LIMIT ?3
            """, range.values(limit: limit))
    }

    /// `001-001-000000042` and the buyer's name, as `number` and `buyer`.
    private static let documentLabelColumns =
        "series || '-' || printf('%09d', sequential) AS number, json_extract(summary, '$.buyer.name') AS buyer"
}

/// The strings that begin with `prefix`, as a half-open range `[lower, upper)` in SQLite's BINARY
/// order (UTF-8 bytes, which is code point order): `upper` is `prefix` with its last character
/// replaced by the next code point, so `s >= lower AND s < upper` holds exactly when `s` starts
/// with `prefix` and an index on the column can answer it.
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

    /// ?1 lower, ?2 upper (a value above every text: a BLOB sorts after all TEXT), ?3 limit.
    func values(limit: Int) -> [SQLValue] {
        [.text(lower), upper.map { .text($0) } ?? .blob([]), .integer(Int64(limit))]
    }
}
