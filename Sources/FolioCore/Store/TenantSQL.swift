import FolioSupport

/// SQL of the tenants table.
extension StoreTransaction {
    func insertTenant(_ t: Tenant, tokenHash: String?, tokenExpiresAt: Timestamp?) throws(FolioError) {
        try run("""
            INSERT INTO tenants (id, email, email_normalized, name, tier, language, status, environment, verified_at,
                suspended_reason, verification_token_hash, verification_expires_at, trial_ends_at, created_at, updated_at)
            VALUES (\(t.id), \(t.email), \(Tenants.normalize(email: t.email)), \(t.name), \(t.tier), \(t.language),
                \(t.status), \(t.environment), \(t.verifiedAt), \(t.suspendedReason), \(tokenHash), \(tokenExpiresAt),
                \(t.trialEndsAt), \(t.createdAt), \(t.updatedAt))
            """)
    }

    /// Writes every mutable column of `t`.
    func updateTenant(_ t: Tenant) throws(FolioError) {
        try run("""
            UPDATE tenants SET name = \(t.name), tier = \(t.tier), language = \(t.language), status = \(t.status),
                environment = \(t.environment), verified_at = \(t.verifiedAt), suspended_reason = \(t.suspendedReason),
                trial_ends_at = \(t.trialEndsAt), updated_at = \(t.updatedAt) WHERE id = \(t.id)
            """)
    }

    func setVerificationToken(tenantId: String, hash: String?, expiresAt: Timestamp?) throws(FolioError) {
        try run("UPDATE tenants SET verification_token_hash = \(hash), verification_expires_at = \(expiresAt) WHERE id = \(tenantId)")
    }

    func verificationToken(tenantId: String) throws(FolioError) -> (hash: String?, expiresAt: Timestamp?) {
        try fetchOne("SELECT verification_token_hash, verification_expires_at FROM tenants WHERE id = \(tenantId)",
                     table: "tenants") { row throws(FolioError) in
            (try row.optionalText("verification_token_hash"), try row.optionalTimestamp("verification_expires_at"))
        } ?? (nil, nil)
    }

    func tenant(id: String) throws(FolioError) -> Tenant? {
        try fetchOne("SELECT * FROM tenants WHERE id = \(id)", table: "tenants", Tenant.init(row:))
    }

    func tenant(email: String) throws(FolioError) -> Tenant? {
        try fetchOne("SELECT * FROM tenants WHERE email_normalized = \(Tenants.normalize(email: email))",
                     table: "tenants", Tenant.init(row:))
    }

    func tenants(status: TenantStatus?, tier: Tier?, after cursor: String?, limit: Int?) throws(FolioError) -> Page<Tenant> {
        var list = ListQuery("SELECT * FROM tenants", table: "tenants", key: "id")
        if let status { list.filter("status = \(status)") }
        if let tier { list.filter("tier = \(tier)") }
        return try page(list, after: cursor, limit: limit, Tenant.init(row:), cursor: \.id)
    }
}

extension Tenant {
    init(row: SQLRow) throws(FolioError) {
        self.init(id: try row.text("id"), email: try row.text("email"), name: try row.text("name"),
                  tier: try row.enumeration("tier", Tier.self),
                  language: try row.enumeration("language", Language.self),
                  status: try row.enumeration("status", TenantStatus.self),
                  environment: try row.enumeration("environment", Environment.self),
                  verifiedAt: try row.optionalTimestamp("verified_at"),
                  suspendedReason: try row.optionalText("suspended_reason"),
                  trialEndsAt: try row.optionalTimestamp("trial_ends_at"),
                  createdAt: try row.timestamp("created_at"),
                  updatedAt: try row.timestamp("updated_at"))
    }
}
