import CommandLineKit
import FolioCore

/// `folio keys revoke`
enum KeysRevoke: LeafCommand {
    static let reason: OptionKey<String?> = .string("reason", value: "text", help: "Why (kept with the key and in the audit log).")
    static let tenant: OptionKey<String?> = .string("tenant", value: "tenant", kind: TenantsCommands.handleKind,
                                                    help: "With --all: the tenant whose keys to revoke.")
    static let all: OptionKey<Bool> = .flag("all", help: "Revoke every key of --tenant.")
    /// Optional: `--tenant T --all` names the keys instead.
    static let key = KeysCommands.unrevokedHandle.optional

    static let spec = Command(
        "revoke", abstract: "Revoke an API key at once, or every key of a tenant with --tenant T --all.",
        discussion: "Revocation is immediate: every later 'keys verify' of the key fails with reason revoked. "
            + "--all is the incident switch: it revokes every key of the tenant that is not revoked yet.",
        options: [reason.option, tenant.option, all.option],
        arguments: [key.argument],
        examples: [
            Example("folio keys revoke key_01JD… --reason \"customer request\" --yes"),
            Example("folio keys revoke --tenant ana@example.com --all --reason incident-42 --yes", "incident: revoke them all"),
        ],
        destructive: "Asks before revoking a production key, and before --all revokes every key of a tenant.")

    struct Options {
        var key: String?
        var tenant: String?
        var reason: String?
    }

    static func options(_ inv: Invocation, _ context: CommandContext) throws(FolioError) -> Options {
        let all = inv[Self.all]
        let key = inv[Self.key], tenant = inv[Self.tenant]
        if all {
            guard tenant != nil else {
                throw FolioError(.usage, "--all needs --tenant: it revokes every key of one tenant, named by --tenant",
                                 hint: "folio keys revoke --tenant ana@example.com --all --yes")
            }
            guard key == nil else {
                throw FolioError(.usage, "--all takes no key argument: it revokes every key of --tenant",
                                 hint: "revoke one key with 'folio keys revoke KEY', or all of them with --tenant T --all")
            }
        } else {
            guard key != nil else { throw FolioError(.usage, "name the key to revoke, or use --tenant T --all") }
            guard tenant == nil else { throw FolioError(.usage, "--tenant goes with --all only") }
        }
        return Options(key: all ? nil : key, tenant: all ? tenant : nil, reason: inv[reason])
    }

    static func run(_ options: Options, _ context: CommandContext) throws {
        if let tenant = options.tenant {
            try context.perform(Keys.revokeAll(tenant: tenant, reason: options.reason), confirming: { keys in
                keys.isEmpty ? nil : "Revoke all \(keys.count) API key(s) of \(tenant)? Clients using them stop working at once."
            }, present: { Presented(list: $0, nextCursor: nil) }) { "revoked \($0.count) key(s)" }
            return
        }
        try context.perform(Keys.revoke(options.key ?? "", reason: options.reason), confirming: { key in
            key.environment == .production
                ? "Revoke the production key \(key.start)… (\(key.id))? Clients using it stop working at once." : nil
        }, present: { Presented(one: $0) }) { "revoked \($0.id) (\($0.start)…)" }
    }
}
