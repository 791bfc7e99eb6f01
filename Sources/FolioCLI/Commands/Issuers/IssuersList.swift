import CommandLineKit
import FolioCore

/// `folio issuers list`
enum IssuersList: LeafCommand {
    static let spec = Command(
        "list", abstract: "List issuers, oldest first.",
        options: [Option("tenant", value: "tenant", kind: TenantsCommands.handleKind, help: "Only this tenant's issuers (id or e-mail).")] + ListOptions.specs,
        examples: [Example("folio issuers list --tenant ana@example.com -o json")])

    struct Options {
        var tenant: String?
        var page: ListOptions
    }

    static func options(_ inv: Invocation, _ context: CommandContext) throws(FolioError) -> Options {
        Options(tenant: inv.value("tenant"), page: ListOptions(inv))
    }

    static func run(_ options: Options, _ context: CommandContext) throws {
        let store = try context.openStore()
        try context.printList(options.page) { request throws(FolioError) in
            try Issuers.list(store: store, tenant: options.tenant, page: request, now: context.now)
        }
    }
}
