import FolioSupport

/// SQL of the api_keys table (migration 2). The secret is never here: only its SHA-256.
extension StoreTransaction {
    func insertApiKey(_ k: ApiKey, hash: String, createdBy: String) throws(FolioError) {
        try run("""
            INSERT INTO api_keys (id, tenant_id, environment, label, scopes, key_hash, start, rate_limit_count,
                rate_limit_seconds, window_start, window_count, expires_at, revoked_at, revoked_reason, rotated_to,
                rotated_from, last_used_at, created_at, created_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, 0, ?, NULL, NULL, NULL, ?, NULL, ?, ?)
            """, [.text(k.id), .text(k.tenantId), .text(k.environment.rawValue), .optional(k.label),
                  .text(k.scopes.joined(separator: " ")), .text(hash), .text(k.start),
                  .integer(Int64(k.rateLimit.count)), .integer(k.rateLimit.seconds), .optional(k.expiresAt?.rfc3339),
                  .optional(k.rotatedFrom), .text(k.createdAt.rfc3339), .text(createdBy)])
    }

    /// Writes the columns a lifecycle change touches (revocation, expiry, rotation).
    func updateApiKeyLifecycle(_ k: ApiKey) throws(FolioError) {
        try run("UPDATE api_keys SET expires_at = ?, revoked_at = ?, revoked_reason = ?, rotated_to = ? WHERE id = ?",
                [.optional(k.expiresAt?.rfc3339), .optional(k.revokedAt?.rfc3339), .optional(k.revokedReason),
                 .optional(k.rotatedTo), .text(k.id)])
    }

    func apiKey(id: String, now: Timestamp) throws(FolioError) -> ApiKey? {
        try queryOne("SELECT * FROM api_keys WHERE id = ?", [.text(id)]).map { ApiKey(row: $0, now: now) }
    }

    func apiKeys(start: String, now: Timestamp) throws(FolioError) -> [ApiKey] {
        try query("SELECT * FROM api_keys WHERE start = ? ORDER BY id", [.text(start)]).map { ApiKey(row: $0, now: now) }
    }

    func apiKey(hash: String, now: Timestamp) throws(FolioError) -> ApiKey? {
        try queryOne("SELECT * FROM api_keys WHERE key_hash = ?", [.text(hash)]).map { ApiKey(row: $0, now: now) }
    }

    /// Keys of `tenantId` that are neither revoked nor expired at `now`.
    func activeApiKeys(tenantId: String, environment: Environment?, now: Timestamp) throws(FolioError) -> [ApiKey] {
        var sql = "SELECT * FROM api_keys WHERE tenant_id = ? AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > ?)"
        var values: [SQLValue] = [.text(tenantId), .text(now.rfc3339)]
        if let environment { sql += " AND environment = ?"; values.append(.text(environment.rawValue)) }
        return try query(sql + " ORDER BY id", values).map { ApiKey(row: $0, now: now) }
    }

    func apiKeys(tenantId: String?, environment: Environment?, status: KeyStatus?, label: String?, afterId: String?,
                 limit: Int?, now: Timestamp) throws(FolioError) -> [ApiKey] {
        var sql = "SELECT * FROM api_keys WHERE 1 = 1"
        var values: [SQLValue] = []
        if let tenantId { sql += " AND tenant_id = ?"; values.append(.text(tenantId)) }
        if let environment { sql += " AND environment = ?"; values.append(.text(environment.rawValue)) }
        if let label { sql += " AND label = ?"; values.append(.text(label)) }
        switch status {
        case .active?: sql += " AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > ?)"; values.append(.text(now.rfc3339))
        case .revoked?: sql += " AND revoked_at IS NOT NULL"
        case .expired?: sql += " AND revoked_at IS NULL AND expires_at <= ?"; values.append(.text(now.rfc3339))
        case nil: break
        }
        if let afterId { sql += " AND id > ?"; values.append(.text(afterId)) }
        sql += " ORDER BY id"
        if let limit { sql += " LIMIT \(limit)" }
        return try query(sql, values).map { ApiKey(row: $0, now: now) }
    }

    /// The key with this hash and its tenant's status, for `keys verify`: one indexed lookup.
    func apiKeyForVerification(hash: String, now: Timestamp)
        throws(FolioError) -> (key: ApiKey, tenantStatus: String, windowStart: Int64?, windowCount: Int64)? {
        guard let row = try queryOne("""
            SELECT k.*, t.status AS tenant_status FROM api_keys k JOIN tenants t ON t.id = k.tenant_id
            WHERE k.key_hash = ?
            """, [.text(hash)]) else { return nil }
        return (ApiKey(row: row, now: now), row.text("tenant_status"), row.int("window_start"), row.int("window_count") ?? 0)
    }

    /// Records one counted check: the window's start and count, and (for a valid check) last use.
    func recordApiKeyUse(id: String, windowStart: Int64, windowCount: Int64, lastUsedAt: Timestamp?) throws(FolioError) {
        if let lastUsedAt {
            try run("UPDATE api_keys SET window_start = ?, window_count = ?, last_used_at = ? WHERE id = ?",
                    [.integer(windowStart), .integer(windowCount), .text(lastUsedAt.rfc3339), .text(id)])
        } else {
            try run("UPDATE api_keys SET window_start = ?, window_count = ? WHERE id = ?",
                    [.integer(windowStart), .integer(windowCount), .text(id)])
        }
    }
}

extension ApiKey {
    init(row: SQLRow, now: Timestamp) {
        let expires = row.string("expires_at").flatMap(Timestamp.init(rfc3339:))
        let revoked = row.string("revoked_at").flatMap(Timestamp.init(rfc3339:))
        self.init(id: row.text("id"), tenantId: row.text("tenant_id"),
                  environment: Environment(rawValue: row.text("environment")) ?? .sandbox,
                  label: row.string("label"),
                  scopes: row.text("scopes").split(separator: " ").map(String.init),
                  start: row.text("start"),
                  rateLimit: RateLimit(count: Int(row.int("rate_limit_count") ?? 0), seconds: row.int("rate_limit_seconds") ?? 60),
                  expiresAt: expires, revokedAt: revoked, revokedReason: row.string("revoked_reason"),
                  rotatedTo: row.string("rotated_to"), rotatedFrom: row.string("rotated_from"),
                  lastUsedAt: row.string("last_used_at").flatMap(Timestamp.init(rfc3339:)),
                  createdAt: Timestamp(rfc3339: row.text("created_at")) ?? Timestamp(seconds: 0),
                  status: ApiKey.status(revokedAt: revoked, expiresAt: expires, now: now))
    }
}
