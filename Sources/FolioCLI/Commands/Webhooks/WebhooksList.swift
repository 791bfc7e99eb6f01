import CommandLineKit
import FolioCore
import FolioSupport

/// `folio webhooks list`
enum WebhooksList: ListCommand {
    struct Filter {
        var tenant: String?
        var includeDeleted: Bool
    }

    static let tenant: OptionKey<String?> = .string("tenant", value: "tenant", kind: TenantsCommands.handleKind,
                                                    help: "Only this tenant's endpoints (id, e-mail or RUC).")
    static let deleted: OptionKey<Bool> = .flag("include-deleted", help: "Also list deleted endpoints.")

    static let noun = "webhook endpoints"
    static let spec = Command(
        "list", abstract: "List webhook endpoints, newest first (never their secrets).",
        options: [tenant.option, deleted.option] + ListOptions.specs,
        examples: [Example("folio webhooks list --tenant ana@example.com"), Example("folio webhooks list --include-deleted -o json")])

    static func filter(_ inv: Invocation, _ context: CommandContext) throws(FolioError) -> Filter {
        Filter(tenant: inv[tenant], includeDeleted: inv[deleted])
    }

    static func fetch(_ filter: Filter, page: PageRequest, store: Store, now: Timestamp) throws(FolioError) -> Page<WebhookEndpoint> {
        try Webhooks.list(store: store, tenant: filter.tenant, includeDeleted: filter.includeDeleted, page: page)
    }
}
