import CommandLineKit
import FolioCore

/// `folio tenants register`
enum TenantsRegister: LeafCommand {
    static let spec = Command(
        "register", abstract: "Register a tenant and send its verification e-mail.",
        discussion: "New tenants are pending_verification, in the sandbox environment. Registering an e-mail "
            + "that exists already (in any letter case) returns that tenant instead of a duplicate. The "
            + "verification e-mail is written to the store's outbox/ as an .eml file, or piped to the "
            + "command in FOLIO_SENDMAIL when that is set.",
        options: [
            Option("email", value: "email", required: true, help: "The tenant's e-mail address (unique, case-insensitive)."),
            Option("name", value: "name", help: "The tenant's display name (default: the e-mail)."),
            Option("tier", value: "tier", kind: TenantsCommands.tierKind, default: "trial", help: "The plan tier."),
            Option("language", value: "lang", kind: TenantsCommands.languageKind, default: "es",
                   help: "The language of the tenant's e-mails."),
        ],
        examples: [
            Example("folio tenants register --email ana@example.com --name \"Ana Foods\" --tier trial --language es"),
            Example("folio tenants register --email ci@example.com -o json --idempotency-key seed-1",
                    "safe to retry in CI"),
        ])

    static func options(_ inv: Invocation, _ context: CommandContext) throws(FolioError) -> TenantRegistration {
        TenantRegistration(email: inv.value("email") ?? "", name: inv.value("name"),
                           tier: Tier(rawValue: inv.value("tier") ?? "") ?? .trial,
                           language: Language(rawValue: inv.value("language") ?? "") ?? .es)
    }

    static func run(_ options: TenantRegistration, _ context: CommandContext) throws(FolioError) -> Int32 {
        let renderer = context.renderer
        return try context.perform(Tenants.register(options), render: { renderer.one($0.tenant) }) { result in
            result.created
                ? "registered \(result.tenant.id); verification e-mail to \(result.tenant.email) is in the outbox"
                : "\(result.tenant.email) was registered already as \(result.tenant.id); nothing new was created"
        }
    }
}
