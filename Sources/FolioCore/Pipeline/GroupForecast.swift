import Synchronization

/// What the lines of one batch group, prepared one after another before the group's write
/// transaction, expect the lines before them to take from a counter (an invoice series): the
/// nth line that prepares a document of a series expects the series' next number plus the n−1
/// numbers the lines before it will take first. Only a forecast: each line checks, under the
/// lock, the number it really gets.
public final class GroupForecast: Sendable {
    private let counts = Mutex<[String: Int]>([:])

    public init() {}

    /// How many of `counter` the lines prepared so far expect to take.
    public func taken(_ counter: String) -> Int {
        counts.withLock { $0[counter] ?? 0 }
    }

    /// Records that the line just prepared expects to take one more of `counter`.
    public func take(_ counter: String) {
        counts.withLock { $0[counter, default: 0] += 1 }
    }
}
