import CommandLineKit
import FolioCore

/// `folio tenants list`
enum TenantsList: LeafCommand {
    static let spec = Command(
        "list", abstract: "List tenants, oldest first.",
        options: [
            Option("status", value: "status", kind: .choice(TenantStatus.allCases.map(\.rawValue)), help: "Only tenants in this status."),
            Option("tier", value: "tier", kind: TenantsCommands.tierKind, help: "Only tenants on this tier."),
        ] + ListOptions.specs,
        examples: [Example("folio tenants list --status active -o json"), Example("folio tenants list --all -o csv > tenants.csv")])

    struct Options {
        var filter: TenantFilter
        var page: ListOptions
    }

    static func options(_ inv: Invocation, _ context: CommandContext) throws(FolioError) -> Options {
        Options(filter: TenantFilter(status: inv.value("status").flatMap(TenantStatus.init(rawValue:)),
                                     tier: inv.value("tier").flatMap(Tier.init(rawValue:))),
                page: ListOptions(inv))
    }

    static func run(_ options: Options, _ context: CommandContext) throws {
        let store = try context.openStore()
        try context.printList(options.page) { request throws(FolioError) in
            try Tenants.list(store: store, filter: options.filter, page: request)
        }
    }
}
