import Foundation

/// The one clock of the test suite: every "now", signing time and certificate validity in a test
/// derives from this instant, never from the machine's clock, so the suite passes on any date
/// (`.ci/run` proves it by running it again under libfaketime, years ahead).
///
/// The built binary gets it as `FOLIO_NOW` (FolioHarness sets it); in-process code takes it as a
/// parameter; external verifiers that judge certificates against their own clock are given it
/// explicitly (`xmlsec1 --verification-time`, `openssl verify -attime`, `openssl ca -startdate`).
public enum TestClock {
    /// 2026-11-23T10:20:00Z (05:20 in Ecuador).
    public static let seconds: Int64 = 1_795_429_200
    /// `seconds` in RFC 3339, as `FOLIO_NOW` takes it.
    public static let rfc3339 = "2026-11-23T10:20:00Z"
    /// `seconds` as xmlsec1's `--verification-time` reads it (local time: run it with `TZ=UTC`).
    public static let xmlsecTime = "2026-11-23 10:20:00"
    /// A day in seconds, for validity windows.
    public static let day: Int64 = 86_400

    /// The clock moved by `delta` seconds, in RFC 3339 (for `FOLIO_NOW`).
    public static func rfc3339(plus delta: Int64) -> String { UTCTime.rfc3339(seconds + delta) }

    /// An instant as openssl's `ca -startdate/-enddate` take it (`YYYYMMDDHHMMSSZ`).
    public static func asn1(_ instant: Int64) -> String {
        let parts = UTCTime.parts(instant)
        return String(format: "%04d%02d%02d%02d%02d%02dZ", parts.year, parts.month, parts.day,
                      parts.hour, parts.minute, parts.second)
    }
}

/// Civil UTC time from Unix seconds, computed here (days-from-civil, Howard Hinnant's algorithm)
/// so tests do not format dates with the code under test.
enum UTCTime {
    static func parts(_ instant: Int64) -> (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        let days = Int(instant.quotientAndRemainder(dividingBy: 86_400).quotient - (instant % 86_400 < 0 ? 1 : 0))
        let secondOfDay = Int(instant - Int64(days) * 86_400)
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day, secondOfDay / 3_600, secondOfDay % 3_600 / 60, secondOfDay % 60)
    }

    static func rfc3339(_ instant: Int64) -> String {
        let p = parts(instant)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", p.year, p.month, p.day, p.hour, p.minute, p.second)
    }
}
