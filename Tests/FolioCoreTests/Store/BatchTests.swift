import Foundation
import Synchronization
import Testing
@testable import FolioCore
import FolioSupport
import FolioTestSupport

/// `Store.performBatch`: group commit with a savepoint per line, outcomes delivered after each
/// group commits, per-line idempotency keys, a dry run in which lines see each other, and a stop
/// between lines.
@Suite("pipeline: batches")
struct BatchTests {
    let ids = IDGenerator(clock: SteppingClock())

    func store() throws -> Store {
        let dir = ProcessRunner.temporaryDirectory("folio-batch") + "/store"
        _ = try Store.initialize(location: StoreLocation(dataDirectory: dir), environment: [:])
        return try Store.open(location: StoreLocation(dataDirectory: dir), environment: [:])
    }

    func context(key: String? = nil, dryRun: Bool = false, isCancelled: @escaping @Sendable () -> Bool = { false }) -> MutationContext {
        MutationContext(actor: "unit", command: "tenants register", idempotencyKey: key, fingerprint: "f", dryRun: dryRun,
                        now: Timestamp(seconds: TestClock.seconds), ids: ids, isCancelled: isCancelled)
    }

    func inputs(_ emails: [String]) -> [BatchInput<TenantRegistration>] {
        emails.enumerated().map { BatchInput(line: $0.offset + 1, value: TenantRegistration(email: $0.element, name: nil,
                                                                                            tier: .trial, language: .es)) }
    }

    func tenantCount(_ store: Store) throws -> Int {
        try Tenants.list(store: store, filter: TenantFilter(), page: PageRequest(limit: 200, cursor: nil)).items.count
    }

    @Test("a bad line fails alone; groups are delivered in order once committed")
    func groups() throws {
        let store = try store()
        var delivered: [[Int]] = []
        var seenAtDelivery: [Int] = []
        let summary = store.performBatch(inputs(["a@example.com", "not-an-email", "c@example.com", "d@example.com", "e@example.com"]),
                                         groupSize: 2, context: context(), mutation: Tenants.register,
                                         record: { _ throws(FolioError) in [] }) { outcomes, _ in
            delivered.append(outcomes.map(\.line))
            seenAtDelivery.append((try? tenantCount(store)) ?? -1)
        }
        #expect(delivered == [[1, 2], [3, 4], [5]])
        #expect(seenAtDelivery == [1, 3, 4])   // each group is durable before it is delivered
        #expect(summary.succeeded == 4 && summary.failed == 1 && summary.notAttempted == 0)
        let audit = try AuditLog.list(store: store, query: AuditQuery(), page: PageRequest(limit: 200, cursor: nil)).items
        #expect(audit.filter { $0.action == "tenant.register" }.count == 4)
    }

    @Test("a dry run writes nothing, yet each line sees the lines before it")
    func dryRun() throws {
        let store = try store()
        var created: [Bool] = []
        let summary = store.performBatch(inputs(["a@example.com", "a@example.com"]), groupSize: 100,
                                         context: context(dryRun: true), mutation: Tenants.register,
                                         record: { _ throws(FolioError) in [] }) { outcomes, _ in
            for item in outcomes {
                if case .success(let outcome) = item.outcome {
                    #expect(outcome.kind == .dryRun)
                    created.append(outcome.result?.created ?? false)
                }
            }
        }
        #expect(created == [true, false])   // the second line found the first's tenant
        #expect(summary.succeeded == 2)
        #expect(try tenantCount(store) == 0)
    }

    @Test("each line has its own idempotency key KEY/line-N: a retried batch replays every line")
    func idempotency() throws {
        let store = try store()
        var kinds: [MutationOutcome<RegistrationResult>.Kind] = []
        for _ in 0..<2 {
            _ = store.performBatch(inputs(["a@example.com", "b@example.com"]), groupSize: 100, context: context(key: "batch"),
                                   mutation: Tenants.register, record: { r throws(FolioError) in Array(r.tenant.id.utf8) }) { outcomes, _ in
                for item in outcomes { if case .success(let o) = item.outcome { kinds.append(o.kind) } }
            }
        }
        #expect(kinds == [.performed, .performed, .replayed, .replayed])
        #expect(try tenantCount(store) == 2)
    }

    @Test("asked to stop, the batch keeps the groups it delivered, rolls back the open one, attempts nothing more")
    func stop() throws {
        let store = try store()
        let asked = Mutex(0)
        // The first group asks 8 times (before it, before preparing each line ahead of the
        // transaction, before and at the commit of each line, after it); the second is asked to
        // stop at the commit of its first line.
        let stopDuringSecondGroup = context(isCancelled: { asked.withLock { $0 += 1; return $0 > 12 } })
        var delivered: [Int] = []
        let summary = store.performBatch(inputs(["a@example.com", "b@example.com", "c@example.com", "d@example.com", "e@example.com"]),
                                         groupSize: 2, context: stopDuringSecondGroup, mutation: Tenants.register,
                                         record: { _ throws(FolioError) in [] }) { outcomes, _ in
            delivered += outcomes.map(\.line)
        }
        #expect(delivered == [1, 2])
        #expect(summary.interrupted && summary.succeeded == 2 && summary.notAttempted == 3)
        #expect(try tenantCount(store) == 2)
    }

    @Test("a single change asked to stop is rolled back before COMMIT, its staged mail removed")
    func stopBeforeCommit() throws {
        let store = try store()
        let error = #expect(throws: FolioError.self) {
            try store.perform(Tenants.register(TenantRegistration(email: "a@example.com", name: nil, tier: .trial, language: .es)),
                              context: context(isCancelled: { true })) { _ throws(FolioError) in [] }
        }
        #expect(error?.code == .interrupted)
        #expect(try tenantCount(store) == 0)
        #expect(FileSystem.isDirectory(store.outboxDirectory))
        #expect((try? FileManager.default.contentsOfDirectory(atPath: store.outboxDirectory)) == [])
    }
}
