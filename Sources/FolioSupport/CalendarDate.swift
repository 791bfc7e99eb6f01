/// A calendar day (proleptic Gregorian, no time zone): an invoice's issue date.
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Nil for a day that does not exist (`2025-02-29`) or a year outside 1000...9999.
    public init?(year: Int, month: Int, day: Int) {
        guard year >= 1000, year <= 9999, CalendarDate.isValid(year: year, month: month, day: day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses ISO 8601 `YYYY-MM-DD` exactly (no time, no shorter forms).
    public init?(iso text: String) {
        let b = Array(text.utf8)
        guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-") else { return nil }
        func number(_ r: Range<Int>) -> Int? {
            var n = 0
            for i in r {
                guard b[i] >= 0x30 && b[i] <= 0x39 else { return nil }
                n = n * 10 + Int(b[i] - 0x30)
            }
            return n
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public static func isValid(year: Int, month: Int, day: Int) -> Bool {
        guard month >= 1 && month <= 12 && day >= 1 else { return false }
        return day <= daysIn(month: month, year: year)
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// `2026-11-22`.
    public var iso: String { "\(year)-\(zeroPadded(month, 2))-\(zeroPadded(day, 2))" }
    /// `22/11/2026`, the SRI's `fechaEmision` format.
    public var sriText: String { "\(zeroPadded(day, 2))/\(zeroPadded(month, 2))/\(year)" }
    public var description: String { iso }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }
}
