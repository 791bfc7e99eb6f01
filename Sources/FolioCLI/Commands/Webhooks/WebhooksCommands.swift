import CommandLineKit
import FolioCore

/// `folio webhooks …`
enum WebhooksCommands {
    static let group = CommandGroup(
        "webhooks", abstract: "Manage webhook endpoints, deliver and replay events to them, sign and verify webhook messages.",
        discussion: "An endpoint receives a tenant's events of the types it names (or every type, *), signed with the "
            + "Standard Webhooks scheme (headers webhook-id, webhook-timestamp, webhook-signature). Every change's "
            + "events become a pending message for each active endpoint that takes them, in the change's own "
            + "transaction; 'webhooks deliver' sends them (and 'jobs run' sends due retries). Webhooks need the starter "
            + "tier or above.",
        leaves: [WebhooksCreate.self, WebhooksList.self, WebhooksShow.self, WebhooksUpdate.self, WebhooksDelete.self,
                 WebhooksRotateSecret.self, WebhooksReplay.self, WebhooksDeliver.self, WebhooksAttempts.self, WebhooksSign.self,
                 WebhooksVerify.self, WebhooksListen.self],
        examples: [
            Example("folio webhooks create --tenant ana@example.com --url https://hooks.example.com/folio --events document.signed"),
            Example("folio webhooks rotate-secret whe_01JD… --grace 24h"),
            Example("folio webhooks verify --secret-file secret.txt --headers headers.txt < body.json"),
            Example("folio webhooks listen --port 0 --secret-file secret.txt --count 1 -o jsonl"),
        ])

    /// The endpoint every per-endpoint verb takes.
    static let handle: ArgumentKey<String> = .string("endpoint", help: "The webhook endpoint: its id (whe_…).")

    static let events: OptionKey<[String]> = .repeated(
        "events", value: "types",
        help: "Event types the endpoint receives, comma-separated or repeated (document.signed,key.revoked), or * for all.")
    static let allowPrivate: OptionKey<Bool> = .flag(
        "allow-private", help: "Accept a private, loopback or link-local address for a production tenant's endpoint.")
    static let secretFile: OptionKey<String> = .required(
        "secret-file", value: "path", kind: .path, help: "A file holding the endpoint's whsec_… secret (never on the command line).")

    /// Reads a `whsec_…` secret file: a file only (stdin carries the body).
    /// A malformed one fails on `field` too (`listen` names the option, sign and verify the secret).
    static func secret(_ path: String, _ context: CommandContext, field: String? = nil) throws(FolioError) -> [UInt8] {
        guard path != "-" else {
            throw .validation("the secret comes from a file: stdin carries the body", field: secretFile.option.long)
        }
        let bytes = try context.readInput(path: path, limit: .webhookSecret, field: secretFile.option.long)
        return try StandardWebhooks.parseSecret(String(decoding: bytes, as: UTF8.self), field: field ?? "webhook.secret")
    }
}
