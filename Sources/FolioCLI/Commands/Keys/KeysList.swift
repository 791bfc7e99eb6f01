import CommandLineKit
import FolioCore
import FolioSupport

/// `folio keys list`
enum KeysList: ListCommand {
    static let tenant: OptionKey<String?> = .string("tenant", value: "tenant", kind: TenantsCommands.handleKind,
                                                    help: "Only this tenant's keys (id, e-mail or RUC).")
    static let environment: OptionKey<Environment?> = .choice("env", value: "env", help: "Only keys of this environment.")
    static let status: OptionKey<KeyStatus?> = .choice("status", value: "status", help: "Only keys in this status.")
    static let label: OptionKey<String?> = .string("label", value: "text", help: "Only keys with exactly this label.")

    static let noun = "keys"
    static let spec = Command(
        "list", abstract: "List API keys, oldest first (never their secrets).",
        options: [tenant.option, environment.option, status.option, label.option] + ListOptions.specs,
        examples: [Example("folio keys list --tenant ana@example.com"),
                   Example("folio keys list --status active --env production -o json")])

    static func filter(_ inv: Invocation, _ context: CommandContext) throws(FolioError) -> KeyFilter {
        KeyFilter(tenant: inv[tenant], environment: inv[environment], status: inv[status], label: inv[label])
    }

    static func fetch(_ filter: KeyFilter, page: PageRequest, store: Store, now: Timestamp) throws(FolioError) -> Page<ApiKey> {
        try Keys.list(store: store, filter: filter, page: page, now: now)
    }
}
