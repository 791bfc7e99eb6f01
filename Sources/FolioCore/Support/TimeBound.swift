import FolioSupport

/// One end of a time range as people write it on a command line: an instant, a day, or a time
/// ago.
///
/// - `2026-11-30T08:00:00Z` (RFC 3339, any offset): that instant.
/// - `2026-11-30`: that day in UTC. As a start it is the day's first second; as an end it
///   takes the whole day in, so `since 2026-11-01 until 2026-11-30` is all of November.
/// - `30m`, `1h`, `7d`, `90s`: that long before now (the caller's clock), as a start or an end.
public enum TimeBound: Sendable, Equatable {
    case instant(Timestamp)
    case day(CalendarDate)
    case ago(seconds: Int64)

    /// Nil when `text` is none of the three forms.
    public init?(_ text: String) {
        if let instant = Timestamp(rfc3339: text) {
            self = .instant(instant)
        } else if let day = CalendarDate(iso: text) {
            self = .day(day)
        } else if let seconds = DurationText.seconds(text) {
            self = .ago(seconds: seconds)
        } else {
            return nil
        }
    }

    /// The first instant the range holds when this is its start.
    public func start(now: Timestamp) -> Timestamp {
        switch self {
        case .instant(let instant): return instant
        case .day(let day): return TimeBound.midnight(of: day)
        case .ago(let seconds): return now.adding(seconds: -seconds)
        }
    }

    /// The first instant after the range when this is its end (ranges are half-open): a day
    /// ends at the next midnight, so that the day itself is in.
    public func end(now: Timestamp) -> Timestamp {
        switch self {
        case .instant(let instant): return instant
        case .day(let day): return TimeBound.midnight(of: day).adding(seconds: 86_400)
        case .ago(let seconds): return now.adding(seconds: -seconds)
        }
    }

    private static func midnight(of day: CalendarDate) -> Timestamp {
        Timestamp(seconds: CivilTime.days(fromCivil: day.year, day.month, day.day) * 86_400)
    }
}
