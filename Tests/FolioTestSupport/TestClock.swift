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
    public static func rfc3339(plus delta: Int64) -> String { format(seconds + delta, "yyyy-MM-dd'T'HH:mm:ss'Z'") }

    /// An instant as openssl's `ca -startdate/-enddate` take it (`YYYYMMDDHHMMSSZ`).
    public static func asn1(_ instant: Int64) -> String { format(instant, "yyyyMMddHHmmss'Z'") }

    /// Formats with Foundation (not with the code under test), in UTC.
    private static func format(_ instant: Int64, _ pattern: String) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = pattern
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(instant)))
    }
}
