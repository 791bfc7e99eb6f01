import CommandLineKit
import FolioCore

/// `folio tenants set-tier`
enum TenantsSetTier: LeafCommand {
    static let spec = Command(
        "set-tier", abstract: "Change a tenant's plan tier.",
        arguments: [TenantsCommands.handleArgument,
                    Argument("tier", help: "The new tier.", kind: TenantsCommands.tierKind)],
        examples: [Example("folio tenants set-tier ana@example.com starter")])

    static func options(_ inv: Invocation, _ context: CommandContext) throws(FolioError) -> (String, Tier) {
        (TenantsCommands.handle(inv), Tier(rawValue: inv.argument("tier") ?? "") ?? .trial)
    }

    static func run(_ options: (String, Tier), _ context: CommandContext) throws {
        try context.perform(Tenants.setTier(options.0, tier: options.1), present: { Presented(one: $0) }) {
            "\($0.id) is now on the \($0.tier.rawValue) tier"
        }
    }
}
