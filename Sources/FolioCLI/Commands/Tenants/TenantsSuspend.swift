import CommandLineKit
import FolioCore

/// `folio tenants suspend`
enum TenantsSuspend: LeafCommand {
    static let spec = Command(
        "suspend", abstract: "Suspend a tenant: its keys stop verifying until it is activated again.",
        options: [Option("reason", value: "text", required: true, help: "Why (kept in the tenant and the audit log).")],
        arguments: [TenantsCommands.handleArgument],
        examples: [Example("folio tenants suspend ana@example.com --reason \"payment overdue\"")])

    static func options(_ inv: Invocation, _ context: CommandContext) throws(FolioError) -> (String, String) {
        (TenantsCommands.handle(inv), inv.value("reason") ?? "")
    }

    static func run(_ options: (String, String), _ context: CommandContext) throws {
        try context.perform(Tenants.suspend(options.0, reason: options.1), present: { Presented(one: $0) }) {
            "suspended \($0.id)"
        }
    }
}
