import CommandLineKit
import FolioCore
import FolioSupport

/// A command that lists (`tenants list`, `audit list`…): a filter read from its options, the
/// paging of `ListOptions`, and one core call per page, printed by `CommandContext.printList`.
/// A conforming command declares its spec (its filter options + `ListOptions.specs`), how its
/// filter is read and the core call.
protocol ListCommand: LeafCommand where Options == ListRequest<Filter> {
    associatedtype Filter
    associatedtype Item: Presentable
    /// What the items are called in notes, plural: "tenants" ("no tenants match").
    static var noun: String { get }
    /// Reads and checks the filter options; no store access.
    static func filter(_ inv: Invocation, _ context: CommandContext) throws(FolioError) -> Filter
    /// The one core call: one page of what `filter` selects.
    static func fetch(_ filter: Filter, page: PageRequest, store: Store, now: Timestamp) throws(FolioError) -> Page<Item>
}

/// What a list command was asked for: its filter and which page(s).
struct ListRequest<Filter> {
    var filter: Filter
    var page: ListOptions
}

extension ListCommand {
    static func options(_ inv: Invocation, _ context: CommandContext) throws(FolioError) -> ListRequest<Filter> {
        ListRequest(filter: try filter(inv, context), page: ListOptions(inv))
    }

    static func run(_ request: ListRequest<Filter>, _ context: CommandContext) throws {
        let store = try context.openStore()
        try context.printList(request.page, noun: noun) { page throws(FolioError) in
            try fetch(request.filter, page: page, store: store, now: context.now)
        }
    }
}
