import Foundation
import Testing
@testable import FolioCore
import FolioTestSupport
import FolioSupport

@Suite("timestamps, ids, e-mail validation")
struct SupportTests {
    @Test("RFC 3339 round trips in UTC and honours offsets")
    func timestamps() throws {
        let t = try #require(Timestamp(rfc3339: "2026-11-22T08:00:00Z"))
        #expect(t.rfc3339 == "2026-11-22T08:00:00Z")
        #expect(Timestamp(rfc3339: "2026-11-22T03:00:00-05:00") == t)
        #expect(Timestamp(rfc3339: "2024-02-29T23:59:59.123Z")?.rfc3339 == "2024-02-29T23:59:59Z")
        #expect(Timestamp(rfc3339: "1970-01-01T00:00:00Z")?.seconds == 0)
        #expect(Timestamp(rfc3339: "2026-13-01T00:00:00Z") == nil)
        #expect(Timestamp(rfc3339: "yesterday") == nil)
        #expect(Timestamp(seconds: 951_782_400).rfc3339 == "2000-02-29T00:00:00Z")
        #expect(OutgoingMail.rfc5322Date(t) == "Sun, 22 Nov 2026 08:00:00 +0000")
    }

    @Test("ULIDs are 26 Crockford characters that sort by time")
    func ulids() {
        let a = ULID.make(milliseconds: 1_700_000_000_000, random: [UInt8](repeating: 255, count: 10))
        let b = ULID.make(milliseconds: 1_700_000_000_001, random: [UInt8](repeating: 0, count: 10))
        #expect(a.count == 26 && b.count == 26)
        #expect(a < b)
        #expect(ULID.make(milliseconds: 0, random: [UInt8](repeating: 0, count: 10)) == String(repeating: "0", count: 26))
        #expect(a.hasSuffix("ZZZZZZZZZZZZZZZZ"))
        let id = IDGenerator(clock: FixedClock(Timestamp(seconds: TestClock.seconds))).make(.tenant)
        #expect(ULID.isValid(id, prefix: .tenant))
        #expect(!ULID.isValid(id, prefix: .key))
        #expect(!ULID.isValid("ten_01ILOU" + String(repeating: "0", count: 20), prefix: .tenant))
    }

    @Test("e-mail validation accepts real addresses and names what is wrong")
    func emails() throws {
        for ok in ["ana@example.com", "a.b+tag@sub.example.co", "ANA@EXAMPLE.COM"] {
            #expect(throws: Never.self) { try Tenants.validate(email: ok) }
        }
        for bad in ["", "ana", "ana@", "@example.com", "ana@example", "a..b@example.com", "ana@exa_mple.com",
                    "ana@-example.com", "an a@example.com", "ana@example.c0m"] {
            #expect(throws: FolioError.self, "\(bad)") { try Tenants.validate(email: bad) }
        }
        #expect(Tenants.normalize(email: " Ana@Example.COM ") == "ana@example.com")
    }
}

@Suite("store and pipeline, in process")
struct PipelineUnitTests {
    func store() throws -> Store {
        let dir = ProcessRunner.temporaryDirectory("folio-unit") + "/store"
        _ = try Store.initialize(location: StoreLocation(dataDirectory: dir), environment: [:])
        return try Store.open(location: StoreLocation(dataDirectory: dir), environment: [:])
    }

    func context(_ key: String? = nil, fingerprint: String = "f", dryRun: Bool = false) -> MutationContext {
        MutationContext(actor: "unit", command: "tenants register", idempotencyKey: key, fingerprint: fingerprint,
                        dryRun: dryRun, now: Timestamp(rfc3339: "2026-11-22T08:00:00Z")!,
                        ids: IDGenerator(clock: FixedClock(Timestamp(rfc3339: "2026-11-22T08:00:00Z")!)))
    }

    @Test("a failing change rolls back its rows, audit entries and events together")
    func rollback() throws {
        let store = try store()
        let failing = Mutation<Int> { tx, ctx throws(FolioError) in
            _ = try Tenants.register(TenantRegistration(email: "a@example.com", name: nil, tier: .trial, language: .es))
                .body(tx, ctx)
            throw FolioError(.conflict, "boom")
        }
        #expect(throws: FolioError.self) { try store.perform(failing, context: context()) { _ throws(FolioError) in [] } }
        let counts = try store.info().counts
        #expect(counts.allSatisfy { $0.rows == 0 }, "\(counts)")
    }

    @Test("the audit chain links each row to the one before")
    func chain() throws {
        let store = try store()
        _ = try store.perform(Tenants.register(TenantRegistration(email: "u@example.com", name: nil, tier: .pro, language: .en)),
                              context: context()) { _ throws(FolioError) in [] }
        let before = try AuditLog.verify(store: store).rows
        for tier in [Tier.starter, .growth, .business] {
            _ = try store.perform(Tenants.setTier("u@example.com", tier: tier), context: context()) { _ throws(FolioError) in [] }
        }
        let verification = try AuditLog.verify(store: store)
        #expect(verification.valid)
        #expect(verification.rows == before + 3)
        let page = try AuditLog.list(store: store, query: AuditQuery(), page: PageRequest(limit: 2, cursor: nil))
        #expect(page.items.count == 2)
        #expect(page.nextCursor == "2")
    }

    @Test("a replay returns the first call's sealed record; another fingerprint conflicts")
    func idempotency() throws {
        let store = try store()
        let register = Tenants.register(TenantRegistration(email: "a@example.com", name: nil, tier: .trial, language: .es))
        let first = try store.perform(register, context: context("k")) { r throws(FolioError) in Array(r.tenant.id.utf8) }
        let second = try store.perform(register, context: context("k")) { _ throws(FolioError) in Array("other".utf8) }
        #expect(first.kind == .performed && second.kind == .replayed)
        let firstId = try #require(first.result?.tenant.id)
        #expect(second.result == nil && second.recorded == Array(firstId.utf8))
        let error = #expect(throws: FolioError.self) {
            try store.perform(register, context: context("k", fingerprint: "g")) { _ throws(FolioError) in [] }
        }
        #expect(error?.code == .idempotencyConflict)
    }
}
