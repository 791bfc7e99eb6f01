internal import CSQLite
#if canImport(Glibc)
import Glibc
#endif

/// SQLite's busy handler for one connection, in place of `sqlite3_busy_timeout`: it sleeps and
/// retries as SQLite's own does, gives up at the `LockWait` timeout, gives up at once when the
/// wait is cancelled (Ctrl-C), and tells `LockWait.onEvent` once a wait has lasted long enough
/// to deserve a word, and again when that wait is over.
///
/// SQLite calls the handler on the thread that runs the statement, with the number of times it
/// was called for the same lock attempt (0 the first time), and ends that attempt when it
/// returns 0. It does not say when a retry succeeded: the connection calls `settle()` after
/// every call that may have waited.
final class SQLiteBusyHandler {
    /// Why the last attempt gave up, for the error that follows it.
    enum Outcome: Equatable {
        case timedOut(milliseconds: Int)
        case cancelled

        /// The error of the call that gave up.
        var folioError: FolioError {
            switch self {
            case .timedOut(let milliseconds):
                return .storeUnavailable("the store is locked by another process: gave up after waiting "
                                             + LockWait.described(milliseconds: milliseconds),
                                         remedy: .waitLongerForLock)
            case .cancelled:
                return .interrupted
            }
        }
    }

    let policy: LockWait
    /// When the current attempt began (monotonic milliseconds).
    private var started: Int = 0
    /// Whether `waiting` was reported for the current wait, so `ended` is owed.
    private var reported = false
    private(set) var outcome: Outcome?

    init(_ policy: LockWait) {
        self.policy = policy
    }

    /// Makes this the busy handler of `db`. The connection keeps `self` alive as long as `db`.
    func install(on db: OpaquePointer) {
        sqlite3_busy_handler(db, { context, count in
            guard let context else { return 0 }
            return Unmanaged<SQLiteBusyHandler>.fromOpaque(context).takeUnretainedValue().retry(count: Int(count))
        }, Unmanaged.passUnretained(self).toOpaque())
    }

    /// 1 to try again after a sleep, 0 to give up (SQLite then returns SQLITE_BUSY).
    private func retry(count: Int) -> Int32 {
        let now = Self.monotonicMilliseconds()
        if count == 0 {
            started = now
            outcome = nil
        }
        let waited = now - started
        if policy.isCancelled() {
            outcome = .cancelled
            return 0
        }
        if waited >= policy.timeoutMilliseconds {
            outcome = .timedOut(milliseconds: policy.timeoutMilliseconds)
            return 0
        }
        if !reported, waited >= policy.noticeAfterMilliseconds {
            reported = true
            policy.onEvent(.waiting(timeoutMilliseconds: policy.timeoutMilliseconds))
        }
        // SQLite's own back-off, then 100 ms: short sleeps first, since most locks are brief;
        // never past the timeout or the notice, and never so long that a Ctrl-C waits.
        var sleep = Self.delays[min(count, Self.delays.count - 1)]
        sleep = min(sleep, policy.timeoutMilliseconds - waited)
        if !reported { sleep = min(sleep, max(policy.noticeAfterMilliseconds - waited, 1)) }
        usleep(UInt32(max(sleep, 1)) * 1_000)
        return 1
    }

    /// After a call that may have waited: reports the end of a reported wait, and forgets the
    /// outcome (the caller has made its error from it already).
    func settle() {
        outcome = nil
        if reported {
            reported = false
            policy.onEvent(.ended)
        }
    }

    private static let delays = [1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50, 100]

    private static func monotonicMilliseconds() -> Int {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Int(time.tv_sec) * 1_000 + Int(time.tv_nsec) / 1_000_000
    }
}
