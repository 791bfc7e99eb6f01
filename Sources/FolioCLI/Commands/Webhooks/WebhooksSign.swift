import CommandLineKit
import FolioCore
import FolioSupport

/// `folio webhooks sign`
enum WebhooksSign: LeafCommand {
    static let id: OptionKey<String> = .required("id", value: "id", help: "The message id (webhook-id), e.g. an event id.")
    static let timestamp: OptionKey<String?> = .string(
        "timestamp", value: "seconds", help: "The webhook-timestamp, seconds since 1970 (default: now).")
    static let bodyFile: OptionKey<String?> = .string("body-file", value: "path", kind: .path,
                                                      help: "The body to sign (default: stdin).")

    static let spec = Command(
        "sign", abstract: "Sign a body as Folio signs webhook messages: print the three Standard Webhooks headers.",
        discussion: "The secret comes from --secret-file (its whsec_… line), never from the command line. The output "
            + "(name: value lines) is what 'webhooks verify --headers' reads.",
        options: [WebhooksCommands.secretFile.option, id.option, timestamp.option, bodyFile.option],
        examples: [Example("folio webhooks sign --secret-file secret.txt --id evt_01JD… < body.json > headers.txt")])

    struct Options {
        var secret: [UInt8]
        var id: String
        var timestamp: Int64
        var body: [UInt8]
    }

    static func options(_ inv: Invocation, _ context: CommandContext) throws(FolioError) -> Options {
        let stamp: Int64
        if let text = inv[timestamp] {
            guard let value = Int64(text), value >= 0 else {
                throw .validation("'\(text)' is not whole seconds since 1970", field: timestamp.option.long)
            }
            stamp = value
        } else {
            stamp = context.now.seconds
        }
        let id = inv[Self.id]
        guard !id.isEmpty, !id.contains(where: { $0.isWhitespace }) else {
            throw .validation("a message id is one word", field: Self.id.option.long)
        }
        let secret = try WebhooksCommands.secret(inv[WebhooksCommands.secretFile], context)
        let body = try context.readInput(path: inv[bodyFile], limit: .webhookBody, field: bodyFile.option.long)
        return Options(secret: secret, id: id, timestamp: stamp, body: body)
    }

    static func run(_ options: Options, _ context: CommandContext) throws {
        let signature = StandardWebhooks.signatureHeader(secrets: [options.secret], id: options.id,
                                                         timestamp: options.timestamp, body: options.body)
        let members = [JSONMember("webhook-id", .string(options.id)),
                       JSONMember("webhook-timestamp", .string(String(options.timestamp))),
                       JSONMember("webhook-signature", .string(signature))]
        switch context.renderer.format {
        case .json, .jsonl: context.console.out(Array((JSONValue.object(members).compactText() + "\n").utf8))
        case .id: context.console.out(Array((signature + "\n").utf8))
        default:
            // Header lines, as a receiver sees them and as 'webhooks verify --headers' reads them.
            context.console.out(Array(members.map { "\($0.key): \($0.value.stringValue ?? "")\n" }.joined().utf8))
        }
    }
}
