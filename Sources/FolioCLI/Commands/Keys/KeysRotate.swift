import CommandLineKit
import FolioCore

/// `folio keys rotate`
enum KeysRotate: LeafCommand {
    static let spec = Command(
        "rotate", abstract: "Replace a key with a new one; the old one keeps working for a grace period.",
        discussion: "The new key copies the label, scopes, environment, rate limit and expiry; its secret is "
            + "printed once (with -q or -o id, only the secret). The old key stops at the end of --grace (at "
            + "most 7d; default 0s, at once), and never later than its own expiry. An expired, revoked or "
            + "already rotated key cannot be rotated.",
        options: [
            Option("grace", value: "duration", kind: KeysCommands.durationKind, default: "0s",
                   help: "How long the old key keeps working: 24h, 90m, 3600s, up to 7d."),
        ],
        arguments: [KeysCommands.unrevokedHandleArgument],
        examples: [Example("folio keys rotate key_01JD… --grace 24h -o json")])

    static func options(_ inv: Invocation, _ context: CommandContext) throws(FolioError) -> (String, Int64) {
        let grace = inv.value("grace").flatMap(DurationText.seconds) ?? 0
        guard grace <= Keys.maximumGrace else { throw .validation("the grace is at most 7 days (7d)", field: "grace") }
        return (KeysCommands.handle(inv), grace)
    }

    static func run(_ options: (String, Int64), _ context: CommandContext) throws {
        try context.perform(Keys.rotate(options.0, graceSeconds: options.1), present: { Presented(one: $0.new) }) { r in
            "rotated \(r.old.id) to \(r.new.key.id); the old key works until \(r.old.expiresAt?.rfc3339 ?? "now")"
        }
    }
}
