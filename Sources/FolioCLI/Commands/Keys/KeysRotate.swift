import CommandLineKit
import FolioCore

/// `folio keys rotate`
enum KeysRotate: LeafCommand {
    static let grace: OptionKey<Int64> = .custom("grace", value: "duration", as: KeysCommands.duration, default: "0s",
                                                 help: "How long the old key keeps working: 24h, 90m, 3600s, up to 7d.")

    static let spec = Command(
        "rotate", abstract: "Replace a key with a new one; the old one keeps working for a grace period.",
        discussion: "The new key copies the label, scopes, environment, rate limit and expiry; its secret is "
            + "printed once (with -q or -o id, only the secret). The old key stops at the end of --grace (at "
            + "most 7d; default 0s, at once), and never later than its own expiry. An expired, revoked or "
            + "already rotated key cannot be rotated.",
        options: [grace.option],
        arguments: [KeysCommands.unrevokedHandle.argument],
        examples: [Example("folio keys rotate key_01JD… --grace 24h -o json")])

    struct Options {
        var handle: String
        var graceSeconds: Int64
    }

    static func options(_ inv: Invocation, _ context: CommandContext) throws(FolioError) -> Options {
        let seconds = inv[grace]
        guard seconds <= Keys.maximumGrace else {
            throw .validation("the grace is at most 7 days (7d)", field: grace.option.long)
        }
        return Options(handle: inv[KeysCommands.unrevokedHandle], graceSeconds: seconds)
    }

    static func run(_ options: Options, _ context: CommandContext) throws {
        try context.perform(Keys.rotate(options.handle, graceSeconds: options.graceSeconds), present: { Presented(one: $0.new) }) { r in
            "rotated \(r.old.id) to \(r.new.key.id); the old key works until \(r.old.expiresAt?.rfc3339 ?? "now")"
        }
    }
}
