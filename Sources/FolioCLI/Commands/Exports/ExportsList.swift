import CommandLineKit
import FolioCore
import FolioSupport

/// `folio exports list`
enum ExportsList: ListCommand {
    struct Filter {
        var tenant: String?
        var status: ExportStatus?
    }

    static let tenant: OptionKey<String?> = .string("tenant", value: "tenant", kind: TenantsCommands.handleKind,
                                                    help: "Only this tenant's exports (id, e-mail or RUC).")
    static let status: OptionKey<ExportStatus?> = .choice("status", value: "status", help: "Only exports in this state.")

    static let noun = "exports"
    static let spec = Command(
        "list", abstract: "List exports, newest first, with each archive's SHA-256.",
        options: [tenant.option, status.option] + ListOptions.specs,
        examples: [Example("folio exports list --tenant ana@example.com"),
                   Example("folio exports list --status completed -o json")])

    static func filter(_ inv: Invocation, _ context: CommandContext) throws(FolioError) -> Filter {
        Filter(tenant: inv[tenant], status: inv[status])
    }

    static func fetch(_ filter: Filter, page: PageRequest, store: Store, now: Timestamp) throws(FolioError) -> Page<Export> {
        try Exports.list(store: store, tenant: filter.tenant, status: filter.status, page: page)
    }
}
