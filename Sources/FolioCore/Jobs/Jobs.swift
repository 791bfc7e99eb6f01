import FolioSupport

/// One step of `Jobs.run` and what it did.
public struct JobStep: Sendable, Equatable {
    /// What a step could do this time.
    public enum Status: String, Sendable {
        /// It ran (possibly finding nothing to do).
        case done
        /// This run could not do it (kept for scripts that read the status).
        case unavailable
    }

    /// `certificate-notifications`, `webhook-retries`, `idempotency-prune`.
    public var name: String
    public var status: Status
    /// How many things it made, sent or removed.
    public var count: Int
    /// One line for people, e.g. "2 notifications created".
    public var summary: String
    /// The ids of what it made (notifications), for scripts.
    public var ids: [String]

    public var json: JSONValue {
        .object([JSONMember("name", .string(name)), JSONMember("status", .string(status.rawValue)),
                 JSONMember("count", .int(count)), JSONMember("summary", .string(summary)),
                 JSONMember("ids", .array(ids.map(JSONValue.string)))])
    }
}

/// What one run of the periodic jobs did, step by step.
public struct JobsReport: Sendable {
    public var ranAt: Timestamp
    public var steps: [JobStep]

    /// Whether any step changed anything.
    public var changedAnything: Bool { steps.contains { $0.count > 0 } }

    public var json: JSONValue {
        .object([JSONMember("ranAt", .string(ranAt.rfc3339)), JSONMember("steps", .array(steps.map(\.json)))])
    }
}

/// The periodic jobs, meant to run from cron every minute: safe to run at any time, as often
/// as wanted, from several processes at once. One write transaction runs them all:
///
/// 1. certificate notifications: each certificate an issuer signs with that is within 30, 7 or
///    1 days of its end, or past it, gets that threshold's notification once
///    (`CertificateExpiry`; the UNIQUE (certificate, threshold) of the table keeps it once when
///    runs race);
/// 2. webhook retries: the caller runs one delivery pass (`WebhookDeliverer.runOnce`) before
///    the transaction (a POST never runs inside one) and passes what it did as `webhookRetries`;
/// 3. idempotency records whose 24 hours are over are deleted (by the command's clock).
public enum Jobs {
    /// The step a delivery pass makes: what `jobs run` reports as `webhook-retries`.
    public static func webhookRetriesStep(_ report: DeliveryReport) -> JobStep {
        JobStep(name: "webhook-retries", status: .done, count: report.attempts,
                summary: "\(report.attempts) webhook attempt(s) due: \(report.delivered) delivered, \(report.retrying) to retry, "
                    + "\(report.failed) failed", ids: report.notifications)
    }

    public static func run(webhookRetries: JobStep = webhookRetriesStep(DeliveryReport())) -> Mutation<JobsReport> {
        Mutation { tx, ctx throws(FolioError) in
            var audit: [AuditRecord] = []
            var events: [DomainEvent] = []
            var made: [String] = []
            let horizon = ctx.now.adding(seconds: Int64(CertificateExpiry.thresholds[0]) * 86_400)
            for certificate in try tx.certificatesInUse(endingBefore: horizon) {
                guard let threshold = CertificateExpiry.threshold(notAfter: certificate.notAfter, now: ctx.now) else { continue }
                let draft = CertificateExpiry.draft(certificate, threshold: threshold, now: ctx.now)
                guard let (notification, entry, event) = try Notifications.notify(draft, tx: tx, ctx: ctx) else { continue }
                made.append(notification.id)
                audit.append(entry)
                events.append(event)
            }
            let pruned = try tx.pruneIdempotencyRecords(now: ctx.now)
            if pruned > 0 {
                audit.append(AuditRecord(action: "idempotency.prune", targetId: nil, tenantId: nil,
                                         details: .object([JSONMember("records", .int(pruned))])))
            }
            let steps = [
                JobStep(name: "certificate-notifications", status: .done, count: made.count,
                        summary: made.count == 1 ? "1 notification created" : "\(made.count) notifications created", ids: made),
                webhookRetries,
                JobStep(name: "idempotency-prune", status: .done, count: pruned,
                        summary: pruned == 1 ? "1 idempotency record older than 24 h pruned"
                            : "\(pruned) idempotency records older than 24 h pruned", ids: []),
            ]
            return Change(JobsReport(ranAt: ctx.now, steps: steps), audit: audit, events: events)
        }
    }
}
