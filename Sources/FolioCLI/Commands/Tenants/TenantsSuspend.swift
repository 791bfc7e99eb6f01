import CommandLineKit
import FolioCore

/// `folio tenants suspend`
enum TenantsSuspend: LeafCommand {
    static let reason: OptionKey<String> = .required("reason", value: "text", help: "Why (kept in the tenant and the audit log).")

    static let spec = Command(
        "suspend", abstract: "Suspend a tenant: its keys stop verifying until it is activated again.",
        options: [reason.option],
        arguments: [TenantsCommands.handle.argument],
        examples: [Example("folio tenants suspend ana@example.com --reason \"payment overdue\" --yes")],
        destructive: "Always asks: the tenant's keys stop verifying, and it issues no documents until 'tenants activate'.")

    struct Options {
        var handle: String
        var reason: String
    }

    static func options(_ inv: Invocation, _ context: CommandContext) throws(FolioError) -> Options {
        Options(handle: inv[TenantsCommands.handle], reason: inv[reason])
    }

    static func run(_ options: Options, _ context: CommandContext) throws {
        try context.perform(Tenants.suspend(options.handle, reason: options.reason), confirming: { tenant in
            "Suspend \(tenant.email) (\(tenant.id))? Its API keys stop verifying at once."
        }, present: { Presented(one: $0) }) {
            "suspended \($0.id)"
        }
    }
}
