import CommandLineKit
import FolioCore

/// `folio webhooks show`
enum WebhooksShow: LeafCommand {
    static let spec = Command(
        "show", abstract: "Show a webhook endpoint: its URL, event types, state and address check (never its secret).",
        arguments: [WebhooksCommands.handle.argument],
        examples: [Example("folio webhooks show whe_01JD… -o json")])

    static func options(_ inv: Invocation, _ context: CommandContext) throws(FolioError) -> String {
        inv[WebhooksCommands.handle]
    }

    static func run(_ id: String, _ context: CommandContext) throws {
        let endpoint = try Webhooks.show(store: try context.openStore(), id: id)
        context.console.out(context.renderer.render(Presented(one: endpoint)))
    }
}
