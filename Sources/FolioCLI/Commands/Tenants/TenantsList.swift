import CommandLineKit
import FolioCore
import FolioSupport

/// `folio tenants list`
enum TenantsList: ListCommand {
    static let status: OptionKey<TenantStatus?> = .choice("status", value: "status", help: "Only tenants in this status.")
    static let tier: OptionKey<Tier?> = .choice("tier", value: "tier", help: "Only tenants on this tier.")
    static let search: OptionKey<String?> = .string(
        "search", value: "text",
        help: "Only tenants whose e-mail or name holds this text (ignoring case and accents: jose finds José), "
            + "or one of whose issuers' RUC starts with it.")

    static let noun = "tenants"
    static let spec = Command(
        "list", abstract: "List tenants, oldest first.",
        options: [status.option, tier.option, search.option] + ListOptions.specs,
        examples: [Example("folio tenants list --status active -o json"), Example("folio tenants list --search jose"),
                   Example("folio tenants list --search 1790011674"),
                   Example("folio tenants list --all -o csv > tenants.csv")])

    static func filter(_ inv: Invocation, _ context: CommandContext) throws(FolioError) -> TenantFilter {
        TenantFilter(status: inv[status], tier: inv[tier], search: inv[search])
    }

    static func fetch(_ filter: TenantFilter, page: PageRequest, store: Store, now: Timestamp) throws(FolioError) -> Page<Tenant> {
        try Tenants.list(store: store, filter: filter, page: page)
    }
}
