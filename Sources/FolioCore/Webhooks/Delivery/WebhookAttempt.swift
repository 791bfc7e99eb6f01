import FolioSupport

/// One POST of a message (the `webhook_attempts` table, migration 10).
public struct WebhookAttempt: Sendable, Equatable {
    /// What an attempt came to.
    public enum Outcome: String, Sendable, CaseIterable {
        case succeeded, failed
    }

    public var id: String
    public var messageSeq: Int64
    public var endpointId: String
    /// Also the message's `webhook-id`.
    public var eventId: String
    /// 1 for the first attempt of the message (replays keep counting).
    public var attemptNumber: Int
    public var startedAt: Timestamp
    public var durationMilliseconds: Int64
    /// The response's status; nil when there was none.
    public var statusCode: Int?
    /// Why there was no response, or why the response failed.
    public var error: String?
    /// The first 20 KiB of the response body, as text.
    public var responseExcerpt: String
    public var outcome: Outcome

    public var json: JSONValue {
        .object([
            JSONMember("id", .string(id)), JSONMember("webhookId", .string(eventId)),
            JSONMember("endpointId", .string(endpointId)), JSONMember("attempt", .int(attemptNumber)),
            JSONMember("startedAt", .string(startedAt.rfc3339)),
            JSONMember("durationMs", .number(String(durationMilliseconds))),
            JSONMember("statusCode", statusCode.map { .int($0) } ?? .null),
            JSONMember("error", error.map { .string($0) } ?? .null),
            JSONMember("outcome", .string(outcome.rawValue)),
            JSONMember("responseExcerpt", .string(responseExcerpt)),
        ])
    }
}

/// Which attempts `webhooks attempts` lists.
public struct AttemptQuery: Sendable, Equatable {
    public var endpoint: String?
    public var event: String?
    public var outcome: WebhookAttempt.Outcome?

    public init(endpoint: String? = nil, event: String? = nil, outcome: WebhookAttempt.Outcome? = nil) {
        self.endpoint = endpoint
        self.event = event
        self.outcome = outcome
    }
}

/// What one delivery pass did.
public struct DeliveryReport: Sendable, Equatable {
    /// Attempts made and recorded.
    public var attempts = 0
    public var delivered = 0
    /// Failed attempts that will be tried again.
    public var retrying = 0
    /// Messages that failed for good (schedule spent, or 410).
    public var failed = 0
    /// Attempts whose lease another worker had taken over by the time they were recorded.
    public var lostLeases = 0
    public var disabledEndpoints: [String] = []
    public var notifications: [String] = []

    public init() {}

    public var json: JSONValue {
        .object([
            JSONMember("attempts", .int(attempts)), JSONMember("delivered", .int(delivered)),
            JSONMember("retrying", .int(retrying)), JSONMember("failed", .int(failed)),
            JSONMember("lostLeases", .int(lostLeases)),
            JSONMember("disabledEndpoints", .array(disabledEndpoints.map(JSONValue.string))),
            JSONMember("notifications", .array(notifications.map(JSONValue.string))),
        ])
    }

    /// Adds another pass's counts to this one.
    public mutating func add(_ other: DeliveryReport) {
        attempts += other.attempts
        delivered += other.delivered
        retrying += other.retrying
        failed += other.failed
        lostLeases += other.lostLeases
        disabledEndpoints += other.disabledEndpoints
        notifications += other.notifications
    }
}
