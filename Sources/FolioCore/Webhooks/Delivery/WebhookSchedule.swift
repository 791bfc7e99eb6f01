/// When a failed message is tried again (DESIGN §6): immediately, then 5 s, 5 min, 30 min,
/// 2 h, 5 h, 10 h and 10 h after each failure, each delay ±20 % at random; after the eighth
/// attempt the message has failed for good.
public enum WebhookSchedule {
    /// The delays after attempts 1…7 fail, in seconds.
    public static let delays: [Int64] = [5, 300, 1_800, 7_200, 18_000, 36_000, 36_000]
    /// Attempts in all: the first, and one after each delay.
    public static var attempts: Int { delays.count + 1 }
    /// An endpoint whose attempts have all failed for this long is disabled.
    public static let disableAfterSeconds: Int64 = 5 * 86_400
    /// The longest `Retry-After` taken as given (a larger one waits this long).
    public static let longestRetryAfter: Int64 = 86_400

    /// The delay after attempt `number` (1-based) failed, jittered by `random` (in [0, 1):
    /// 0 gives -20 %, 0.5 the plain delay), stretched to `retryAfter` when that is longer; nil
    /// when the schedule is spent.
    public static func delay(afterAttempt number: Int, random: Double, retryAfter: Int64?) -> Int64? {
        guard number >= 1, number <= delays.count else { return nil }
        let base = Double(delays[number - 1])
        let jittered = Int64((base * (0.8 + 0.4 * min(max(random, 0), 1))).rounded())
        guard let retryAfter, retryAfter > 0 else { return max(1, jittered) }
        return max(jittered, min(retryAfter, longestRetryAfter))
    }
}
