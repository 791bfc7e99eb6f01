import CommandLineKit
import FolioCore
import FolioSupport

/// `folio webhooks verify`
enum WebhooksVerify: LeafCommand {
    static let headers: OptionKey<String> = .required(
        "headers", value: "path", kind: .path, help: "A file of the message's headers, one 'name: value' per line.")
    static let bodyFile: OptionKey<String?> = .string("body-file", value: "path", kind: .path,
                                                      help: "The message body (default: stdin).")
    static let tolerance: OptionKey<Int64> = .custom(
        "tolerance", value: "duration", as: KeysCommands.duration, default: "5m",
        help: "How far webhook-timestamp may be from now, either way.")

    static let spec = Command(
        "verify", abstract: "Check a webhook message's Standard Webhooks signature: exit 0, or 10 with the reason.",
        discussion: "Reasons: malformed_header (a header missing, a timestamp that is not seconds, no v1 entry), "
            + "stale_timestamp (further from now than --tolerance), bad_signature (no v1 entry matches the secret). "
            + "The secret comes from --secret-file (its whsec_… line); a file in another format exits 3. The result "
            + "(valid, reason, message) goes to stdout, the error to stderr.",
        options: [WebhooksCommands.secretFile.option, headers.option, bodyFile.option, tolerance.option],
        examples: [Example("folio webhooks verify --secret-file secret.txt --headers headers.txt < body.json")])

    struct Options {
        var secret: [UInt8]
        var headers: [(name: String, value: String)]
        var body: [UInt8]
        var tolerance: Int64
    }

    static func options(_ inv: Invocation, _ context: CommandContext) throws(FolioError) -> Options {
        let secret = try WebhooksCommands.secret(inv[WebhooksCommands.secretFile], context)
        let path = inv[headers]
        guard path != "-" else { throw .validation("the headers come from a file: stdin carries the body", field: headers.option.long) }
        let text = try context.readInput(path: path, limit: .webhookHeaders, field: headers.option.long)
        let body = try context.readInput(path: inv[bodyFile], limit: .webhookBody, field: bodyFile.option.long)
        return Options(secret: secret, headers: StandardWebhooks.parseHeaders(String(decoding: text, as: UTF8.self)),
                       body: body, tolerance: inv[tolerance])
    }

    static func run(_ options: Options, _ context: CommandContext) throws {
        let failure = StandardWebhooks.verify(secrets: [options.secret], headers: options.headers, body: options.body,
                                              now: context.now, tolerance: options.tolerance)
        let result = JSONValue.object([JSONMember("valid", .bool(failure == nil)),
                                       JSONMember("reason", failure.map { .string($0.0.rawValue) } ?? .null),
                                       JSONMember("message", failure.map { .string($0.1) } ?? .null)])
        switch context.renderer.format {
        case .json, .jsonl: context.console.out(Array((result.compactText() + "\n").utf8))
        default: if !context.globals.quiet { context.console.out(Array("\(failure?.0.rawValue ?? "valid")\n".utf8)) }
        }
        if let (reason, message) = failure {
            throw ReportedFailure(FolioError(.signatureInvalid, "the webhook signature does not verify: \(message)",
                                             details: [JSONMember("reason", .string(reason.rawValue))]))
        }
    }
}
