import CommandLineKit
import FolioCore

/// `folio webhooks update`
enum WebhooksUpdate: LeafCommand {
    enum Active: String, CaseIterable, Sendable { case yes, no }

    static let url: OptionKey<String?> = .string("url", value: "url", help: "A new URL (checked as at creation).")
    static let active: OptionKey<Active?> = .choice("active", value: "yes|no",
                                                    help: "Enable (yes) or disable (no) the endpoint: a disabled one gets no new messages.")

    static let spec = Command(
        "update", abstract: "Change a webhook endpoint's URL, event types or active state.",
        discussion: "Only what is given changes. A new URL is checked as 'webhooks create' checks one. --events replaces "
            + "the list. Disabling an endpoint stops new messages for it; messages already queued stay.",
        options: [url.option, WebhooksCommands.events.option, active.option, WebhooksCommands.allowPrivate.option],
        arguments: [WebhooksCommands.handle.argument],
        examples: [Example("folio webhooks update whe_01JD… --events document.signed,export.completed"),
                   Example("folio webhooks update whe_01JD… --active no")])

    struct Options {
        var id: String
        var request: WebhookUpdateRequest
    }

    static func options(_ inv: Invocation, _ context: CommandContext) throws(FolioError) -> Options {
        let events = inv[WebhooksCommands.events]
        return Options(id: inv[WebhooksCommands.handle],
                       request: WebhookUpdateRequest(url: inv[url], events: events.isEmpty ? nil : events,
                                                     active: inv[active].map { $0 == .yes },
                                                     allowPrivate: inv[WebhooksCommands.allowPrivate]))
    }

    static func run(_ options: Options, _ context: CommandContext) throws {
        try context.perform(Webhooks.update(options.id, options.request), present: { Presented(one: $0) }) { "updated \($0.id)" }
    }
}
