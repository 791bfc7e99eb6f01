import FolioSupport

/// SQL of webhook endpoints, their messages (migration 8) and the events they come from.
extension StoreTransaction {
    func insertWebhookEndpoint(_ e: WebhookEndpoint, sealedSecret: [UInt8]) throws(FolioError) {
        try run("""
            INSERT INTO webhook_endpoints (id, tenant_id, url, events, active, address_check, sealed_secret,
                previous_sealed_secret, previous_expires_at, created_at, updated_at, deleted_at)
            VALUES (\(e.id), \(e.tenantId), \(e.url), \(e.events.stored), \(e.active ? 1 : 0), \(e.addressCheck.rawValue),
                \(sealedSecret), NULL, NULL, \(e.createdAt), \(e.updatedAt), NULL)
            """)
    }

    /// Writes what `update` and `delete` change (URL, events, active, address check, deletion).
    func updateWebhookEndpoint(_ e: WebhookEndpoint) throws(FolioError) {
        try run("""
            UPDATE webhook_endpoints SET url = \(e.url), events = \(e.events.stored), active = \(e.active ? 1 : 0),
                address_check = \(e.addressCheck.rawValue), updated_at = \(e.updatedAt), deleted_at = \(e.deletedAt)
            WHERE id = \(e.id)
            """)
    }

    func setWebhookSecrets(id: String, sealed: [UInt8], previous: [UInt8]?, previousExpiresAt: Timestamp?,
                           at time: Timestamp) throws(FolioError) {
        try run("""
            UPDATE webhook_endpoints SET sealed_secret = \(sealed), previous_sealed_secret = \(previous),
                previous_expires_at = \(previousExpiresAt), updated_at = \(time) WHERE id = \(id)
            """)
    }

    func webhookEndpoint(id: String) throws(FolioError) -> WebhookEndpoint? {
        try fetchOne("SELECT * FROM webhook_endpoints WHERE id = \(id)", table: "webhook_endpoints", WebhookEndpoint.init(row:))
    }

    /// The sealed current and previous secret of an endpoint.
    func webhookSecrets(id: String) throws(FolioError) -> (current: [UInt8], previous: [UInt8]?)? {
        try fetchOne("SELECT sealed_secret, previous_sealed_secret FROM webhook_endpoints WHERE id = \(id)",
                     table: "webhook_endpoints") { row throws(FolioError) in
            (try row.blob("sealed_secret"), try row.optionalBlob("previous_sealed_secret"))
        }
    }

    /// A page of endpoints, newest first; deleted ones only when asked.
    func webhookEndpoints(tenantId: String?, includeDeleted: Bool, after cursor: String?,
                          limit: Int?) throws(FolioError) -> Page<WebhookEndpoint> {
        var list = ListQuery("SELECT * FROM webhook_endpoints", table: "webhook_endpoints", key: "id", descending: true)
        if let tenantId { list.filter("tenant_id = \(tenantId)") }
        if !includeDeleted { list.filter("deleted_at IS NULL") }
        return try page(list, after: cursor, limit: limit, WebhookEndpoint.init(row:), cursor: \.id)
    }

    /// The endpoints that receive new events of a tenant: active and not deleted.
    func activeWebhookEndpoints(tenantId: String) throws(FolioError) -> [WebhookEndpoint] {
        try fetchAll("""
            SELECT * FROM webhook_endpoints WHERE tenant_id = \(tenantId) AND active = 1 AND deleted_at IS NULL ORDER BY id
            """, table: "webhook_endpoints", WebhookEndpoint.init(row:))
    }

    /// Every sealed webhook secret, for a master key rotation (aad: the endpoint id, and the
    /// id + ":previous" for a previous secret).
    func sealedWebhookSecrets() throws(FolioError) -> [(id: String, current: [UInt8], previous: [UInt8]?)] {
        try fetchAll("SELECT id, sealed_secret, previous_sealed_secret FROM webhook_endpoints ORDER BY id",
                     table: "webhook_endpoints") { row throws(FolioError) in
            (try row.text("id"), try row.blob("sealed_secret"), try row.optionalBlob("previous_sealed_secret"))
        }
    }

    func setSealedWebhookSecrets(id: String, current: [UInt8], previous: [UInt8]?) throws(FolioError) {
        try run("UPDATE webhook_endpoints SET sealed_secret = \(current), previous_sealed_secret = \(previous) WHERE id = \(id)")
    }

    // MARK: messages

    func insertWebhookMessage(eventId: String, endpointId: String, dueAt: Timestamp, now: Timestamp) throws(FolioError) {
        try run("""
            INSERT INTO webhook_messages (event_id, endpoint_id, status, attempt_count, next_attempt_at, replay_count,
                created_at, updated_at)
            VALUES (\(eventId), \(endpointId), 'pending', 0, \(dueAt), 0, \(now), \(now))
            """)
    }

