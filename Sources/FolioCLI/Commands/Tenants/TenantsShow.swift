import CommandLineKit
import FolioCore

/// `folio tenants show`
enum TenantsShow: LeafCommand {
    static let spec = Command(
        "show", abstract: "Show one tenant, by id or e-mail.",
        arguments: [TenantsCommands.handleArgument],
        examples: [Example("folio tenants show ana@example.com -o json")])

    static func options(_ inv: Invocation, _ context: CommandContext) throws(FolioError) -> String {
        TenantsCommands.handle(inv)
    }

    static func run(_ handle: String, _ context: CommandContext) throws {
        let tenant = try Tenants.show(store: try context.openStore(), handle: handle)
        context.console.out(context.renderer.one(tenant))
        return
    }
}
