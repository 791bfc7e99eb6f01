/// How a store waits when another process holds the lock it needs (SQLite: the write lock that
/// `BEGIN IMMEDIATE` takes): how long before it gives up with `store_unavailable`, and whom it
/// tells that it is waiting. Core says nothing itself: `onEvent` is the caller's (the command
/// line shows a note on a terminal), and `isCancelled` lets a Ctrl-C end the wait at once
/// instead of at the timeout.
public struct LockWait {
    /// What the store reports while it waits.
    public enum Event: Equatable, Sendable {
        /// The store has waited `noticeAfterMilliseconds` and goes on waiting, up to the timeout.
        case waiting(timeoutMilliseconds: Int)
        /// The wait reported by `waiting` is over: the lock was taken, or the store gave up.
        case ended
    }

    /// 30 s: long enough for dozens of parallel CI jobs queueing on one store (DESIGN §5 asks
    /// that a store wait at least 5 s by default; a caller may ask for less, down to not at all).
    public static let defaultTimeoutSeconds = 30
    /// A wait shorter than this is not worth a word: most writers hold the lock for milliseconds.
    public static let defaultNoticeMilliseconds = 1_000

    /// How long one attempt to take a lock waits before it gives up (0: it does not wait).
    public var timeoutMilliseconds: Int
    /// How long a wait lasts before `onEvent` hears of it.
    public var noticeAfterMilliseconds: Int
    /// Called on the thread that waits: `waiting` once a wait passes the notice, `ended` after it.
    public var onEvent: (Event) -> Void
    /// Asked between sleeps: true ends the wait at once, and the call fails `interrupted`.
    public var isCancelled: () -> Bool

    public init(timeoutMilliseconds: Int = LockWait.defaultTimeoutSeconds * 1_000,
                noticeAfterMilliseconds: Int = LockWait.defaultNoticeMilliseconds,
                onEvent: @escaping (Event) -> Void = { _ in }, isCancelled: @escaping () -> Bool = { false }) {
        self.timeoutMilliseconds = timeoutMilliseconds
        self.noticeAfterMilliseconds = noticeAfterMilliseconds
        self.onEvent = onEvent
        self.isCancelled = isCancelled
    }

    /// A duration in milliseconds as a message says it: `30 s`, `1.5 s`.
    static func described(milliseconds: Int) -> String {
        let seconds = milliseconds / 1_000, rest = milliseconds % 1_000
        guard rest != 0 else { return "\(seconds) s" }
        var fraction = String(rest + 1_000).dropFirst()   // three digits, leading zeros kept
        while fraction.last == "0" { fraction.removeLast() }
        return "\(seconds).\(fraction) s"
    }
}
