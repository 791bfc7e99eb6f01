import CommandLineKit
import FolioCore
import FolioSupport

/// `folio keys mint`
enum KeysMint: LeafCommand {
    static let tenant: OptionKey<String> = .required("tenant", value: "tenant", kind: TenantsCommands.handleKind,
                                                     help: "The tenant: its id (ten_…), e-mail or RUC.")
    static let label: OptionKey<String?> = .string("label", value: "text", help: "A name for the key (e.g. ci, billing-server).")
    static let scopes: OptionKey<[String]> = .repeated(
        "scope", value: "scope", kind: .choice(Scopes.accepted),
        help: "A scope to grant (repeatable): noun:verb, noun:* or *. None means full access.")
    static let environment: OptionKey<Environment?> = .choice(
        "env", value: "env", help: "sandbox or production (default: the tenant's environment).")
    static let expiresIn: OptionKey<Int64?> = .custom("expires-in", value: "duration", as: KeysCommands.duration,
                                                      help: "Expire after this long (30d, 24h, 90m, 3600s).")
    static let expiresAt: OptionKey<String?> = .string("expires-at", value: "time", help: "Expire at this RFC 3339 time.")
    static let rateLimit: OptionKey<RateLimit?> = .custom(
        "rate-limit", value: "n/unit",
        as: ValueConversion(type: "rate", problem: "expected N/sec, N/min or N/hour") { RateLimit($0) },
        help: "Checks allowed per window: N/sec, N/min or N/hour (default: the tier's).")

    static let spec = Command(
        "mint", abstract: "Mint an API key for a tenant; the secret is printed once.",
        discussion: "The secret appears only in this command's result (with -q or -o id, the result is the secret "
            + "itself); it is never shown again, logged or stored (with --idempotency-key the result is kept "
            + "encrypted under master.key for 24 h so a retry replays it). With no --scope the key has full access, "
            + "shown as '*'. Production keys need tier starter or above (exit 7) and a promoted tenant. The "
            + "default rate limit comes from the tier: 600/min for trial, starter and growth, 1500/min for pro, "
            + "6000/min for business. --dry-run prints a placeholder instead of a usable secret.",
        options: [tenant.option, label.option, scopes.option, environment.option, expiresIn.option, expiresAt.option,
                  rateLimit.option],
        examples: [
            Example("folio keys mint --tenant ana@example.com --label ci --scope documents:read --scope exports:read --expires-in 30d --rate-limit 600/min -o json"),
            Example("KEY=$(folio keys mint --tenant ana@example.com -q)", "capture only the secret"),
        ])

    static func options(_ inv: Invocation, _ context: CommandContext) throws(FolioError) -> KeyMintRequest {
        if inv[expiresIn] != nil && inv[expiresAt] != nil {
            throw FolioError(.usage, "give --expires-in or --expires-at, not both")
        }
        var at: Timestamp?
        if let text = inv[expiresAt] {
            guard let t = Timestamp(rfc3339: text) else {
                throw .validation("'\(text)' is not an RFC 3339 time like 2026-12-31T23:59:59Z", field: expiresAt.option.long)
            }
            at = t
        }
        return KeyMintRequest(tenant: inv[tenant], label: inv[label], scopes: inv[scopes], environment: inv[environment],
                              expiresInSeconds: inv[expiresIn], expiresAt: at, rateLimit: inv[rateLimit])
    }

    static func run(_ request: KeyMintRequest, _ context: CommandContext) throws {
        try context.perform(Keys.mint(request), present: { Presented(one: $0) }) {
            "minted \($0.key.id) (\($0.key.start)…) for \($0.key.tenantId); store the secret now: it is not shown again"
        }
    }
}
