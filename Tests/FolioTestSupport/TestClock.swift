import Foundation

/// The one clock of the test suite: every "now", signing time and certificate validity in a test
/// derives from this instant, never from the machine's clock, so the suite passes on any date
/// (`.ci/run` proves it by running it again under libfaketime, years ahead).
///
/// The built binary's clock starts at it when a FolioHarness is made (`FOLIO_CLOCK_OFFSET`) and
/// runs on, or stays at a given instant (`FOLIO_NOW`); in-process code takes it as a parameter;
/// external verifiers that judge certificates against their own clock are given
/// `verificationTime` explicitly (`xmlsec1 --verification-time`, signxml's verification time,
/// `openssl verify -attime`), and certificates made by openssl are dated by it (`ca -startdate`).
public enum TestClock {
    /// 2026-11-23T10:20:00Z (05:20 in Ecuador).
    public static let seconds: Int64 = 1_795_429_200
    /// `seconds` in RFC 3339, as `FOLIO_NOW` takes it.
    public static let rfc3339 = "2026-11-23T10:20:00Z"
    /// When external verifiers judge certificates: an hour after `seconds`, so that what a
    /// harness's binary made in a test's first minutes (its clock runs from `seconds`) is valid.
    public static let verificationTime: Int64 = seconds + 3600
    /// `verificationTime` as xmlsec1's `--verification-time` reads it (local time: run it with `TZ=UTC`).
    public static var xmlsecTime: String { format(verificationTime, "yyyy-MM-dd HH:mm:ss") }

    /// Seconds to add to the machine's clock to read the test clock (for `FOLIO_CLOCK_OFFSET`).
    public static func offsetFromMachine() -> Int64 { seconds - Int64(Date().timeIntervalSince1970) }
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
