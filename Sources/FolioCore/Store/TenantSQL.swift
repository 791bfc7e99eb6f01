import FolioSupport

/// SQL of the tenants table.
extension StoreTransaction {
    func insertTenant(_ t: Tenant, tokenHash: String?, tokenExpiresAt: Timestamp?) throws(FolioError) {
        try run("""
            INSERT INTO tenants (id, email, email_normalized, name, tier, language, status, environment, verified_at,
                suspended_reason, verification_token_hash, verification_expires_at, trial_ends_at, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [.text(t.id), .text(t.email), .text(Tenants.normalize(email: t.email)), .text(t.name),
                  .text(t.tier.rawValue), .text(t.language.rawValue), .text(t.status.rawValue),
                  .text(t.environment.rawValue), .optional(t.verifiedAt?.rfc3339), .optional(t.suspendedReason),
                  .optional(tokenHash), .optional(tokenExpiresAt?.rfc3339), .optional(t.trialEndsAt?.rfc3339),
                  .text(t.createdAt.rfc3339), .text(t.updatedAt.rfc3339)])
    }

    /// Writes every mutable column of `t`.
    func updateTenant(_ t: Tenant) throws(FolioError) {
        try run("""
            UPDATE tenants SET name = ?, tier = ?, language = ?, status = ?, environment = ?, verified_at = ?,
                suspended_reason = ?, trial_ends_at = ?, updated_at = ? WHERE id = ?
            """, [.text(t.name), .text(t.tier.rawValue), .text(t.language.rawValue), .text(t.status.rawValue),
                  .text(t.environment.rawValue), .optional(t.verifiedAt?.rfc3339), .optional(t.suspendedReason),
                  .optional(t.trialEndsAt?.rfc3339), .text(t.updatedAt.rfc3339), .text(t.id)])
    }

    func setVerificationToken(tenantId: String, hash: String?, expiresAt: Timestamp?) throws(FolioError) {
        try run("UPDATE tenants SET verification_token_hash = ?, verification_expires_at = ? WHERE id = ?",
                [.optional(hash), .optional(expiresAt?.rfc3339), .text(tenantId)])
    }

    func verificationToken(tenantId: String) throws(FolioError) -> (hash: String?, expiresAt: Timestamp?) {
        let row = try queryOne("SELECT verification_token_hash, verification_expires_at FROM tenants WHERE id = ?",
                               [.text(tenantId)])
        return (row?.string("verification_token_hash"),
                row?.string("verification_expires_at").flatMap(Timestamp.init(rfc3339:)))
    }

    func tenant(id: String) throws(FolioError) -> Tenant? {
        try queryOne("SELECT * FROM tenants WHERE id = ?", [.text(id)]).map(Tenant.init(row:))
    }

    func tenant(email: String) throws(FolioError) -> Tenant? {
        try queryOne("SELECT * FROM tenants WHERE email_normalized = ?", [.text(Tenants.normalize(email: email))])
            .map(Tenant.init(row:))
    }

    func tenants(status: TenantStatus?, tier: Tier?, afterId: String?, limit: Int?) throws(FolioError) -> [Tenant] {
        var sql = "SELECT * FROM tenants WHERE 1 = 1"
        var values: [SQLValue] = []
        if let status { sql += " AND status = ?"; values.append(.text(status.rawValue)) }
        if let tier { sql += " AND tier = ?"; values.append(.text(tier.rawValue)) }
        if let afterId { sql += " AND id > ?"; values.append(.text(afterId)) }
        sql += " ORDER BY id"
        if let limit { sql += " LIMIT \(limit)" }
        return try query(sql, values).map(Tenant.init(row:))
    }
}

extension Tenant {
    init(row: SQLRow) {
        self.init(id: row.text("id"), email: row.text("email"), name: row.text("name"),
                  tier: Tier(rawValue: row.text("tier")) ?? .trial,
                  language: Language(rawValue: row.text("language")) ?? .es,
                  status: TenantStatus(rawValue: row.text("status")) ?? .pendingVerification,
                  environment: Environment(rawValue: row.text("environment")) ?? .sandbox,
                  verifiedAt: row.string("verified_at").flatMap(Timestamp.init(rfc3339:)),
                  suspendedReason: row.string("suspended_reason"),
                  trialEndsAt: row.string("trial_ends_at").flatMap(Timestamp.init(rfc3339:)),
                  createdAt: Timestamp(rfc3339: row.text("created_at")) ?? Timestamp(seconds: 0),
                  updatedAt: Timestamp(rfc3339: row.text("updated_at")) ?? Timestamp(seconds: 0))
    }
}
