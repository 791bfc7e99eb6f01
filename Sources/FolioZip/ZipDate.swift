import FolioSupport

/// An entry's modification time as ZIP stores it: MS-DOS date and time fields, with no time
/// zone (Folio always gives UTC fields) and two-second resolution. Years outside 1980…2107,
/// which the format cannot hold, are clamped to its first or last moment.
public struct ZipDate: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// The DOS date: bits 9–15 years since 1980, 5–8 month, 0–4 day.
    public let dosDate: UInt16
    /// The DOS time: bits 11–15 hour, 5–10 minute, 0–4 seconds / 2.
    public let dosTime: UInt16

    /// Out-of-range fields are clamped (month 1…12, day 1…31, hour 0…23…); odd seconds round
    /// down, as the format keeps only even ones.
    public init(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        if year < 1980 {
            self.init(dosDate: (1 << 5) | 1, dosTime: 0)
            return
        }
        if year > 2107 {
            self.init(dosDate: (127 << 9) | (12 << 5) | 31, dosTime: (23 << 11) | (59 << 5) | 29)
            return
        }
        func clamp(_ v: Int, _ lo: Int, _ hi: Int) -> UInt16 { UInt16(min(max(v, lo), hi)) }
        let date = (UInt16(year - 1980) << 9) | (clamp(month, 1, 12) << 5) | clamp(day, 1, 31)
        let time = (clamp(hour, 0, 23) << 11) | (clamp(minute, 0, 59) << 5) | (clamp(second, 0, 59) / 2)
        self.init(dosDate: date, dosTime: time)
    }

    /// The UTC fields of `timestamp`.
    public init(_ timestamp: Timestamp) {
        let c = timestamp.civil
        self.init(year: c.year, month: c.month, day: c.day, hour: c.hour, minute: c.minute, second: c.second)
    }

    /// The raw fields, as read from an archive.
    public init(dosDate: UInt16, dosTime: UInt16) {
        self.dosDate = dosDate
        self.dosTime = dosTime
    }

    public var year: Int { 1980 + Int(dosDate >> 9) }
    public var month: Int { Int((dosDate >> 5) & 0xF) }
    public var day: Int { Int(dosDate & 0x1F) }
    public var hour: Int { Int(dosTime >> 11) }
    public var minute: Int { Int((dosTime >> 5) & 0x3F) }
    public var second: Int { Int(dosTime & 0x1F) * 2 }

    /// `2026-11-22 08:00:00`, as unzip and zipinfo print it (no zone: DOS times have none).
    public var description: String {
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(year)-\(two(month))-\(two(day)) \(two(hour)):\(two(minute)):\(two(second))"
    }
}
