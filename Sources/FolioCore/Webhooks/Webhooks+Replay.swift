import FolioSupport

/// Which messages a replay queues again.
public enum ReplayStatus: String, Sendable, CaseIterable {
    /// Messages whose retries were spent.
    case failed
    /// Every message of the events, and the events' messages that were never made.
    case all
    /// Events never sent to the endpoint: no message yet (the endpoint came later, or did not
    /// take the type then), or one with no attempt that is not pending (cancelled).
    case neverSent = "never-sent"
}

/// What `webhooks replay` asks for: one event, or a range of events.
public struct ReplayRequest: Sendable {
    public var event: String?
    public var since: Timestamp?
    public var until: Timestamp?
    public var endpoint: String?
    public var tenant: String?
    public var types: [String]
    public var status: ReplayStatus
    /// The rate cap: at most this many replayed messages fall due per second.
    public var perSecond: Int

    public init(event: String?, since: Timestamp?, until: Timestamp?, endpoint: String?, tenant: String?, types: [String],
                status: ReplayStatus, perSecond: Int) {
        self.event = event
        self.since = since
        self.until = until
        self.endpoint = endpoint
        self.tenant = tenant
        self.types = types
        self.status = status
        self.perSecond = perSecond
    }
}

/// One message a replay queued (in a dry run: would queue).
public struct ReplayedMessage: Sendable, Equatable {
    /// Also the message's `webhook-id`: unchanged by a replay, so receivers dedupe.
    public var eventId: String
    public var eventType: String
    public var endpointId: String
    /// The message's status before the replay; nil when there was no message.
    public var previousStatus: String?
    public var dueAt: Timestamp

    public var json: JSONValue {
        .object([JSONMember("webhookId", .string(eventId)), JSONMember("eventType", .string(eventType)),
                 JSONMember("endpointId", .string(endpointId)),
                 JSONMember("previousStatus", previousStatus.map { .string($0) } ?? .null),
                 JSONMember("dueAt", .string(dueAt.rfc3339))])
    }
}

extension Webhooks {
    /// Queues messages again: a pending message with the event's id as its webhook-id, due
    /// now, spread by `perSecond`. Sending is the delivery worker's. An event or a range with no
    /// event, or events with nothing to queue, fail naming the field; nothing is changed.
    public static func replay(_ request: ReplayRequest) -> Mutation<[ReplayedMessage]> {
        Mutation { tx, ctx throws(FolioError) in
            guard request.perSecond > 0 else { throw .validation("the rate is at least 1 message a second", field: "replay.rate") }
            let endpoint = try request.endpoint.map { (id: String) throws(FolioError) in try findLive(id, in: tx) }
            let events = try replayedEvents(request, endpoint: endpoint, tx: tx)
            var items: [ReplayedMessage] = []
            var gated: Set<String> = []
            for event in events {
                guard let tenantId = event.tenantId else { continue }
                let targets: [WebhookEndpoint]
                if let endpoint { targets = [endpoint] } else { targets = try tx.activeWebhookEndpoints(tenantId: tenantId) }
                for target in targets where target.tenantId == tenantId && target.events.matches(event.type) {
                    let existing = try tx.webhookMessage(eventId: event.id, endpointId: target.id)
                    guard wanted(existing, request.status) else { continue }
                    if gated.insert(tenantId).inserted { try gate(try tenantOf(target, tx), now: ctx.now) }
                    let due = ctx.now.adding(seconds: Int64(items.count / request.perSecond))
                    if let existing {
                        try tx.requeueWebhookMessage(seq: existing.seq, dueAt: due, now: ctx.now)
                    } else {
                        try tx.insertWebhookMessage(eventId: event.id, endpointId: target.id, dueAt: due, now: ctx.now)
                    }
                    items.append(ReplayedMessage(eventId: event.id, eventType: event.type, endpointId: target.id,
                                                 previousStatus: existing?.status, dueAt: due))
                }
            }
            guard !items.isEmpty else {
                throw FolioError(.notFound, "\(events.count) event(s) matched, but no message of an active endpoint that takes "
                                 + "them is \(request.status == .all ? "there to queue" : request.status.rawValue)",
                                 field: request.status == .all ? "replay.endpoint" : "replay.status")
            }
            let details = JSONValue.object([JSONMember("messages", .int(items.count)), JSONMember("events", .int(events.count)),
                                            JSONMember("status", .string(request.status.rawValue))])
            return Change(items, audit: [AuditRecord(action: "webhook.replay", targetId: endpoint?.id ?? request.event,
                                                     tenantId: endpoint?.tenantId, details: details)])
        }
    }

    private static func replayedEvents(_ request: ReplayRequest, endpoint: WebhookEndpoint?,
                                       tx: StoreTransaction) throws(FolioError) -> [EventRecord] {
        if let id = request.event {
            guard request.since == nil, request.until == nil else {
                throw .validation("replay one event or a time range, not both", field: "replay.since")
            }
            guard ULID.isValid(id, prefix: .event) else {
                throw .validation("'\(id)' is not an event id (evt_ and 26 characters)", field: "replay.event")
            }
            guard let event = try tx.event(id: id) else { throw FolioError(.notFound, "no event '\(id)'", field: "replay.event") }
            return [event]
        }
        guard let since = request.since else {
            throw .validation("name the event to replay, or the start of a range of events", field: "replay.since")
        }
        let query = EventQuery(types: request.types, since: since, until: request.until)
        try query.check(typeField: "replay.type")
        var tenantId = endpoint?.tenantId
        if let handle = request.tenant {
            let tenant = try Tenants.find(handle, in: tx)
            if let tenantId, tenantId != tenant.id {
                throw .validation("endpoint \(endpoint?.id ?? "") is not one of \(handle)'s", field: "replay.endpoint")
            }
            tenantId = tenant.id
        }
        let events = try tx.allEvents(query, tenantId: tenantId)
        guard !events.isEmpty else {
            throw FolioError(.notFound, "no event from \(since.rfc3339)\(request.until.map { " to \($0.rfc3339)" } ?? "")"
                             + (request.types.isEmpty ? "" : " of type \(request.types.joined(separator: ", "))"),
                             field: "replay.since")
        }
        return events
    }

    private static func wanted(_ message: WebhookMessage?, _ status: ReplayStatus) -> Bool {
        switch status {
        case .all: return true
        case .failed: return message?.status == "failed"
        case .neverSent: return message == nil || (message!.attemptCount == 0 && message!.status != "pending")
        }
    }
}
