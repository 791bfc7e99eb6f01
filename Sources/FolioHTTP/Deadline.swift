#if canImport(Glibc)
import Glibc
#endif

/// A point on the monotonic clock (immune to the wall clock moving, faketime included) by which
/// an operation must end; poll() waits at most until it.
struct Deadline: Sendable {
    let nanoseconds: Int64

    static func now() -> Int64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Int64(ts.tv_sec) * 1_000_000_000 + Int64(ts.tv_nsec)
    }

    /// `seconds` from now (timing is the one place a Double is accepted).
    init(seconds: Double) {
        nanoseconds = Deadline.now() + Int64(seconds * 1_000_000_000)
    }

    /// Milliseconds left for poll(), rounded up so that a wait never ends just before the deadline
    /// and spins; 0 once it has passed.
    var remainingMilliseconds: Int32 {
        let left = nanoseconds - Deadline.now()
        if left <= 0 { return 0 }
        return Int32(clamping: (left + 999_999) / 1_000_000)
    }

    var hasPassed: Bool { Deadline.now() >= nanoseconds }
}

/// Ignores SIGPIPE once per process: TLS writes go through OpenSSL's socket BIO, which calls
/// write() without MSG_NOSIGNAL, and a peer that closed would otherwise kill the process. The
/// folio executable ignores it at start already (main.swift); this covers tests and other hosts.
enum BrokenPipe {
    static let ignored: Void = { signal(SIGPIPE, SIG_IGN); () }()
}
