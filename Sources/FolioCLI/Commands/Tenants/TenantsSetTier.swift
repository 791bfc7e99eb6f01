import CommandLineKit
import FolioCore

/// `folio tenants set-tier`
enum TenantsSetTier: LeafCommand {
    static let tier: ArgumentKey<Tier> = .choice("tier", help: "The new tier.")

    static let spec = Command(
        "set-tier", abstract: "Change a tenant's plan tier.",
        arguments: [TenantsCommands.handle.argument, tier.argument],
        examples: [Example("folio tenants set-tier ana@example.com starter")])

    struct Options {
        var handle: String
        var tier: Tier
    }

    static func options(_ inv: Invocation, _ context: CommandContext) throws(FolioError) -> Options {
        Options(handle: inv[TenantsCommands.handle], tier: inv[tier])
    }

    static func run(_ options: Options, _ context: CommandContext) throws {
        try context.perform(Tenants.setTier(options.handle, tier: options.tier), present: { Presented(one: $0) }) {
            "\($0.id) is now on the \($0.tier.rawValue) tier"
        }
    }
}
