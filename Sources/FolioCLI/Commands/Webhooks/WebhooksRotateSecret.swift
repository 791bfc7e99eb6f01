import CommandLineKit
import FolioCore

/// `folio webhooks rotate-secret`
enum WebhooksRotateSecret: LeafCommand {
    static let grace: OptionKey<Int64> = .custom(
        "grace", value: "duration", as: KeysCommands.duration, default: "24h",
        help: "How long the previous secret keeps signing beside the new one (0s to 7d).")

    static let spec = Command(
        "rotate-secret", abstract: "Give a webhook endpoint a new signing secret, printed once.",
        discussion: "During the grace every message carries two v1 signatures in webhook-signature, one per secret, so "
            + "a receiver can switch to the new secret at its own pace. --grace 0s retires the old secret at once.",
        options: [grace.option],
        arguments: [WebhooksCommands.handle.argument],
        examples: [Example("folio webhooks rotate-secret whe_01JD… --grace 24h -o json")])

    struct Options {
        var id: String
        var grace: Int64
    }

    static func options(_ inv: Invocation, _ context: CommandContext) throws(FolioError) -> Options {
        Options(id: inv[WebhooksCommands.handle], grace: inv[grace])
    }

    static func run(_ options: Options, _ context: CommandContext) throws {
        let masterKey = try context.openStore().masterKey()
        try context.perform(Webhooks.rotateSecret(options.id, graceSeconds: options.grace, masterKey: masterKey),
                            present: { Presented(one: $0) }) { made in
            "rotated the secret of \(made.endpoint.id); the new one is shown only now"
        }
    }
}
