import FolioSupport

/// SQL of the api_keys table (migration 2). The secret is never here: only its SHA-256.
extension StoreTransaction {
    func insertApiKey(_ k: ApiKey, hash: String, createdBy: String) throws(FolioError) {
        try run("""
            INSERT INTO api_keys (id, tenant_id, environment, label, scopes, key_hash, start, rate_limit_count,
                rate_limit_seconds, window_start, window_count, expires_at, revoked_at, revoked_reason, rotated_to,
                rotated_from, last_used_at, created_at, created_by)
            VALUES (\(k.id), \(k.tenantId), \(k.environment), \(k.label), \(k.scopes.joined(separator: " ")), \(hash),
                \(k.start), \(k.rateLimit.count), \(k.rateLimit.seconds), NULL, 0, \(k.expiresAt), NULL, NULL, NULL,
                \(k.rotatedFrom), NULL, \(k.createdAt), \(createdBy))
            """)
    }

    /// Writes the columns a lifecycle change touches (revocation, expiry, rotation).
    func updateApiKeyLifecycle(_ k: ApiKey) throws(FolioError) {
        try run("""
            UPDATE api_keys SET expires_at = \(k.expiresAt), revoked_at = \(k.revokedAt), revoked_reason = \(k.revokedReason),
                rotated_to = \(k.rotatedTo) WHERE id = \(k.id)
            """)
    }

    func apiKey(id: String, now: Timestamp) throws(FolioError) -> ApiKey? {
        try fetchOne("SELECT * FROM api_keys WHERE id = \(id)", table: "api_keys") { row throws(FolioError) in
            try ApiKey(row: row, now: now)
        }
    }

    func apiKeys(start: String, now: Timestamp) throws(FolioError) -> [ApiKey] {
        try fetchAll("SELECT * FROM api_keys WHERE start = \(start) ORDER BY id", table: "api_keys") { row throws(FolioError) in
            try ApiKey(row: row, now: now)
        }
    }

    func apiKey(hash: String, now: Timestamp) throws(FolioError) -> ApiKey? {
        try fetchOne("SELECT * FROM api_keys WHERE key_hash = \(hash)", table: "api_keys") { row throws(FolioError) in
            try ApiKey(row: row, now: now)
        }
    }

    /// Keys of `tenantId` that are neither revoked nor expired at `now`.
    func activeApiKeys(tenantId: String, environment: Environment?, now: Timestamp) throws(FolioError) -> [ApiKey] {
        var query: SQLQuery = """
            SELECT * FROM api_keys WHERE tenant_id = \(tenantId) AND revoked_at IS NULL
                AND (expires_at IS NULL OR expires_at > \(now))
            """
        if let environment { query.append(" AND environment = \(environment)") }
        query.append(" ORDER BY id")
        return try fetchAll(query, table: "api_keys") { row throws(FolioError) in try ApiKey(row: row, now: now) }
    }

    func apiKeys(tenantId: String?, environment: Environment?, status: KeyStatus?, label: String?, after cursor: String?,
                 limit: Int?, now: Timestamp) throws(FolioError) -> Page<ApiKey> {
        var list = ListQuery("SELECT * FROM api_keys", table: "api_keys", key: "id")
        if let tenantId { list.filter("tenant_id = \(tenantId)") }
        if let environment { list.filter("environment = \(environment)") }
        if let label { list.filter("label = \(label)") }
        switch status {
        case .active?: list.filter("revoked_at IS NULL AND (expires_at IS NULL OR expires_at > \(now))")
        case .revoked?: list.filter("revoked_at IS NOT NULL")
        case .expired?: list.filter("revoked_at IS NULL AND expires_at <= \(now)")
        case nil: break
        }
        return try page(list, after: cursor, limit: limit, { row throws(FolioError) in try ApiKey(row: row, now: now) },
                        cursor: \.id)
    }

    /// The key with this hash and its tenant's status, for `keys verify`: one indexed lookup.
    func apiKeyForVerification(hash: String, now: Timestamp)
        throws(FolioError) -> (key: ApiKey, tenantStatus: String, windowStart: Int64?, windowCount: Int64)? {
        try fetchOne("""
            SELECT k.*, t.status AS tenant_status FROM api_keys k JOIN tenants t ON t.id = k.tenant_id
            WHERE k.key_hash = \(hash)
            """, table: "api_keys") { row throws(FolioError) in
            (try ApiKey(row: row, now: now), try row.text("tenant_status"), try row.optionalInteger("window_start"),
             try row.integer("window_count"))
        }
    }

    /// Records one counted check: the window's start and count, and (for a valid check) last use.
    func recordApiKeyUse(id: String, windowStart: Int64, windowCount: Int64, lastUsedAt: Timestamp?) throws(FolioError) {
        if let lastUsedAt {
            try run("""
                UPDATE api_keys SET window_start = \(windowStart), window_count = \(windowCount), last_used_at = \(lastUsedAt)
                WHERE id = \(id)
                """)
        } else {
            try run("UPDATE api_keys SET window_start = \(windowStart), window_count = \(windowCount) WHERE id = \(id)")
        }
    }
}

extension ApiKey {
    init(row: SQLRow, now: Timestamp) throws(FolioError) {
        let expires = try row.optionalTimestamp("expires_at")
        let revoked = try row.optionalTimestamp("revoked_at")
        self.init(id: try row.text("id"), tenantId: try row.text("tenant_id"),
                  environment: try row.enumeration("environment", Environment.self),
                  label: try row.optionalText("label"),
                  scopes: try row.text("scopes").split(separator: " ").map(String.init),
                  start: try row.text("start"),
                  rateLimit: RateLimit(count: try row.int("rate_limit_count", in: 0...Int.max),
                                       seconds: try row.integer("rate_limit_seconds")),
                  expiresAt: expires, revokedAt: revoked, revokedReason: try row.optionalText("revoked_reason"),
                  rotatedTo: try row.optionalText("rotated_to"), rotatedFrom: try row.optionalText("rotated_from"),
                  lastUsedAt: try row.optionalTimestamp("last_used_at"),
                  createdAt: try row.timestamp("created_at"),
                  status: ApiKey.status(revokedAt: revoked, expiresAt: expires, now: now))
    }
}
