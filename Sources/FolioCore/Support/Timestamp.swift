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
        let days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400
        let rem = Int(seconds - days * 86400)
        let (y, m, d) = Timestamp.civilFromDays(days)
        return (y, m, d, rem / 3600, rem % 3600 / 60, rem % 60)
    }

    public var rfc3339: String {
        let c = civil
        return "\(pad(c.year, 4))-\(pad(c.month))-\(pad(c.day))T\(pad(c.hour)):\(pad(c.minute)):\(pad(c.second))Z"
    }

    public var description: String { rfc3339 }

    /// Parses `YYYY-MM-DDTHH:MM:SS` with `Z` or `±HH:MM` (fractional seconds ignored).
    public init?(rfc3339 text: String) {
        let b = Array(text.utf8)
        guard b.count >= 20 else { return nil }
        func num(_ from: Int, _ len: Int) -> Int? {
            var v = 0
            for i in from..<(from + len) {
                guard i < b.count, b[i] >= 48, b[i] <= 57 else { return nil }
                v = v * 10 + Int(b[i] - 48)
            }
            return v
        }
        guard let y = num(0, 4), b[4] == 45, let mo = num(5, 2), b[7] == 45, let d = num(8, 2),
              b[10] == 84 || b[10] == 116 || b[10] == 32, let h = num(11, 2), b[13] == 58,
              let mi = num(14, 2), b[16] == 58, let s = num(17, 2),
              (1...12).contains(mo), (1...31).contains(d), h < 24, mi < 60, s < 61 else { return nil }
        var i = 19
        if i < b.count, b[i] == 46 { i += 1; while i < b.count, b[i] >= 48, b[i] <= 57 { i += 1 } }
        guard i < b.count else { return nil }
        var offset = 0
        if b[i] == 90 || b[i] == 122 {
            guard i + 1 == b.count else { return nil }
        } else if b[i] == 43 || b[i] == 45, i + 6 == b.count, let oh = num(i + 1, 2), b[i + 3] == 58,
                  let om = num(i + 4, 2) {
            offset = (oh * 3600 + om * 60) * (b[i] == 43 ? 1 : -1)
        } else {
            return nil
        }
        let days = Timestamp.daysFromCivil(y, mo, d)
        seconds = days * 86400 + Int64(h * 3600 + mi * 60 + s) - Int64(offset)
    }

    /// Howard Hinnant's days-from-civil algorithm (proleptic Gregorian).
    static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int64 {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return Int64(era * 146097 + doe - 719468)
    }

    static func civilFromDays(_ z0: Int64) -> (Int, Int, Int) {
        let z = Int(z0) + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
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

@inline(__always) func pad(_ v: Int, _ width: Int = 2) -> String {
    let s = String(v)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
}
