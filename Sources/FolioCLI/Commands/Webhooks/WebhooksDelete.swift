import CommandLineKit
import FolioCore

/// `folio webhooks delete`
enum WebhooksDelete: LeafCommand {
    static let spec = Command(
        "delete", abstract: "Delete a webhook endpoint: it receives nothing more and its pending messages are cancelled.",
        discussion: "The endpoint's record stays (listed with --include-deleted), so its messages and audit entries "
            + "still name it; it cannot be changed or enabled again.",
        arguments: [WebhooksCommands.handle.argument],
        examples: [Example("folio webhooks delete whe_01JD… --yes")],
        destructive: "Asks before deleting the endpoint.")

    static func options(_ inv: Invocation, _ context: CommandContext) throws(FolioError) -> String {
        inv[WebhooksCommands.handle]
    }

    static func run(_ id: String, _ context: CommandContext) throws {
        try context.perform(Webhooks.delete(id), confirming: { endpoint in
            "Delete webhook endpoint \(endpoint.id) (\(endpoint.url))? Its pending messages are cancelled."
        }, present: { Presented(one: $0) }) { "deleted \($0.id)" }
    }
}
