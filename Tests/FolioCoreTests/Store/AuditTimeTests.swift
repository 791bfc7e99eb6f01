import Testing
@testable import FolioCore
import FolioSupport
import FolioTestSupport

/// Audit time never goes back: a clock set behind the last entry's writes that time again, and
/// verification reports a chain whose times go back (what a clock taken from the environment
/// could write before).
@Suite("audit: time never goes back")
struct AuditTimeTests {
    func store() throws -> Store {
        let location = StoreLocation(dataDirectory: ProcessRunner.temporaryDirectory("folio-audit") + "/store")
        _ = try Store.initialize(location: location, environment: [:])
        return try Store.open(location: location, environment: [:])
    }

    func context(_ now: String) -> MutationContext {
        let instant = Timestamp(rfc3339: now)!
        return MutationContext(actor: "unit", command: "test", idempotencyKey: nil, fingerprint: now, dryRun: false,
                               now: instant, ids: IDGenerator(clock: FixedClock(instant)))
    }

    func register(_ email: String, _ store: Store, at now: String) throws {
        _ = try store.perform(Tenants.register(TenantRegistration(email: email, name: nil, tier: .trial, language: .es)),
                              context: context(now)) { _ throws(FolioError) in [] }
    }

    @Test("an entry written with a clock behind the last entry's takes the last entry's time")
    func clamped() throws {
        let store = try store()
        try register("a@example.com", store, at: "2026-11-23T10:00:00Z")
        try register("b@example.com", store, at: "2020-01-01T00:00:00Z")
        let times = try AuditLog.list(store: store, query: AuditQuery(), page: PageRequest(limit: 10, cursor: nil)).items.map(\.time)
        #expect(times.count >= 2)   // a registration writes its entry and its key's
        #expect(times.allSatisfy { $0.rfc3339 == "2026-11-23T10:00:00Z" }, "\(times)")
        #expect(try AuditLog.verify(store: store).valid)
    }

    @Test("verification reports a well-chained row whose time goes back")
    func backwards() throws {
        let store = try store()
        try register("a@example.com", store, at: "2026-11-23T10:00:00Z")
        // What an older folio could write with a clock from the environment: a correct chain
        // whose second row is dated before the first.
        let written = try store.write { tx throws(FolioError) -> Int64 in
            guard let last = try tx.lastAuditRow() else { throw FolioError.server("no audit row") }
            let entry = AuditEntry(seq: last.seq + 1, id: "aud_01XXXXXXXXXXXXXXXXXXXXXXXX", time: Timestamp(rfc3339: "2020-01-01T00:00:00Z")!,
                                   actor: "unit", command: "test", action: "tenant.register", targetId: nil, tenantId: nil,
                                   outcome: "ok", details: .object([]))
            try tx.insertAudit(entry, prevHash: last.hash, hash: entry.chainHash(previous: last.hash))
            return entry.seq
        }
        let report = try AuditLog.verify(store: store)
        #expect(report.firstBad?.seq == written)
        #expect(report.firstBad?.problem.contains("before the time of the row before it") == true)
    }
}
