import CommandLineKit
import FolioCore

/// `folio tenants promote`
enum TenantsPromote: LeafCommand {
    static let force: OptionKey<Bool> = .flag("force", help: "Promote a tenant that is not verified or active (admin override).")

    static let spec = Command(
        "promote", abstract: "Move a tenant to production: sandbox keys revoked, production twins minted.",
        discussion: "The tenant must be active and verified (--force overrides that, audited) and on tier starter "
            + "or above (exit 7 otherwise, even with --force). Every active sandbox key is revoked (reason "
            + "promoted) and a production key with the same label, scopes, rate limit and expiry is minted; the "
            + "new secrets are printed once (a table of the new keys, or 'keys' in JSON; -q prints only the "
            + "secrets). A tenant with no active sandbox key gets none: mint one with 'keys mint --env production'.",
        options: [force.option],
        arguments: [TenantsCommands.handle.argument],
        examples: [Example("folio tenants promote ana@example.com --yes -o json")],
        destructive: "Always asks: the tenant's active sandbox keys are revoked at once.")

    struct Options {
        var handle: String
        var force: Bool
    }

    static func options(_ inv: Invocation, _ context: CommandContext) throws(FolioError) -> Options {
        Options(handle: inv[TenantsCommands.handle], force: inv[force])
    }

    static func run(_ options: Options, _ context: CommandContext) throws {
        try context.perform(Tenants.promote(options.handle, force: options.force), confirming: { result in
            "Promote \(result.tenant.email) (\(result.tenant.id)) to production? Its \(result.revokedKeyIds.count) active "
                + "sandbox key(s) are revoked at once; production keys replace them."
        }, present: { Presented(document: $0, rows: $0.keys) }) {
            "promoted \($0.tenant.id) to production; revoked \($0.revokedKeyIds.count) sandbox key(s), minted \($0.keys.count) production key(s)"
        }
    }
}
