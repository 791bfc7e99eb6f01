import CommandLineKit
import FolioCore
import FolioSupport

/// `folio webhooks attempts`
enum WebhooksAttempts: ListCommand {
    static let endpoint: OptionKey<String?> = .string("endpoint", value: "endpoint", help: "Only attempts to this endpoint (whe_…).")
    static let status: OptionKey<WebhookAttempt.Outcome?> = .choice("status", value: "outcome",
                                                                    help: "Only attempts that succeeded, or that failed.")
    static let event: OptionKey<String?> = .string("event", value: "event", help: "Only attempts of this event's messages (evt_…).")

    static let noun = "webhook attempts"
    static let spec = Command(
        "attempts", abstract: "List webhook delivery attempts, newest first.",
        discussion: "Each attempt shows when it started, its status code (- when there was no response), how long it took, "
            + "its outcome and error; -o json adds the first 20 KiB of the response.",
        options: [endpoint.option, status.option, event.option] + ListOptions.specs,
        examples: [Example("folio webhooks attempts --endpoint whe_01JD… --status failed"),
                   Example("folio webhooks attempts --event evt_01JD… -o json")])

    static func filter(_ inv: Invocation, _ context: CommandContext) throws(FolioError) -> AttemptQuery {
        AttemptQuery(endpoint: inv[endpoint], event: inv[event], outcome: inv[status])
    }

    static func fetch(_ query: AttemptQuery, page: PageRequest, store: Store, now: Timestamp) throws(FolioError) -> Page<WebhookAttempt> {
        try Webhooks.attempts(store: store, query: query, page: page)
    }
}
