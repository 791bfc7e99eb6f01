import FolioSupport

/// The event list: the outbox, newest first, by tenant, type and time.
public enum Events {
    public static func list(store: Store, query: EventQuery, page: PageRequest) throws(FolioError) -> Page<EventRecord> {
        try query.check(typeField: "type")
        var after: Int64?
        if let cursor = page.cursor {
            guard let seq = Int64(cursor) else {
                throw .validation("the cursor '\(cursor)' is not one this command gave out", field: "cursor")
            }
            after = seq
        }
        return try store.read { tx throws(FolioError) in
            let tenantId = try query.tenant.map { (h: String) throws(FolioError) -> String in try Tenants.find(h, in: tx).id }
            return try tx.events(query, tenantId: tenantId, after: after, limit: page.limit)
        }
    }
}
