import CommandLineKit
import FolioCore

/// `folio tenants register`
enum TenantsRegister: LeafCommand {
    static let spec = Command(
        "register", abstract: "Register a tenant and send its verification e-mail.",
        discussion: "New tenants are pending_verification, in the sandbox environment. Registering an e-mail "
            + "that exists already (in any letter case) returns that tenant instead of a duplicate. The result "
            + "holds the tenant's sandbox API key (full access, the tier's rate limit) with its secret, shown once "
            + "(apiKey.secret in JSON, SECRET in a table; -q prints only the tenant id). Registering an existing "
            + "e-mail again revokes its current sandbox key(s) and returns a new one. The "
            + "verification e-mail is written to the store's outbox/ as an .eml file, or piped to the "
            + "command in FOLIO_SENDMAIL when that is set.",
        options: [
            Option("email", value: "email", required: true, help: "The tenant's e-mail address (unique, case-insensitive)."),
            Option("name", value: "name", help: "The tenant's display name (default: the e-mail)."),
            Option("tier", value: "tier", kind: TenantsCommands.tierKind, default: "trial", help: "The plan tier."),
            Option("language", value: "lang", kind: TenantsCommands.languageKind, default: "es",
                   help: "The language of the tenant's e-mails."),
            Option("ruc", value: "ruc", help: "Also create the tenant's first issuer (001-001) with this RUC and a "
                   + "generated sandbox certificate, ready to sign."),
        ],
        examples: [
            Example("folio tenants register --email ana@example.com --name \"Ana Foods\" --tier trial --language es"),
            Example("folio tenants register --email ci@example.com -o json --idempotency-key seed-1",
                    "safe to retry in CI"),
            Example("folio tenants register --email ci@example.com --ruc 1790011674001 -o json",
                    "ready to sign: issuer 001-001 with a sandbox certificate"),
        ])

    static func options(_ inv: Invocation, _ context: CommandContext) throws(FolioError) -> TenantRegistration {
        TenantRegistration(email: inv.value("email") ?? "", name: inv.value("name"),
                           tier: Tier(rawValue: inv.value("tier") ?? "") ?? .trial,
                           language: Language(rawValue: inv.value("language") ?? "") ?? .es,
                           ruc: inv.value("ruc"), verifyHowTo: TenantsCommands.verifyHowTo)
    }

    static func run(_ input: TenantRegistration, _ context: CommandContext) throws {
        var options = input
        if options.ruc != nil { options.masterKey = try context.openStore().masterKey() }
        try context.perform(Tenants.register(options), present: { Presented(one: $0) }) { result in
            result.created
                ? "registered \(result.tenant.id); verification e-mail to \(result.tenant.email) is in the outbox; "
                    + "store the sandbox key now: it is not shown again"
                : "\(result.tenant.email) was registered already as \(result.tenant.id); revoked \(result.revokedKeyIds.count) "
                    + "sandbox key(s) and minted a new one: store it now"
        }
    }
}
