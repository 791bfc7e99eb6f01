/// The proleptic Gregorian calendar and the text of an instant (RFC 3339, xsd:dateTime), written
/// once for every module: timestamps, XAdES signing times and invoice dates all use it.
public enum CivilTime {
    /// A civil date and time of day.
    public struct Fields: Sendable, Equatable {
        public var year, month, day, hour, minute, second: Int
    }

    /// Days since 1970-01-01 of a civil date (Howard Hinnant's days-from-civil).
    public static func days(fromCivil year: Int, _ month: Int, _ day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = floorDivide(y, 400)
        let yoe = y - era * 400
        let m = Int64(month)
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The civil date of a day number (the inverse of `days(fromCivil:)`).
    public static func civil(fromDays days: Int64) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = floorDivide(z, 146_097)
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (Int(yoe + era * 400 + (month <= 2 ? 1 : 0)), Int(month), Int(day))
    }

    /// The civil fields of Unix seconds seen at a fixed offset from UTC.
    public static func fields(_ unixSeconds: Int64, offsetMinutes: Int = 0) -> Fields {
        let local = unixSeconds + Int64(offsetMinutes) * 60
        let days = floorDivide(local, 86_400)
        let second = Int(local - days * 86_400)
        let (y, m, d) = civil(fromDays: days)
        return Fields(year: y, month: m, day: d, hour: second / 3600, minute: second / 60 % 60, second: second % 60)
    }

    /// `YYYY-MM-DDTHH:MM:SS` then `Z` (offset 0) or `±HH:MM`.
    public static func format(_ unixSeconds: Int64, offsetMinutes: Int = 0) -> String {
        let f = fields(unixSeconds, offsetMinutes: offsetMinutes)
        let text = zeroPadded(f.year, 4) + "-" + zeroPadded(f.month, 2) + "-" + zeroPadded(f.day, 2) + "T"
            + zeroPadded(f.hour, 2) + ":" + zeroPadded(f.minute, 2) + ":" + zeroPadded(f.second, 2)
        if offsetMinutes == 0 { return text + "Z" }
        let magnitude = abs(offsetMinutes)
        return text + (offsetMinutes < 0 ? "-" : "+") + zeroPadded(magnitude / 60, 2) + ":" + zeroPadded(magnitude % 60, 2)
    }

    /// Which spellings of a date-time `parse` accepts.
    public struct Syntax: Sendable {
        /// The bytes allowed between date and time.
        var separators: [UInt8]
        /// Whether `Z`/`±HH:MM` must be present (without it the time is UTC).
        var zoneRequired: Bool
        var lowercaseAllowed: Bool
        var maximumHour: Int

        /// RFC 3339: `T`, `t` or a space between date and time; a zone is required.
        public static let rfc3339 = Syntax(separators: [0x54, 0x74, 0x20], zoneRequired: true, lowercaseAllowed: true, maximumHour: 23)
        /// xsd:dateTime: `T` only; no zone means UTC; hour 24 allowed.
        public static let xsd = Syntax(separators: [0x54], zoneRequired: false, lowercaseAllowed: false, maximumHour: 24)
    }

    /// Parses `YYYY-MM-DD?HH:MM:SS[.fraction][Z|±HH:MM]` to Unix seconds (the fraction dropped).
    public static func parse(_ text: String, _ syntax: Syntax) -> Int64? {
        let b = Array(text.utf8)
        var i = 0
        func number(_ width: Int) -> Int? {
            guard i + width <= b.count else { return nil }
            var value = 0
            for c in b[i..<i + width] {
                guard c >= 0x30 && c <= 0x39 else { return nil }
                value = value * 10 + Int(c - 0x30)
            }
            i += width
            return value
        }
        func expect(_ allowed: [UInt8]) -> Bool {
            guard i < b.count, allowed.contains(b[i]) else { return false }
            i += 1
            return true
        }
        guard let year = number(4), expect([0x2D]), let month = number(2), expect([0x2D]), let day = number(2),
              expect(syntax.separators), let hour = number(2), expect([0x3A]), let minute = number(2), expect([0x3A]),
              let second = number(2),
              (1...12).contains(month), (1...31).contains(day), hour <= syntax.maximumHour, minute < 60, second < 61
        else { return nil }
        if i < b.count, b[i] == 0x2E {
            i += 1
            let start = i
            while i < b.count, b[i] >= 0x30, b[i] <= 0x39 { i += 1 }
            if i == start { return nil }
        }
        var offset = 0
        if i == b.count {
            if syntax.zoneRequired { return nil }
        } else if expect(syntax.lowercaseAllowed ? [0x5A, 0x7A] : [0x5A]) {
            offset = 0
        } else {
            let sign = b[i]
            guard sign == 0x2B || sign == 0x2D else { return nil }
            i += 1
            guard let h = number(2), expect([0x3A]), let m = number(2), h <= 14, m < 60 else { return nil }
            offset = (h * 60 + m) * (sign == 0x2D ? -1 : 1)
        }
        guard i == b.count else { return nil }
        return days(fromCivil: year, month, day) * 86_400 + Int64(hour * 3600 + minute * 60 + second) - Int64(offset * 60)
    }

    /// Division rounding towards negative infinity (days before 1970 are negative).
    public static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
        a >= 0 ? a / b : -((-a + b - 1) / b)
    }
}

/// `value` in decimal, left-padded with zeros to `width` digits (`zeroPadded(7, 2)` is `07`).
public func zeroPadded(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}
