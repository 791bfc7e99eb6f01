import CommandLineKit
import FolioCore
import FolioSupport

/// `folio keys mint`
enum KeysMint: LeafCommand {
    static let spec = Command(
        "mint", abstract: "Mint an API key for a tenant; the secret is printed once.",
        discussion: "The secret appears only in this command's result (with -q or -o id, the result is the secret "
            + "itself); it is never shown again, logged or stored (with --idempotency-key the result is kept "
            + "encrypted under master.key for 24 h so a retry replays it). With no --scope the key has full access, "
            + "shown as '*'. Production keys need tier starter or above (exit 7) and a promoted tenant. The "
            + "default rate limit comes from the tier: 600/min for trial, starter and growth, 1500/min for pro, "
            + "6000/min for business. --dry-run prints a placeholder instead of a usable secret.",
        options: [
            Option("tenant", value: "tenant", kind: TenantsCommands.handleKind, required: true, help: "The tenant: its id (ten_…) or e-mail."),
            Option("label", value: "text", help: "A name for the key (e.g. ci, billing-server)."),
            Option("scope", value: "scope", kind: .choice(Scopes.accepted), repeated: true,
                   help: "A scope to grant (repeatable): noun:verb, noun:* or *. None means full access."),
            Option("env", value: "env", kind: KeysCommands.environmentKind,
                   help: "sandbox or production (default: the tenant's environment)."),
            Option("expires-in", value: "duration", kind: KeysCommands.durationKind, help: "Expire after this long (30d, 24h, 90m, 3600s)."),
            Option("expires-at", value: "time", help: "Expire at this RFC 3339 time."),
            Option("rate-limit", value: "n/unit", kind: .custom("rate") { RateLimit($0) == nil ? "expected N/sec, N/min or N/hour" : nil },
                   help: "Checks allowed per window: N/sec, N/min or N/hour (default: the tier's)."),
        ],
        examples: [
            Example("folio keys mint --tenant ana@example.com --label ci --scope documents:read --scope exports:read --expires-in 30d --rate-limit 600/min -o json"),
            Example("KEY=$(folio keys mint --tenant ana@example.com -q)", "capture only the secret"),
        ])

    static func options(_ inv: Invocation, _ context: CommandContext) throws(FolioError) -> KeyMintRequest {
        if inv.value("expires-in") != nil && inv.value("expires-at") != nil {
            throw FolioError(.usage, "give --expires-in or --expires-at, not both")
        }
        var at: Timestamp?
        if let text = inv.value("expires-at") {
            guard let t = Timestamp(rfc3339: text) else {
                throw .validation("'\(text)' is not an RFC 3339 time like 2026-12-31T23:59:59Z", field: "expires-at")
            }
            at = t
        }
        return KeyMintRequest(tenant: inv.value("tenant") ?? "", label: inv.value("label"), scopes: inv.values("scope"),
                              environment: inv.value("env").flatMap(Environment.init(rawValue:)),
                              expiresInSeconds: inv.value("expires-in").flatMap(DurationText.seconds), expiresAt: at,
                              rateLimit: inv.value("rate-limit").flatMap(RateLimit.init))
    }

    static func run(_ request: KeyMintRequest, _ context: CommandContext) throws {
        try context.perform(Keys.mint(request), present: { Presented(one: $0) }) {
            "minted \($0.key.id) (\($0.key.start)…) for \($0.key.tenantId); store the secret now: it is not shown again"
        }
    }
}
