#if canImport(Glibc)
import Glibc
#endif

/// A moment in UTC with one-second resolution, printed as RFC 3339 (`2026-11-22T08:00:00Z`).
/// Stored as that text, which sorts in time order.
public struct Timestamp: Comparable, Hashable, Sendable, CustomStringConvertible {
    public let seconds: Int64

    public init(seconds: Int64) { self.seconds = seconds }

    /// Now; `FOLIO_NOW` (RFC 3339) overrides the clock so tests can cross expiry boundaries.
    public static func now(environment: [String: String] = [:]) -> Timestamp {
        if let fixed = environment["FOLIO_NOW"], let t = Timestamp(rfc3339: fixed) { return t }
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return Timestamp(seconds: Int64(ts.tv_sec))
    }

    public static func < (a: Timestamp, b: Timestamp) -> Bool { a.seconds < b.seconds }

    public func adding(seconds delta: Int64) -> Timestamp { Timestamp(seconds: seconds + delta) }

    public var civil: (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        let f = CivilTime.fields(seconds)
        return (f.year, f.month, f.day, f.hour, f.minute, f.second)
    }

    public var rfc3339: String { CivilTime.format(seconds) }

    public var description: String { rfc3339 }

    /// Parses `YYYY-MM-DDTHH:MM:SS` with `Z` or `±HH:MM` (fractional seconds ignored).
    public init?(rfc3339 text: String) {
        guard let seconds = CivilTime.parse(text, .rfc3339) else { return nil }
        self.seconds = seconds
    }

    /// "3 minutes ago" / "in 2 days", for tables on a terminal.
    public func relative(to now: Timestamp) -> String {
        let delta = now.seconds - seconds
        let magnitude = abs(delta)
        let (value, unit): (Int64, String)
        switch magnitude {
        case ..<60: return delta >= 0 ? "just now" : "in a moment"
        case ..<3600: (value, unit) = (magnitude / 60, "minute")
        case ..<86400: (value, unit) = (magnitude / 3600, "hour")
        case ..<(86400 * 30): (value, unit) = (magnitude / 86400, "day")
        case ..<(86400 * 365): (value, unit) = (magnitude / (86400 * 30), "month")
        default: (value, unit) = (magnitude / (86400 * 365), "year")
        }
        let phrase = "\(value) \(unit)\(value == 1 ? "" : "s")"
        return delta >= 0 ? "\(phrase) ago" : "in \(phrase)"
    }
}
