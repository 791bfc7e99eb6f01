import CommandLineKit
import FolioCore
import FolioSupport
#if canImport(Glibc)
import Glibc
#endif

/// `folio webhooks deliver`
enum WebhooksDeliver: LeafCommand {
    struct Options {
        var watch: Bool
        var concurrency: Int
    }

    static let once: OptionKey<Bool> = .flag("once", help: "Deliver every message due now, then exit (the default).")
    static let watch: OptionKey<Bool> = .flag(
        "watch", help: "Keep delivering as messages fall due, until Ctrl-C or SIGTERM.")
    static let concurrency: OptionKey<Int> = .integer("concurrency", value: "n", range: 1...64, default: 4,
                                                      help: "Messages sent at once.")

    static let spec = Command(
        "deliver", abstract: "Send due webhook messages: POST, sign, retry on the schedule, record every attempt.",
        discussion: "Each due pending message is claimed with a 60-second lease in a short transaction (so several deliver "
            + "processes at once never send one attempt twice), POSTed outside any transaction as the JSON "
            + "{\"id\",\"type\",\"createdAt\",\"data\"} with the headers webhook-id, webhook-timestamp and webhook-signature, "
            + "and recorded with its time, status, duration, first 20 KiB of the response and error. Timeout 15 s. "
            + "2xx delivers; 3xx fails (redirects are not followed); 410 disables the endpoint; any other failure is "
            + "retried 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h later (±20 %), no sooner than a 429's or 5xx's "
            + "Retry-After; after the eighth attempt the message fails and a webhook.failed notification is made. An "
            + "endpoint whose attempts have all failed for 5 days is disabled (webhook.endpoint_disabled). A production "
            + "endpoint's address is checked again at every attempt: a private, loopback or link-local address is "
            + "refused unless the endpoint was created with --allow-private; a name's checked addresses are the only ones "
            + "connected to. --watch stops on Ctrl-C (exit 130) or SIGTERM (143) after finishing and recording the "
            + "requests in flight. Exit 0 also when nothing was due; failed deliveries are not errors of this command.",
        options: [once.option, watch.option, concurrency.option],
        examples: [Example("folio webhooks deliver --once"), Example("folio webhooks deliver --watch --concurrency 8")])

    static func options(_ inv: Invocation, _ context: CommandContext) throws(FolioError) -> Options {
        if inv[once] && inv[watch] {
            throw .validation("give --once or --watch, not both", field: watch.option.long)
        }
        return Options(watch: inv[watch], concurrency: inv[concurrency])
    }

    static func run(_ options: Options, _ context: CommandContext) throws {
        let deliverer = try makeDeliverer(context, concurrency: options.concurrency)
        let interruption = context.interruption
        var report = try deliverer.runOnce(isCancelled: { interruption.isRequested })
        while options.watch && !interruption.isRequested {
            try pause(until: try deliverer.nextDue(), context)
            if interruption.isRequested { break }
            report.add(try deliverer.runOnce(isCancelled: { interruption.isRequested }))
        }
        context.console.out(context.renderer.render(Presented(one: report)))
        if interruption.isRequested { throw ReportedFailure(status: context.interruptedStatus) }
    }

    /// The worker of this command: FolioHTTP's sender (one for the run, keeping up to `concurrency`
    /// idle connections per endpoint), the command's clock, the store's master key.
    static func makeDeliverer(_ context: CommandContext, concurrency: Int) throws(FolioError) -> WebhookDeliverer {
        let store = try context.openStore()
        let key = try store.masterKey()
        var timeout: Double = 15
        #if FOLIO_TEST_CLOCK
        // Tests only (a debug build): a receiver that hangs need not hold a test for 15 s.
        if let text = context.environment["FOLIO_WEBHOOK_TIMEOUT"], let seconds = Double(text), seconds > 0 { timeout = seconds }
        #endif
        return WebhookDeliverer(store: store, masterKey: key, clock: context.clock, sender: HTTPWebhookSender(maxIdlePerEndpoint: concurrency),
                                options: DeliveryOptions(concurrency: concurrency, timeoutSeconds: timeout),
                                actor: context.globals.resolvedActor(environment: context.environment),
                                command: context.commandName)
    }

    /// Sleeps until `due` or for 1 s, whichever is sooner, waking early on a signal.
    static func pause(until due: Timestamp?, _ context: CommandContext) throws {
        var wait: Int64 = 1000
        if let due { wait = max(0, min(wait, due.seconds * 1000 - context.clock.milliseconds())) }
        while wait > 0 && !context.interruption.isRequested {
            let step = min(wait, 100)
            usleep(UInt32(step) * 1000)
            wait -= step
        }
    }
}
