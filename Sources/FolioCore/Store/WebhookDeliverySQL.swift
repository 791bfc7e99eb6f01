import FolioSupport

/// SQL of webhook delivery: claiming due messages with a lease, recording attempts (migration 10).
extension StoreTransaction {
    /// Up to `limit` due pending messages of active endpoints whose lease (if any) has run out,
    /// oldest due first.
    func dueWebhookMessages(now: Timestamp, limit: Int) throws(FolioError) -> [WebhookMessage] {
        try fetchAll("""
            SELECT m.* FROM webhook_messages m JOIN webhook_endpoints e ON e.id = m.endpoint_id
            LEFT JOIN webhook_leases l ON l.message_seq = m.seq
            WHERE m.status = 'pending' AND m.next_attempt_at <= \(now)
              AND (l.lease_until IS NULL OR l.lease_until <= \(now))
              AND e.active = 1 AND e.deleted_at IS NULL
            ORDER BY m.next_attempt_at, m.seq LIMIT \(limit)
            """, table: "webhook_messages", WebhookMessage.init(row:))
    }

    /// When the next pending message of an active endpoint falls due (a lease counts as due at its end).
    func nextWebhookDue() throws(FolioError) -> Timestamp? {
        try fetchOne("""
            SELECT MAX(m.next_attempt_at, COALESCE(l.lease_until, m.next_attempt_at)) AS due
            FROM webhook_messages m JOIN webhook_endpoints e ON e.id = m.endpoint_id
            LEFT JOIN webhook_leases l ON l.message_seq = m.seq
            WHERE m.status = 'pending' AND e.active = 1 AND e.deleted_at IS NULL
            ORDER BY due LIMIT 1
            """, table: "webhook_messages") { row throws(FolioError) in try row.optionalTimestamp("due") } ?? nil
    }

    func leaseWebhookMessage(seq: Int64, owner: String, until: Timestamp) throws(FolioError) {
        try run("DELETE FROM webhook_leases WHERE message_seq = \(seq)")
        try run("INSERT INTO webhook_leases (message_seq, owner, lease_until) VALUES (\(seq), \(owner), \(until))")
    }

    /// The message's lease owner, when it is still pending.
    func pendingWebhookLease(seq: Int64) throws(FolioError) -> String? {
        try fetchOne("""
            SELECT l.owner FROM webhook_messages m JOIN webhook_leases l ON l.message_seq = m.seq
            WHERE m.seq = \(seq) AND m.status = 'pending'
            """, table: "webhook_leases") { row throws(FolioError) in try row.optionalText("owner") } ?? nil
    }

    /// The message after an attempt: its status, count, next due time; the lease released.
    func settleWebhookMessage(seq: Int64, status: String, attemptCount: Int, nextAttemptAt: Timestamp?,
                              now: Timestamp) throws(FolioError) {
        try run("""
            UPDATE webhook_messages SET status = \(status), attempt_count = \(attemptCount), next_attempt_at = \(nextAttemptAt),
                updated_at = \(now) WHERE seq = \(seq)
            """)
        try run("DELETE FROM webhook_leases WHERE message_seq = \(seq)")
    }

    func insertWebhookAttempt(_ a: WebhookAttempt) throws(FolioError) {
        try run("""
            INSERT INTO webhook_attempts (id, message_seq, endpoint_id, event_id, attempt_number, started_at, duration_ms,
                status_code, error, response_excerpt, outcome)
            VALUES (\(a.id), \(a.messageSeq), \(a.endpointId), \(a.eventId), \(a.attemptNumber), \(a.startedAt),
                \(a.durationMilliseconds), \(a.statusCode), \(a.error), \(a.responseExcerpt), \(a.outcome.rawValue))
            """)
    }

    /// When the endpoint's run of failed attempts began: the first failure after its last
    /// success (nil when its latest attempt succeeded or it has none).
    func webhookFailingSince(endpointId: String) throws(FolioError) -> Timestamp? {
        try fetchOne("""
            SELECT MIN(started_at) AS since FROM webhook_attempts
            WHERE endpoint_id = \(endpointId) AND outcome = 'failed' AND id > COALESCE(
                (SELECT MAX(id) FROM webhook_attempts WHERE endpoint_id = \(endpointId) AND outcome = 'succeeded'), '')
            """, table: "webhook_attempts") { row throws(FolioError) in try row.optionalTimestamp("since") } ?? nil
    }

    /// A page of attempts, newest first.
    func webhookAttempts(_ query: AttemptQuery, after cursor: String?, limit: Int?) throws(FolioError) -> Page<WebhookAttempt> {
        var list = ListQuery("SELECT * FROM webhook_attempts", table: "webhook_attempts", key: "id", descending: true)
        if let endpoint = query.endpoint { list.filter("endpoint_id = \(endpoint)") }
        if let event = query.event { list.filter("event_id = \(event)") }
        if let outcome = query.outcome { list.filter("outcome = \(outcome.rawValue)") }
        return try page(list, after: cursor, limit: limit, WebhookAttempt.init(row:), cursor: \.id)
    }
}

extension WebhookAttempt {
    init(row: SQLRow) throws(FolioError) {
        self.init(id: try row.text("id"), messageSeq: try row.integer("message_seq"), endpointId: try row.text("endpoint_id"),
                  eventId: try row.text("event_id"), attemptNumber: try row.int("attempt_number", in: 1...Int.max),
                  startedAt: try row.timestamp("started_at"), durationMilliseconds: try row.integer("duration_ms"),
                  statusCode: try row.optionalInteger("status_code").map { Int($0) }, error: try row.optionalText("error"),
                  responseExcerpt: try row.text("response_excerpt"),
                  outcome: try row.enumeration("outcome", WebhookAttempt.Outcome.self))
    }
}
