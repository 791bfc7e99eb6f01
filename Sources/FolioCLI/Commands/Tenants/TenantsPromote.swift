import CommandLineKit
import FolioCore

/// `folio tenants promote`
enum TenantsPromote: LeafCommand {
    static let spec = Command(
        "promote", abstract: "Move a tenant to production: sandbox keys revoked, production twins minted.",
        discussion: "The tenant must be active and verified (--force overrides that, audited) and on tier starter "
            + "or above (exit 7 otherwise, even with --force). Every active sandbox key is revoked (reason "
            + "promoted) and a production key with the same label, scopes, rate limit and expiry is minted; the "
            + "new secrets are printed once (a table of the new keys, or 'keys' in JSON; -q prints only the "
            + "secrets). A tenant with no active sandbox key gets none: mint one with 'keys mint --env production'.",
        options: [Option("force", help: "Promote a tenant that is not verified or active (admin override).")],
        arguments: [TenantsCommands.handleArgument],
        examples: [Example("folio tenants promote ana@example.com -o json")])

    static func options(_ inv: Invocation, _ context: CommandContext) throws(FolioError) -> (String, Bool) {
        (TenantsCommands.handle(inv), inv.flag("force"))
    }

    static func run(_ options: (String, Bool), _ context: CommandContext) throws {
        try context.perform(Tenants.promote(options.0, force: options.1), present: { Presented(document: $0, rows: $0.keys) }) { "promoted \($0.tenant.id) to production; revoked \($0.revokedKeyIds.count) sandbox key(s), minted \($0.keys.count) production key(s)" }
    }
}
