import CommandLineKit
import FolioCore

/// `folio tenants register`
enum TenantsRegister: LeafCommand {
    static let email: OptionKey<String> = .required("email", value: "email",
                                                    help: "The tenant's e-mail address (unique, case-insensitive).")
    static let name: OptionKey<String?> = .string("name", value: "name", help: "The tenant's display name (default: the e-mail).")
    static let tier: OptionKey<Tier> = .choice("tier", value: "tier", default: .trial, help: "The plan tier.")
    static let language: OptionKey<Language> = .choice("language", value: "lang", default: .es,
                                                       help: "The language of the tenant's e-mails.")
    static let ruc: OptionKey<String?> = .string("ruc", value: "ruc", help: "Also create the tenant's first issuer (001-001) "
                                                 + "with this RUC and a generated sandbox certificate, ready to sign.")

    static let spec = Command(
        "register", abstract: "Register a tenant and send its verification e-mail.",
        discussion: "New tenants are pending_verification, in the sandbox environment. Registering an e-mail "
            + "that exists already (in any letter case) returns that tenant instead of a duplicate. The result "
            + "holds the tenant's sandbox API key (full access, the tier's rate limit) with its secret, shown once "
            + "(apiKey.secret in JSON, SECRET in a table; -q prints only the tenant id). Registering an existing "
            + "e-mail again revokes its current sandbox key(s) and returns a new one. The "
            + "verification e-mail is written to the store's outbox/ as an .eml file, or piped to the "
            + "command in FOLIO_SENDMAIL when that is set.",
        options: [email.option, name.option, tier.option, language.option, ruc.option],
        examples: [
            Example("folio tenants register --email ana@example.com --name \"Ana Foods\" --tier trial --language es"),
            Example("folio tenants register --email ci@example.com -o json --idempotency-key seed-1",
                    "safe to retry in CI"),
            Example("folio tenants register --email ci@example.com --ruc 1790011674001 -o json",
                    "ready to sign: issuer 001-001 with a sandbox certificate"),
        ])

    static func options(_ inv: Invocation, _ context: CommandContext) throws(FolioError) -> TenantRegistration {
        TenantRegistration(email: inv[email], name: inv[name], tier: inv[tier], language: inv[language], ruc: inv[ruc],
                           verifyHowTo: TenantsCommands.verifyHowTo)
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
