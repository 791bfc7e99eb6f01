import FolioSupport
import Synchronization

/// A test clock that starts at `TestClock` and moves one millisecond each time it is read, so
/// that commands run one after another in one test process make ids that sort in that order,
/// while every time stays within a second of the test clock's instant.
public final class SteppingClock: Clock {
    private let ticks = Mutex<Int64>(0)

    public init() {}

    public func milliseconds() -> Int64 {
        TestClock.seconds * 1000 + ticks.withLock { tick in
            defer { tick += 1 }
            return tick
        }
    }
}
