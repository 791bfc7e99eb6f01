import CommandLineKit
import FolioCore

/// `folio tenants activate`
enum TenantsActivate: LeafCommand {
    static let spec = Command(
        "activate", abstract: "Lift a tenant's suspension.",
        discussion: "The tenant returns to active, or to pending_verification when its e-mail was never verified.",
        arguments: [TenantsCommands.handle.argument],
        examples: [Example("folio tenants activate ana@example.com")])

    static func options(_ inv: Invocation, _ context: CommandContext) throws(FolioError) -> String {
        inv[TenantsCommands.handle]
    }

    static func run(_ handle: String, _ context: CommandContext) throws {
        try context.perform(Tenants.activate(handle), present: { Presented(one: $0) }) {
            "\($0.id) is \($0.status.rawValue)"
        }
    }
}
