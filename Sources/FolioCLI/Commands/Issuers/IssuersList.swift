import CommandLineKit
import FolioCore
import FolioSupport

/// `folio issuers list`
enum IssuersList: ListCommand {
    static let tenant: OptionKey<String?> = .string("tenant", value: "tenant", kind: TenantsCommands.handleKind,
                                                    help: "Only this tenant's issuers (id, e-mail or RUC).")

    static let noun = "issuers"
    static let spec = Command(
        "list", abstract: "List issuers, oldest first.",
        options: [tenant.option] + ListOptions.specs,
        examples: [Example("folio issuers list --tenant ana@example.com -o json")])

    static func filter(_ inv: Invocation, _ context: CommandContext) throws(FolioError) -> String? { inv[tenant] }

    static func fetch(_ tenant: String?, page: PageRequest, store: Store, now: Timestamp) throws(FolioError) -> Page<Issuer> {
        try Issuers.list(store: store, tenant: tenant, page: page, now: now)
    }
}
