import CommandLineKit
import FolioCore

/// `folio webhooks create`
enum WebhooksCreate: LeafCommand {
    static let tenant: OptionKey<String> = .required("tenant", value: "tenant", kind: TenantsCommands.handleKind,
                                                     help: "The tenant whose events the endpoint receives (id, e-mail or RUC).")
    static let url: OptionKey<String> = .required("url", value: "url", help: "Where messages are POSTed: https://…")

    static let spec = Command(
        "create", abstract: "Create a webhook endpoint; its whsec_ signing secret is printed once.",
        discussion: "The URL must be https. A sandbox tenant may also use http://localhost or http://127.0.0.1. A "
            + "production tenant's URL may not be a private, loopback or link-local address (10/8, 172.16/12, "
            + "192.168/16, 127/8, 169.254/16, ::1, fc00::/7, fe80::/10…) unless --allow-private: IP literals are "
            + "judged by range, host names by every address they resolve to now. A name that does not resolve "
            + "(no network, or not in DNS yet) is accepted and recorded as addressCheck 'unresolved'. The secret "
            + "is stored encrypted under the master key and never shown again; 'webhooks rotate-secret' makes a new one.",
        options: [tenant.option, url.option, WebhooksCommands.events.option, WebhooksCommands.allowPrivate.option],
        examples: [
            Example("folio webhooks create --tenant ana@example.com --url https://hooks.example.com/folio --events '*'"),
            Example("folio webhooks create --tenant sandbox@example.com --url http://localhost:8080/hook --events document.signed -o json"),
        ])

    static func options(_ inv: Invocation, _ context: CommandContext) throws(FolioError) -> WebhookCreateRequest {
        WebhookCreateRequest(tenant: inv[tenant], url: inv[url], events: inv[WebhooksCommands.events],
                             allowPrivate: inv[WebhooksCommands.allowPrivate])
    }

    static func run(_ request: WebhookCreateRequest, _ context: CommandContext) throws {
        let masterKey = try context.openStore().masterKey()
        try context.perform(Webhooks.create(request, masterKey: masterKey), present: { Presented(one: $0) }) { made in
            "created \(made.endpoint.id); its secret is shown only now: keep it where the receiver reads it"
        }
    }
}
