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
        try setSearchText(t)
    }

    /// Writes every mutable column of `t`.
    func updateTenant(_ t: Tenant) throws(FolioError) {
        try run("""
            UPDATE tenants SET name = \(t.name), tier = \(t.tier), language = \(t.language), status = \(t.status),
                environment = \(t.environment), verified_at = \(t.verifiedAt), suspended_reason = \(t.suspendedReason),
                trial_ends_at = \(t.trialEndsAt), updated_at = \(t.updatedAt) WHERE id = \(t.id)
            """)
        try setSearchText(t)
    }

    /// Writes what a search of the tenants compares for `t` (`TenantSearch`).
    private func setSearchText(_ t: Tenant) throws(FolioError) {
        try upsert(Upsert(table: "tenant_search",
                          values: [("tenant_id", .text(t.id)), ("text", .text(TenantSearch.text(email: t.email, name: t.name)))],
                          conflict: ["tenant_id"], update: ["text"]))
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

    /// The ids of the tenants with an issuer of this RUC (an index search of `issuers_ruc`).
    func tenantIds(issuerRUC ruc: String) throws(FolioError) -> [String] {
        try fetchAll("SELECT DISTINCT tenant_id FROM issuers WHERE ruc = \(ruc) ORDER BY tenant_id",
                     table: "issuers") { row throws(FolioError) in try row.text("tenant_id") }
    }

    /// One page of tenants in id order (see `tenantList`).
    func tenants(status: TenantStatus?, tier: Tier?, search: TenantSearch? = nil, after cursor: String?,
                 limit: Int?) throws(FolioError) -> Page<Tenant> {
        try page(Self.tenantList(status: status, tier: tier, search: search), after: cursor, limit: limit,
                 Tenant.init(row:), cursor: \.id)
    }

    /// The tenants list. `search` (folded, see `TenantSearch`) keeps those whose search text
    /// holds it, or (when it is all digits) one of whose issuers' RUC starts with it.
    static func tenantList(status: TenantStatus?, tier: Tier?, search: TenantSearch?) -> ListQuery {
        var list: ListQuery
        if let search {
            // tenant_search first, in its own (tenant id) order, each match's tenant looked up:
            // CROSS JOIN keeps SQLite from turning the loops round (a filter on status would
            // make it read every tenant and sort); elsewhere it is the inner join it says.
            list = ListQuery("SELECT t.* FROM tenant_search s CROSS JOIN tenants t", table: "tenants", key: "s.tenant_id")
            list.filter("t.id = s.tenant_id")
            // LIKE, not instr(): PostgreSQL has LIKE … ESCAPE too. Its case rules do not matter,
            // both sides being folded already.
            var condition: SQLQuery = "(s.text LIKE \(search.likePattern) ESCAPE '\\'"
            if let ruc = search.rucPrefix {
                // A RUC matches from its start: every RUC ends in 001, so inside it would match all.
                let range = PrefixRange(ruc)
                condition.append("""
                     OR s.tenant_id IN (SELECT tenant_id FROM issuers WHERE ruc >= \(range.lower) AND ruc < \(range.upperBound))
                    """)
            }
            condition.append(")")
            list.filter(condition)
        } else {
            list = ListQuery("SELECT * FROM tenants", table: "tenants", key: "id")
        }
        // Unqualified: only tenants has these columns.
        if let status { list.filter("status = \(status)") }
        if let tier { list.filter("tier = \(tier)") }
        return list
    }

    /// Writes the search text of every tenant that has none (migration 5 makes the table empty).
    func fillTenantSearchText() throws(FolioError) {
        let rows = try fetchAll("""
            SELECT id, email, name FROM tenants WHERE id NOT IN (SELECT tenant_id FROM tenant_search)
            """, table: "tenants") { row throws(FolioError) in
            (id: try row.text("id"), email: try row.text("email"), name: try row.text("name"))
        }
        for row in rows {
            let text = TenantSearch.text(email: row.email, name: row.name)
            try run("INSERT INTO tenant_search (tenant_id, text) VALUES (\(row.id), \(text))")
        }
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
