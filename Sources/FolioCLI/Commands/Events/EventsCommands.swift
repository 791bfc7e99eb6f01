import CommandLineKit
import FolioCore

/// `folio events …`
enum EventsCommands {
    static let group = CommandGroup(
        "events", abstract: "List domain events: the outbox webhooks are sent from.",
        discussion: "Every change writes its events (tenant.created, document.signed…) with its audit entries, in one "
            + "transaction; each event has an evt_ id, which is also the webhook-id of its messages.",
        leaves: [EventsList.self],
        examples: [Example("folio events list --tenant ana@example.com --type document.signed --since 7d")])
}
