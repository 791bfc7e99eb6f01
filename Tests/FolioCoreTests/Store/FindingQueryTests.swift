import Foundation
import Testing
@testable import FolioCore
import FolioTestSupport
import FolioSupport

/// The store side of finding things (issue 12): the folded search text and the migration that
/// fills it for existing tenants, time bounds, action filters, and the plans of the new queries.
@Suite("finding: search text, time bounds, migration 5, query plans")
struct FindingQueryTests {
    let location = StoreLocation(dataDirectory: ProcessRunner.temporaryDirectory("folio-unit") + "/store")
    let ids = IDGenerator(clock: FixedClock(Timestamp(rfc3339: "2026-11-22T08:00:00Z")!))

    func store() throws -> Store {
        _ = try Store.initialize(location: location, environment: [:])
        return try Store.open(location: location, environment: [:])
    }

    func register(_ email: String, name: String, in store: Store) throws {
        let context = MutationContext(actor: "unit", command: "test", idempotencyKey: nil, fingerprint: "f", dryRun: false,
                                      now: Timestamp(rfc3339: "2026-11-22T08:00:00Z")!, ids: ids)
        _ = try store.perform(Tenants.register(TenantRegistration(email: email, name: name, tier: .trial, language: .es)),
                              context: context) { _ throws(FolioError) in [] }
    }

    func found(_ text: String, _ store: Store) throws -> [String] {
        try Tenants.list(store: store, filter: TenantFilter(search: text), page: PageRequest(limit: 50, cursor: nil)).items.map(\.email)
    }

    @Test("the stored text and the search fold the same way; LIKE's characters are escaped")
    func folding() throws {
        #expect(TenantSearch.text(email: "José@Example.com", name: "Núñez & Hijos") == "jose@example.com\nnunez & hijos")
        #expect(try TenantSearch("  JOSÉ ").folded == "jose")
        #expect(try TenantSearch("100%_a\\b").likePattern == "%100\\%\\_a\\\\b%")
        #expect(try TenantSearch("1790011674").rucPrefix == "1790011674")
        #expect(try TenantSearch("17900116740011").rucPrefix == nil)
        #expect(try TenantSearch("179x").rucPrefix == nil)
        #expect(throws: FolioError.self) { try TenantSearch(" ") }
        #expect(throws: FolioError.self) { try TenantSearch(String(repeating: "a", count: 301)) }
    }

    @Test("a store from before migration 5 gets its tenants' search text when it is opened")
    func migration() throws {
        let old = try store()
        try register("jose@example.com", name: "José Núñez", in: old)
        try register("ana@example.com", name: "Ana", in: old)
        // What version 4 looked like: no search table, none of the new indexes.
        try old.write { tx throws(FolioError) in
            for index in ["issuers_ruc", "audit_tenant", "audit_action"] { try tx.run("DROP INDEX \(identifier: index)") }
            try tx.run("DROP TABLE tenant_search")
            try tx.run("PRAGMA user_version = 4")
        }
        let migrated = try Store.open(location: location, environment: [:])
        #expect(try migrated.schemaVersion() == Migrations.latestVersion)
        #expect(try found("NUNEZ", migrated) == ["jose@example.com"])
        #expect(try found("example", migrated) == ["jose@example.com", "ana@example.com"])
    }

    @Test("a date starts at 00:00 UTC and, as an end, takes its whole day in; a time ago counts back from now")
    func timeBounds() throws {
        let now = try #require(Timestamp(rfc3339: "2026-11-23T10:20:00Z"))
        #expect(TimeBound("2026-11-30")?.start(now: now).rfc3339 == "2026-11-30T00:00:00Z")
        #expect(TimeBound("2026-11-30")?.end(now: now).rfc3339 == "2026-12-01T00:00:00Z")
        #expect(TimeBound("2026-12-31")?.end(now: now).rfc3339 == "2027-01-01T00:00:00Z")
        #expect(TimeBound("2026-11-30T08:00:00-05:00")?.end(now: now).rfc3339 == "2026-11-30T13:00:00Z")
        #expect(TimeBound("90s")?.start(now: now).rfc3339 == "2026-11-23T10:18:30Z")
        #expect(TimeBound("30m")?.start(now: now).rfc3339 == "2026-11-23T09:50:00Z")
        #expect(TimeBound("1h")?.end(now: now).rfc3339 == "2026-11-23T09:20:00Z")
        #expect(TimeBound("7d")?.start(now: now).rfc3339 == "2026-11-16T10:20:00Z")
        for bad in ["", "yesterday", "2026-02-29", "2026-11-30T08:00:00", "-1h", "1.5h", "1w", "d"] {
            #expect(TimeBound(bad) == nil, "\(bad)")
        }
    }

    @Test("actions: noun.verb exactly, noun. or noun.* for a family; nothing else")
    func actionFilters() throws {
        #expect(try AuditActionFilter("tenant.set_tier").match == .exact("tenant.set_tier"))
        #expect(try AuditActionFilter("key.").match == .prefix("key."))
        #expect(try AuditActionFilter("key.*").match == .prefix("key."))
        for bad in ["", "key", ".", "key.*.x", "Key.create", "key.create.x", "key:create", "key. ", "1key."] {
            #expect(throws: FolioError.self, "\(bad)") { try AuditActionFilter(bad) }
        }
    }

    func plan(_ list: ListQuery, _ store: Store) throws -> [String] {
        try store.read { tx throws(FolioError) in
            try tx.fetchAll("EXPLAIN QUERY PLAN " + list.query(after: String?.none, limit: 51), table: "plan") { row throws(FolioError) in
                try row.text("detail")
            }
        }
    }

    @Test("search reads tenant_search in id order and looks up each match (no sort), a RUC is a range of issuers_ruc; audit filters use indexes")
    func plans() throws {
        let store = try store()
        for (search, status) in [("jose", nil), ("1790011674", nil), ("jose", TenantStatus.active)] {
            let steps = try plan(StoreTransaction.tenantList(status: status, tier: status == nil ? nil : .trial,
                                                             search: try TenantSearch(search)), store)
            #expect(steps.first == "SCAN s", "\(steps)")
            // By id (with the tier, when asked, tenants_tier serves as well).
            #expect(steps.contains { $0.hasPrefix("SEARCH t USING INDEX") && $0.contains("id=?") }, "\(steps)")
            #expect(!steps.contains { $0.contains("TEMP B-TREE") }, "\(steps)")
            if search.first!.isNumber {
                #expect(steps.contains { $0.hasPrefix("SEARCH issuers USING COVERING INDEX issuers_ruc") }, "\(steps)")
            }
        }

        let byTarget = try plan(StoreTransaction.auditList(target: "ten_x", actor: nil, since: nil, until: nil, actions: [],
                                                           newestFirst: true), store)
        #expect(byTarget.contains { $0.contains("USING INDEX audit_target") } && byTarget.contains { $0.contains("USING INDEX audit_tenant") },
                "\(byTarget)")
        let byAction = try plan(StoreTransaction.auditList(target: nil, actor: nil, since: nil, until: nil,
                                                           actions: [try AuditActionFilter("key.")], newestFirst: true), store)
        #expect(byAction.contains { $0.contains("USING INDEX audit_action") }, "\(byAction)")
    }
}
