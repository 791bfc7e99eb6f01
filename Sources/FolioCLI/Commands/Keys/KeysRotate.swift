import CommandLineKit
import FolioCore
import FolioSupport

/// `folio keys rotate`
enum KeysRotate: LeafCommand {
    /// No declared default: it depends on the key's environment (`Keys.defaultGrace`).
    static let grace: OptionKey<Int64?> = .custom(
        "grace", value: "duration", as: KeysCommands.duration,
        help: "How long the old key keeps working: 24h, 90m, 3600s, up to 7d (default: 24h for a production key, "
            + "0s for a sandbox key).")

    static let spec = Command(
        "rotate", abstract: "Replace a key with a new one; the old one keeps working for a grace period.",
        discussion: "The new key copies the label, scopes, environment, rate limit and expiry; its secret is "
            + "printed once (with -q or -o id, only the secret). The old key stops at the end of --grace (at "
            + "most 7d), and never later than its own expiry. Without --grace, a production key's old secret "
            + "keeps working for 24h, so that the clients using it have a day to switch; a sandbox key's stops at "
            + "once. An expired, revoked or already rotated key cannot be rotated.",
        options: [grace.option],
        arguments: [KeysCommands.unrevokedHandle.argument],
        examples: [Example("folio keys rotate key_01JD… --yes -o json", "a production key: the old one works 24h more"),
                   Example("folio keys rotate key_01JD… --grace 0s --yes", "a leaked key: the old one stops at once")],
        destructive: "Asks before rotating a production key: its old secret stops working at the end of the grace.")

    struct Options {
        var handle: String
        /// nil: the default of the key's environment.
        var graceSeconds: Int64?
    }

    static func options(_ inv: Invocation, _ context: CommandContext) throws(FolioError) -> Options {
        let seconds = inv[grace]
        if let seconds, seconds > Keys.maximumGrace {
            throw .validation("the grace is at most 7 days (7d)", field: grace.option.long)
        }
        return Options(handle: inv[KeysCommands.unrevokedHandle], graceSeconds: seconds)
    }

    static func run(_ options: Options, _ context: CommandContext) throws {
        let now = context.now
        try context.perform(Keys.rotate(options.handle, graceSeconds: options.graceSeconds), confirming: { r in
            guard r.old.environment == .production else { return nil }
            let left = max(0, (r.old.expiresAt?.seconds ?? now.seconds) - now.seconds)
            let end = left == 0 ? "at once" : "in \(DurationText.text(left)), at \(r.old.expiresAt?.rfc3339 ?? "")"
            return "Rotate the production key \(r.old.start)… (\(r.old.id))? Its secret stops working \(end)."
        }, present: { Presented(one: $0.new) }) { r in
            "rotated \(r.old.id) to \(r.new.key.id); the old key works until \(r.old.expiresAt?.rfc3339 ?? "now")"
        }
    }
}
