import Testing
@testable import FolioCore
import FolioSupport
import FolioTestSupport

/// A store whose write lock another connection holds (`BEGIN IMMEDIATE`, as a second process
/// would): the write waits up to the `LockWait` timeout, tells its caller once it has waited
/// past the notice and again when the wait is over, gives up `store_unavailable` with the
/// remedy of a longer wait, and ends at once, `interrupted`, when asked to stop. Nothing here
/// asserts a duration: each outcome is one that the other outcomes cannot produce.
@Suite("store: waiting for another process's lock")
struct LockWaitTests {
    final class Events: @unchecked Sendable {
        var seen: [LockWait.Event] = []
        var onWaiting: () -> Void = {}
    }

    func store(_ events: Events, timeout: Int, notice: Int = 100, cancelled: @escaping () -> Bool = { false })
        throws -> (Store, SQLiteLockHolder) {
        let location = StoreLocation(dataDirectory: ProcessRunner.temporaryDirectory("folio-lockwait") + "/store")
        _ = try Store.initialize(location: location, environment: [:])
        let wait = LockWait(timeoutMilliseconds: timeout, noticeAfterMilliseconds: notice, onEvent: { event in
            events.seen.append(event)
            if case .waiting = event { events.onWaiting() }
        }, isCancelled: cancelled)
        let store = try Store.open(location: location, environment: [:], lockWait: wait)
        guard case .sqlite(let path) = location.database else { throw HarnessError(message: "not SQLite") }
        return (store, try SQLiteLockHolder(path: path))
    }

    /// A write transaction (its BEGIN IMMEDIATE is what waits) that leaves a mark.
    func write(_ store: Store) throws(FolioError) {
        _ = try store.write { tx throws(FolioError) in
            try tx.run("INSERT OR REPLACE INTO meta (name, value) VALUES ('lock-wait-test', 'written')")
        }
    }

    @Test("held past the timeout: store_unavailable saying how long it waited, the caller told once and then told it ended")
    func timesOut() throws {
        let events = Events()
        let (store, holder) = try store(events, timeout: 1_500)
        defer { holder.release() }
        do throws(FolioError) {
            try write(store)
            Issue.record("the write went on while the lock was held")
        } catch {
            #expect(error.code == .storeUnavailable)
            #expect(error.remedy == .waitLongerForLock)
            #expect(error.message == "the store is locked by another process: gave up after waiting 1.5 s")
        }
        #expect(events.seen == [.waiting(timeoutMilliseconds: 1_500), .ended])
    }

    @Test("released while the caller is told: the write goes on, and the end of the wait is reported")
    func lockReleased() throws {
        let events = Events()
        // Ten minutes: had the release not ended the wait, this test would fail by timing out.
        let (store, holder) = try store(events, timeout: 600_000)
        events.onWaiting = { holder.release() }
        try write(store)
        #expect(events.seen == [.waiting(timeoutMilliseconds: 600_000), .ended])
        #expect(try store.read { tx throws(FolioError) in
            try tx.fetchOne("SELECT value FROM meta WHERE name = 'lock-wait-test'", table: "meta") { row throws(FolioError) in
                try row.text("value")
            }
        } == "written")
    }

    @Test("asked to stop while waiting: interrupted at once, not store_unavailable at the timeout")
    func cancelled() throws {
        let events = Events()
        let stop = Events()   // its `seen` non-empty: asked to stop
        let (store, holder) = try store(events, timeout: 600_000, cancelled: { !stop.seen.isEmpty })
        defer { holder.release() }
        events.onWaiting = { stop.seen.append(.ended) }
        do throws(FolioError) {
            try write(store)
            Issue.record("the write went on while the lock was held")
        } catch {
            #expect(error.code == .interrupted)
        }
        #expect(events.seen == [.waiting(timeoutMilliseconds: 600_000), .ended])
    }

    @Test("a timeout of 0 gives up at once, and a wait shorter than the notice is not reported")
    func noWait() throws {
        let events = Events()
        let (store, holder) = try store(events, timeout: 0)
        defer { holder.release() }
        do throws(FolioError) {
            try write(store)
            Issue.record("the write went on while the lock was held")
        } catch {
            #expect(error.message == "the store is locked by another process: gave up after waiting 0 s")
        }
        #expect(events.seen.isEmpty)
    }

    @Test("durations as messages say them")
    func described() {
        #expect(LockWait.described(milliseconds: 30_000) == "30 s")
        #expect(LockWait.described(milliseconds: 1_500) == "1.5 s")
        #expect(LockWait.described(milliseconds: 250) == "0.25 s")
        #expect(LockWait.described(milliseconds: 5) == "0.005 s")
    }
}