    /// The message of an event for an endpoint, if one was made.
    func webhookMessage(eventId: String, endpointId: String) throws(FolioError) -> WebhookMessage? {
        try fetchOne("SELECT * FROM webhook_messages WHERE event_id = \(eventId) AND endpoint_id = \(endpointId)",
                     table: "webhook_messages", WebhookMessage.init(row:))
    }

    /// Every message of an event.
    func webhookMessages(eventId: String) throws(FolioError) -> [WebhookMessage] {
        try fetchAll("SELECT * FROM webhook_messages WHERE event_id = \(eventId) ORDER BY seq",
                     table: "webhook_messages", WebhookMessage.init(row:))
    }

    /// Queues a message again: pending, due at `dueAt`, one more replay; its attempts stay.
    func requeueWebhookMessage(seq: Int64, dueAt: Timestamp, now: Timestamp) throws(FolioError) {
        try run("""
            UPDATE webhook_messages SET status = 'pending', next_attempt_at = \(dueAt), replay_count = replay_count + 1,
                updated_at = \(now) WHERE seq = \(seq)
            """)
    }

    /// Stops the pending messages of a deleted endpoint.
    func cancelPendingWebhookMessages(endpointId: String, now: Timestamp) throws(FolioError) -> Int {
        try run("""
            UPDATE webhook_messages SET status = 'cancelled', next_attempt_at = NULL, updated_at = \(now)
            WHERE endpoint_id = \(endpointId) AND status = 'pending'
            """)
    }

    // MARK: events

    func event(id: String) throws(FolioError) -> EventRecord? {
        try fetchOne("SELECT * FROM events WHERE id = \(id)", table: "events", EventRecord.init(row:))
    }

    /// A page of events, newest first; the cursor is a seq.
    func events(_ query: EventQuery, tenantId: String?, after cursor: Int64?, limit: Int?) throws(FolioError) -> Page<EventRecord> {
        try page(Self.eventList(query, tenantId: tenantId, newestFirst: true), after: cursor, limit: limit,
                 EventRecord.init(row:), cursor: { String($0.seq) })
    }

    /// Every event of the query, oldest first (a replay range).
    func allEvents(_ query: EventQuery, tenantId: String?) throws(FolioError) -> [EventRecord] {
        var events: [EventRecord] = []
        try forEachRow(Self.eventList(query, tenantId: tenantId, newestFirst: false)) { row throws(FolioError) in
            events.append(try EventRecord(row: row))
        }
        return events
    }

    static func eventList(_ query: EventQuery, tenantId: String?, newestFirst: Bool) -> ListQuery {
        var list = ListQuery("SELECT * FROM events", table: "events", key: "seq", descending: newestFirst)
        if let tenantId { list.filter("tenant_id = \(tenantId)") }
        if !query.types.isEmpty {
            list.filter("type IN (\(SQLQuery.joined(query.types.map { "\($0)" as SQLQuery }, separator: ", ")))")
        }
        if let since = query.since { list.filter("created_at >= \(since)") }
        if let until = query.until { list.filter("created_at < \(until)") }
        return list
    }
}

extension WebhookEndpoint {
    init(row: SQLRow) throws(FolioError) {
        self.init(id: try row.text("id"), tenantId: try row.text("tenant_id"), url: try row.text("url"),
                  events: WebhookEventFilter(stored: try row.text("events")), active: try row.boolean("active"),
                  addressCheck: try row.enumeration("address_check", WebhookAddressCheck.self),
                  previousSecretExpiresAt: try row.optionalTimestamp("previous_expires_at"),
                  createdAt: try row.timestamp("created_at"), updatedAt: try row.timestamp("updated_at"),
                  deletedAt: try row.optionalTimestamp("deleted_at"))
    }
}

extension WebhookMessage {
    init(row: SQLRow) throws(FolioError) {
        self.init(seq: try row.integer("seq"), eventId: try row.text("event_id"), endpointId: try row.text("endpoint_id"),
                  status: try row.text("status"), attemptCount: try row.int("attempt_count", in: 0...Int.max),
                  nextAttemptAt: try row.optionalTimestamp("next_attempt_at"),
                  replayCount: try row.int("replay_count", in: 0...Int.max))
    }
}

extension EventRecord {
    init(row: SQLRow) throws(FolioError) {
        self.init(seq: try row.integer("seq"), id: try row.text("id"), type: try row.text("type"),
                  tenantId: try row.optionalText("tenant_id"), targetId: try row.optionalText("target_id"),
                  payload: try row.json("payload"), createdAt: try row.timestamp("created_at"))
    }
}
