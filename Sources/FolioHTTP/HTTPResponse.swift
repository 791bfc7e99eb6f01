import FolioSupport

/// A response as received. The body is capped (`HTTPClientOptions.maxResponseBody`): what came
/// beyond it was read and dropped, and `bodyTruncated` says so.
public struct HTTPResponse: Sendable {
    public var status: Int
    public var reason: String
    public var headers: [(String, String)]
    public var body: [UInt8]
    public var bodyTruncated: Bool
    /// Whether the exchange reused a kept-alive connection (for tests and diagnostics).
    public var reusedConnection: Bool

    public init(status: Int, reason: String = "", headers: [(String, String)] = [], body: [UInt8] = [],
                bodyTruncated: Bool = false, reusedConnection: Bool = false) {
        self.status = status
        self.reason = reason
        self.headers = headers
        self.body = body
        self.bodyTruncated = bodyTruncated
        self.reusedConnection = reusedConnection
    }

    /// 2xx. A 3xx is not a success: the client never follows redirects.
    public var isSuccess: Bool { (200..<300).contains(status) }

    /// The first value of header `name` (case-insensitive).
    public func header(_ name: String) -> String? { HTTPSyntax.value(name, in: headers) }

    /// Retry-After in seconds from `now` (Unix seconds): delta-seconds as given, an HTTP-date as
    /// the seconds until it (0 if past); nil when absent or unreadable.
    public func retryAfterSeconds(now: Int64) -> Int64? {
        guard let value = header("Retry-After") else { return nil }
        return HTTPDate.retryAfter(value, now: now)
    }
}

/// HTTP-dates (RFC 9110 §5.6.7): IMF-fixdate, `Sun, 06 Nov 1994 08:49:37 GMT`, which is what
/// every sender must produce; the two obsolete forms are not read (a nil Retry-After then means
/// "use our own back-off").
public enum HTTPDate {
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    static let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

    /// Unix seconds of an IMF-fixdate, or nil.
    public static func parse(_ text: String) -> Int64? {
        let parts = text.split(separator: " ")
        guard parts.count == 6, parts[0].count == 4, parts[0].last == ",", weekdays.contains(String(parts[0].dropLast())),
              parts[5] == "GMT", parts[1].count == 2, let day = Int(parts[1]),
              let month = months.firstIndex(of: String(parts[2])), parts[3].count == 4, let year = Int(parts[3]) else { return nil }
        let clock = parts[4].split(separator: ":", omittingEmptySubsequences: false)
        guard clock.count == 3, clock.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) }),
              let hour = Int(clock[0]), let minute = Int(clock[1]), let second = Int(clock[2]),
              (1...31).contains(day), hour < 24, minute < 60, second < 61 else { return nil }
        let days = CivilTime.days(fromCivil: year, month + 1, day)
        guard CivilTime.civil(fromDays: days) == (year, month + 1, day) else { return nil }   // 31 Feb
        return days * 86_400 + Int64(hour * 3600 + minute * 60 + second)
    }

    /// IMF-fixdate of Unix seconds (the server's Date header; tests).
    public static func format(_ seconds: Int64) -> String {
        let f = CivilTime.fields(seconds)
        let days = CivilTime.floorDivide(seconds, 86_400)
        let weekday = weekdays[Int(((days % 7) + 7 + 3) % 7)]   // 1970-01-01 was a Thursday
        return "\(weekday), \(zeroPadded(f.day, 2)) \(months[f.month - 1]) \(f.year) "
            + "\(zeroPadded(f.hour, 2)):\(zeroPadded(f.minute, 2)):\(zeroPadded(f.second, 2)) GMT"
    }

    /// Retry-After's value in seconds from `now`.
    static func retryAfter(_ value: String, now: Int64) -> Int64? {
        let text = value.trimmingCharacters(in: " \t")
        if !text.isEmpty, text.count <= 10, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) { return Int64(text) }
        guard let date = parse(text) else { return nil }
        return max(0, date - now)
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let c = s.first, set.contains(c) { s = s.dropFirst() }
        while let c = s.last, set.contains(c) { s = s.dropLast() }
        return String(s)
    }
}
