import CommandLineKit
import FolioCore

/// `folio keys list`
enum KeysList: LeafCommand {
    static let spec = Command(
        "list", abstract: "List API keys, oldest first (never their secrets).",
        options: [
            Option("tenant", value: "tenant", kind: TenantsCommands.handleKind, help: "Only this tenant's keys (id or e-mail)."),
            Option("env", value: "env", kind: KeysCommands.environmentKind, help: "Only keys of this environment."),
            Option("status", value: "status", kind: .choice(KeyStatus.allCases.map(\.rawValue)), help: "Only keys in this status."),
            Option("label", value: "text", help: "Only keys with exactly this label."),
        ] + ListOptions.specs,
        examples: [Example("folio keys list --tenant ana@example.com"),
                   Example("folio keys list --status active --env production -o json")])

    struct Options {
        var filter: KeyFilter
        var page: ListOptions
    }

    static func options(_ inv: Invocation, _ context: CommandContext) throws(FolioError) -> Options {
        Options(filter: KeyFilter(tenant: inv.value("tenant"), environment: inv.value("env").flatMap(Environment.init(rawValue:)),
                                  status: inv.value("status").flatMap(KeyStatus.init(rawValue:)), label: inv.value("label")),
                page: ListOptions(inv))
    }

    static func run(_ options: Options, _ context: CommandContext) throws {
        let store = try context.openStore()
        try context.printList(options.page) { request throws(FolioError) in
            try Keys.list(store: store, filter: options.filter, page: request, now: context.now)
        }
    }
}
