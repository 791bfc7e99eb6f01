/// SQL of shell completion: ids, e-mails, key starts and access keys that begin with a prefix.
///
/// Every query is a range scan of a unique or indexed column (`col >= lower AND col < upper`,
/// see `PrefixRange`), never `LIKE` (SQLite's LIKE is case-insensitive, so it cannot use these
/// BINARY indexes), and stops at `limit` rows: an answer costs the same on ten rows or a
/// million. A test holds each query plan to its index.
enum CompletionSQL {
    static func tenantIds(_ range: PrefixRange, limit: Int) -> SQLQuery {
        """
        SELECT id, name, email_normalized AS email FROM tenants WHERE id >= \(range.lower) AND id < \(range.upperBound)
        ORDER BY id LIMIT \(limit)
        """
    }

    static func tenantEmails(_ range: PrefixRange, limit: Int) -> SQLQuery {
        """
        SELECT email_normalized AS email, name FROM tenants
        WHERE email_normalized >= \(range.lower) AND email_normalized < \(range.upperBound) ORDER BY email_normalized LIMIT \(limit)
        """
    }

    static func keyIds(_ range: PrefixRange, limit: Int, includeRevoked: Bool) -> SQLQuery {
        """
        SELECT k.id, k.label, k.start, t.email_normalized AS email FROM api_keys k JOIN tenants t ON t.id = k.tenant_id
        WHERE k.id >= \(range.lower) AND k.id < \(range.upperBound) AND (\(includeRevoked) OR k.revoked_at IS NULL)
        ORDER BY k.id LIMIT \(limit)
        """
    }

    /// A start that several keys share (revoked ones included) is refused as ambiguous by
    /// `Keys.find`, so it is no candidate.
    static func keyStarts(_ range: PrefixRange, limit: Int, includeRevoked: Bool) -> SQLQuery {
        """
        SELECT k.start, k.label, t.email_normalized AS email FROM api_keys k JOIN tenants t ON t.id = k.tenant_id
        WHERE k.start >= \(range.lower) AND k.start < \(range.upperBound) AND (\(includeRevoked) OR k.revoked_at IS NULL)
          AND NOT EXISTS (SELECT 1 FROM api_keys o WHERE o.start = k.start AND o.id <> k.id)
        ORDER BY k.start LIMIT \(limit)
        """
    }

    static func issuerIds(_ range: PrefixRange, limit: Int) -> SQLQuery {
        "SELECT id, name, ruc FROM issuers WHERE id >= \(range.lower) AND id < \(range.upperBound) ORDER BY id LIMIT \(limit)"
    }

    /// `001-001-000000042` and the buyer's name, as `number` and `buyer`. SQLite's functions
    /// (`printf`, `json_extract`): the one SQLite-only text outside the dialect and migrations.
    private static let documentLabel: SQLQuery =
        "series || '-' || printf('%09d', sequential) AS number, json_extract(summary, '$.buyer.name') AS buyer"

    static func documentIds(_ range: PrefixRange, limit: Int) -> SQLQuery {
        """
        SELECT id AS value, \(documentLabel) FROM documents WHERE id >= \(range.lower) AND id < \(range.upperBound)
        ORDER BY id LIMIT \(limit)
        """
    }

    static func documentAccessKeys(_ range: PrefixRange, limit: Int) -> SQLQuery {
        """
        SELECT access_key AS value, \(documentLabel) FROM documents
        WHERE access_key >= \(range.lower) AND access_key < \(range.upperBound) ORDER BY access_key LIMIT \(limit)
        """
    }

    /// Every query, for `range`, with the index its plan must search (for the test).
    static func indexed(_ range: PrefixRange, limit: Int) -> [(query: SQLQuery, index: String)] {
        [(tenantIds(range, limit: limit), "sqlite_autoindex_tenants_1"),
         (tenantEmails(range, limit: limit), "sqlite_autoindex_tenants_2"),
         (keyIds(range, limit: limit, includeRevoked: false), "sqlite_autoindex_api_keys_1"),
         (keyStarts(range, limit: limit, includeRevoked: false), "api_keys_start"),
         (issuerIds(range, limit: limit), "sqlite_autoindex_issuers_1"),
         (documentIds(range, limit: limit), "sqlite_autoindex_documents_1"),
         (documentAccessKeys(range, limit: limit), "sqlite_autoindex_documents_2")]
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

    /// `upper` to bind; without one, an empty BLOB: SQLite sorts every BLOB after all TEXT.
    var upperBound: SQLValue { upper.map { .text($0) } ?? .blob([]) }
}
