#if canImport(Glibc)
import Glibc
#endif

/// Where "now" comes from. Commands, the pipeline and id generation take a clock instead of
/// reading the machine's, so that tests (and only tests) can fix or move it.
public protocol Clock: Sendable {
    /// Milliseconds since the Unix epoch.
    func milliseconds() -> Int64
}

extension Clock {
    /// Now, to the second.
    public func now() -> Timestamp { Timestamp(seconds: CivilTime.floorDivide(milliseconds(), 1000)) }
}

/// The machine's clock (CLOCK_REALTIME).
public struct SystemClock: Clock {
    public init() {}

    public func milliseconds() -> Int64 {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return Int64(ts.tv_sec) * 1000 + Int64(ts.tv_nsec) / 1_000_000
    }
}

/// A clock that always says the same instant.
public struct FixedClock: Clock {
    public let instant: Timestamp
    public init(_ instant: Timestamp) { self.instant = instant }
    public func milliseconds() -> Int64 { instant.seconds * 1000 }
}

/// Another clock moved by a fixed number of seconds: time runs, from another origin.
public struct OffsetClock: Clock {
    public let base: any Clock
    public let offsetSeconds: Int64
    public init(_ base: any Clock, offsetSeconds: Int64) {
        self.base = base
        self.offsetSeconds = offsetSeconds
    }
    public func milliseconds() -> Int64 { base.milliseconds() + offsetSeconds * 1000 }
}
