import FolioSupport

/// One event to deliver to one endpoint (the `webhook_messages` table, migration 8). Its
/// `webhook-id` is the event id, so a replayed message is the same message to a receiver.
public struct WebhookMessage: Sendable, Equatable {
    public var seq: Int64
    public var eventId: String
    public var endpointId: String
    /// pending (due at `nextAttemptAt`), delivered, failed (retries spent), cancelled (its
    /// endpoint was deleted).
    public var status: String
    public var attemptCount: Int
    public var nextAttemptAt: Timestamp?
    public var replayCount: Int
}

/// An event as `events list` and replays read it (the `events` table): the outbox webhooks
/// fan out from.
public struct EventRecord: Sendable, Equatable {
    public var seq: Int64
    public var id: String
    public var type: String
    public var tenantId: String?
    public var targetId: String?
    public var payload: JSONValue
    public var createdAt: Timestamp

    public var json: JSONValue {
        .object([
            JSONMember("id", .string(id)),
            JSONMember("type", .string(type)),
            JSONMember("tenantId", tenantId.map { .string($0) } ?? .null),
            JSONMember("targetId", targetId.map { .string($0) } ?? .null),
            JSONMember("createdAt", .string(createdAt.rfc3339)),
            JSONMember("data", payload),
        ])
    }
}

/// Which events: of these types (any, when empty), in [since, until).
public struct EventQuery: Sendable, Equatable {
    public var tenant: String?
    public var types: [String]
    public var since: Timestamp?
    public var until: Timestamp?

    public init(tenant: String? = nil, types: [String] = [], since: Timestamp? = nil, until: Timestamp? = nil) {
        self.tenant = tenant
        self.types = types
        self.since = since
        self.until = until
    }

    /// Refuses an unknown type (on `field`) and an empty range.
    func check(typeField: String) throws(FolioError) {
        for type in types where EventType(rawValue: type) == nil {
            let known = EventType.allCases.map(\.rawValue).joined(separator: ", ")
            throw .validation("'\(type)' is not an event type (known: \(known))", field: typeField)
        }
        if let since, let until, since >= until {
            throw .validation("the range starts at \(since.rfc3339), not before its end \(until.rfc3339)", field: "until")
        }
    }
}

/// Writes the messages of new events: the fan-out of the outbox.
enum WebhookFanOut {
    /// Makes one pending message, due at the event's time, for every active endpoint of the
    /// event's tenant whose filter takes the event's type. Runs in the transaction that writes
    /// the event, so a change that rolls back leaves no message.
    static func fanOut(eventId: String, type: String, tenantId: String?, at time: Timestamp,
                       tx: StoreTransaction) throws(FolioError) {
        guard let tenantId else { return }
        for endpoint in try tx.activeWebhookEndpoints(tenantId: tenantId) where endpoint.events.matches(type) {
            try tx.insertWebhookMessage(eventId: eventId, endpointId: endpoint.id, dueAt: time, now: time)
        }
    }
}
