#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// A request to stop (SIGINT, SIGTERM), recorded by a signal handler and read where work can end
/// cleanly: before a transaction commits, between the lines of a batch. The first signal asks;
/// a second one ends the process at once (the handler is reset), as a user pressing Ctrl-C
/// twice expects.
public final class Interruption: Sendable {
    /// The signals of this process, once `installHandlers()` has run.
    public static let process = Interruption()

    private let received = Atomic<Int32>(0)

    public init() {}

    /// The signal that asked to stop, if one did.
    public var signal: Int32? {
        let value = received.load(ordering: .relaxed)
        return value == 0 ? nil : value
    }

    public var isRequested: Bool { signal != nil }

    /// Records a request to stop (the handler calls this; tests may too).
    public func request(_ signal: Int32) {
        received.store(signal, ordering: .relaxed)
    }

    /// Routes SIGINT and SIGTERM to `process`, each for one delivery.
    public static func installHandlers() {
        for number in [SIGINT, SIGTERM] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { Interruption.process.request($0) }
            action.sa_flags = Int32(truncatingIfNeeded: SA_RESETHAND)   // 0x80000000
            sigemptyset(&action.sa_mask)
            sigaction(number, &action, nil)
        }
    }
}
