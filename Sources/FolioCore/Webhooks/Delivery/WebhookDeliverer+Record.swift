import FolioSupport

extension WebhookDeliverer {
    /// The first bytes of a response kept with its attempt.
    static let excerptLimit = 20 * 1024

    /// Records one attempt and the message's new state in one transaction, through the
    /// pipeline (so notifications and their events are written with it) — only if the
    /// message's lease is still this worker's; otherwise records nothing (`lostLeases`).
    /// A signal does not stop it: an attempt that was sent is recorded.
    func record(_ claimed: ClaimedMessage, _ sent: SentAttempt) throws(FolioError) -> DeliveryReport {
        let now = clock.now()
        let context = MutationContext(actor: actor, command: command, idempotencyKey: nil, fingerprint: "", dryRun: false,
                                      now: now, ids: ids)
        let jitter = random()
        let mutation = Mutation<DeliveryReport> { [options] tx, ctx throws(FolioError) in
            var report = DeliveryReport()
            guard try tx.pendingWebhookLease(seq: claimed.seq) == options.workerId else {
                report.lostLeases = 1
                return Change(report)
            }
            var endpoint = try Webhooks.find(claimed.endpointId, in: tx)
            var attempt = WebhookAttempt(id: ctx.ids.make(.attempt), messageSeq: claimed.seq, endpointId: claimed.endpointId,
                                         eventId: claimed.eventId, attemptNumber: claimed.attemptNumber,
                                         startedAt: sent.startedAt, durationMilliseconds: sent.durationMs, statusCode: nil,
                                         error: nil, responseExcerpt: "", outcome: .failed)
            var retryAfter: Int64?
            var gone = false
            switch sent.result {
            case .response(let status, let body, let after):
                attempt.statusCode = status
                attempt.responseExcerpt = String(decoding: body.prefix(Self.excerptLimit), as: UTF8.self)
                if (200..<300).contains(status) {
                    attempt.outcome = .succeeded
                } else {
                    attempt.error = Self.reason(status)
                    gone = status == 410
                    if status == 429 || status >= 500 { retryAfter = after }
                }
            case .failure(let why):
                attempt.error = why
            }
            try tx.insertWebhookAttempt(attempt)
            report.attempts = 1
            var audit: [AuditRecord] = []
            var events: [DomainEvent] = []
            func notify(_ draft: NotificationDraft) throws(FolioError) {
                guard let (made, entry, event) = try Notifications.notify(draft, tx: tx, ctx: ctx) else { return }
                report.notifications.append(made.id)
                audit.append(entry)
                events.append(event)
            }
            func disable(_ why: String) throws(FolioError) {
                guard endpoint.active else { return }
                endpoint.active = false
                endpoint.updatedAt = ctx.now
                try tx.updateWebhookEndpoint(endpoint)
                report.disabledEndpoints.append(endpoint.id)
                audit.append(AuditRecord(action: "webhook.disable", targetId: endpoint.id, tenantId: endpoint.tenantId,
                                         details: .object([JSONMember("url", .string(endpoint.url)), JSONMember("reason", .string(why))])))
                try notify(Self.disabledDraft(endpoint, why: why))
            }
            if attempt.outcome == .succeeded {
                try tx.settleWebhookMessage(seq: claimed.seq, status: "delivered", attemptCount: claimed.attemptNumber,
                                            nextAttemptAt: nil, now: ctx.now)
                report.delivered = 1
            } else if !gone, let delay = WebhookSchedule.delay(afterAttempt: claimed.attemptNumber, random: jitter,
                                                               retryAfter: retryAfter) {
                try tx.settleWebhookMessage(seq: claimed.seq, status: "pending", attemptCount: claimed.attemptNumber,
                                            nextAttemptAt: ctx.now.adding(seconds: delay), now: ctx.now)
                report.retrying = 1
            } else {
                try tx.settleWebhookMessage(seq: claimed.seq, status: "failed", attemptCount: claimed.attemptNumber,
                                            nextAttemptAt: nil, now: ctx.now)
                report.failed = 1
                if !gone { try notify(Self.failedDraft(claimed, endpoint: endpoint, attempt: attempt)) }
            }
            if gone {
                try disable("the endpoint answered 410 Gone")
            } else if attempt.outcome == .failed, let since = try tx.webhookFailingSince(endpointId: endpoint.id),
                      ctx.now.seconds - since.seconds >= WebhookSchedule.disableAfterSeconds {
                try disable("every attempt since \(since.rfc3339) failed (5 days)")
            }
            return Change(report, audit: audit, events: events)
        }
        return try store.perform(mutation, context: context) { _ throws(FolioError) in [] }.result ?? DeliveryReport()
    }

    static func reason(_ status: Int) -> String {
        switch status {
        case 300..<400: return "HTTP \(status): a redirect, which is not followed (a failure)"
        case 410: return "HTTP 410 Gone: the endpoint is disabled"
        default: return "HTTP \(status)"
        }
    }

    static func failedDraft(_ claimed: ClaimedMessage, endpoint: WebhookEndpoint, attempt: WebhookAttempt) -> NotificationDraft {
        NotificationDraft(
            tenantId: endpoint.tenantId, issuerId: nil, type: .webhookFailed,
            title: "Webhook delivery failed",
            message: "Message \(claimed.eventId) to \(endpoint.url) failed after \(claimed.attemptNumber) attempts: "
                + (attempt.error ?? "no response") + ". Replay it with 'folio webhooks replay --event \(claimed.eventId)'.",
            details: .object([JSONMember("endpointId", .string(endpoint.id)), JSONMember("webhookId", .string(claimed.eventId)),
                              JSONMember("attempts", .int(claimed.attemptNumber)), JSONMember("lastAttemptId", .string(attempt.id))]))
    }

    static func disabledDraft(_ endpoint: WebhookEndpoint, why: String) -> NotificationDraft {
        NotificationDraft(
            tenantId: endpoint.tenantId, issuerId: nil, type: .webhookEndpointDisabled,
            title: "Webhook endpoint disabled",
            message: "Endpoint \(endpoint.id) (\(endpoint.url)) was disabled: \(why). Re-enable it with "
                + "'folio webhooks update \(endpoint.id) --active yes' once it answers.",
            details: .object([JSONMember("endpointId", .string(endpoint.id)), JSONMember("url", .string(endpoint.url)),
                              JSONMember("reason", .string(why))]))
    }
}

extension Webhooks {
    /// A page of delivery attempts, newest first.
    public static func attempts(store: Store, query: AttemptQuery, page: PageRequest) throws(FolioError) -> Page<WebhookAttempt> {
        if let cursor = page.cursor, !ULID.isValid(cursor, prefix: .attempt) {
            throw .validation("the cursor '\(cursor)' is not one this command gave out", field: "cursor", remedy: .restartList(sortedBy: nil))
        }
        if let endpoint = query.endpoint, !ULID.isValid(endpoint, prefix: .webhook) {
            throw .validation("'\(endpoint)' is not a webhook endpoint id (whe_ and 26 characters)", field: "endpoint")
        }
        if let event = query.event, !ULID.isValid(event, prefix: .event) {
            throw .validation("'\(event)' is not an event id (evt_ and 26 characters)", field: "event")
        }
        return try store.read { tx throws(FolioError) in try tx.webhookAttempts(query, after: page.cursor, limit: page.limit) }
    }
}
