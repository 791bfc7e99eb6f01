import CommandLineKit
import FolioCore

/// `folio jobs run`
enum JobsRun: LeafCommand {
    static let spec = Command(
        "run", abstract: "Run every periodic job once and print what each step did.",
        discussion: "Steps, in one transaction: (1) certificate-notifications: every certificate an issuer signs with "
            + "that is within 30, 7 or 1 days of its end, or has expired, gets that notification once (only the tightest "
            + "threshold it is inside: a certificate first seen with 5 days left gets the 7-day one only); (2) "
            + "webhook-retries: before that transaction, one 'webhooks deliver --once' pass sends every webhook message due "
            + "now (retries and new ones) and reports its attempts; (3) idempotency-prune: idempotency records older than 24 h "
            + "are deleted, so their keys are new again. Safe to run from cron every minute and from several processes "
            + "at once: nothing is made twice. Exit status 0, also when there was nothing to do. A crontab line: "
            + "'* * * * * folio jobs run -q'.",
        examples: [Example("folio jobs run"), Example("folio jobs run -o json")])

    static func options(_ inv: Invocation, _ context: CommandContext) throws(FolioError) {}

    static func run(_ options: Void, _ context: CommandContext) throws {
        let deliverer = try WebhooksDeliver.makeDeliverer(context, concurrency: 4)
        let interruption = context.interruption
        let delivered = try deliverer.runOnce(isCancelled: { interruption.isRequested })
        try context.perform(Jobs.run(webhookRetries: Jobs.webhookRetriesStep(delivered)),
                            present: { Presented(document: $0, rows: $0.steps) })
    }
}
