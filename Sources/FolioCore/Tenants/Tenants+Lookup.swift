import FolioSupport

/// Finding tenants: by any handle, one at a time or a page of a filtered list.
extension Tenants {
    /// The tenant named by `handle`: a `ten_` id, an e-mail (case-insensitive), or a 13-digit
    /// RUC of one of its issuers. A RUC that issuers of several tenants share is a `conflict`
    /// (exit 5) listing them.
    static func find(_ handle: String, in tx: StoreTransaction) throws(FolioError) -> Tenant {
        if AccessKey.isDigits(handle, count: 13) { return try find(ruc: handle, in: tx) }
        let found = handle.hasPrefix(IDPrefix.tenant.rawValue) ? try tx.tenant(id: handle) : try tx.tenant(email: handle)
        guard let found else {
            throw .notFound("no tenant '\(handle)'; a tenant is named by its id (ten_…), its e-mail or its issuers' RUC",
                            remedy: .listTenants)
        }
        return found
    }

    private static func find(ruc: String, in tx: StoreTransaction) throws(FolioError) -> Tenant {
        var tenants: [Tenant] = []
        for id in try tx.tenantIds(issuerRUC: ruc) {
            guard let tenant = try tx.tenant(id: id) else { throw .server("an issuer of RUC \(ruc) names a missing tenant \(id)") }
            tenants.append(tenant)
        }
        guard let first = tenants.first else {
            throw .notFound("no tenant has an issuer with RUC \(ruc)", remedy: .listTenants)
        }
        guard tenants.count == 1 else {
            let candidates = tenants.map { t in
                JSONValue.object([JSONMember("id", .string(t.id)), JSONMember("email", .string(t.email)),
                                  JSONMember("name", .string(t.name))])
            }
            let lines = tenants.map { "  \($0.id)  \($0.email)  \($0.name)" }
            throw FolioError(.conflict, "\(tenants.count) tenants have an issuer with RUC \(ruc):\n" + lines.joined(separator: "\n"),
                             hint: "name the tenant by its id or e-mail", details: [JSONMember("candidates", .array(candidates))])
        }
        return first
    }

    public static func show(store: Store, handle: String) throws(FolioError) -> Tenant {
        try store.read { tx throws(FolioError) in try find(handle, in: tx) }
    }

    public static func list(store: Store, filter: TenantFilter, page: PageRequest) throws(FolioError) -> Page<Tenant> {
        if let cursor = page.cursor, !ULID.isValid(cursor, prefix: .tenant) {
            throw .validation("the cursor '\(cursor)' is not one this command gave out", field: "cursor")
        }
        let search = try filter.search.map { (text: String) throws(FolioError) in try TenantSearch(text) }
        return try store.read { tx throws(FolioError) in
            try tx.tenants(status: filter.status, tier: filter.tier, search: search, after: page.cursor, limit: page.limit)
        }
    }
}
