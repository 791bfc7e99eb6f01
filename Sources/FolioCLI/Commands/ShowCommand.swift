import CommandLineKit
import FolioCore
import FolioSupport

/// A command that shows what one handle names (`tenants show`, `issuers cert show`…): the
/// handle argument, one read of the store, one result printed. A conforming command declares its
/// spec, its `handle` and the core call.
protocol ShowCommand: LeafCommand where Options == String {
    associatedtype Shown
    /// The positional that names what is shown; the spec must hold its `argument`.
    static var handle: ArgumentKey<String> { get }
    /// The one core call.
    static func fetch(_ handle: String, store: Store, now: Timestamp) throws(FolioError) -> Shown
    /// The output; one item in the output format unless the command says otherwise.
    static func render(_ shown: Shown, with renderer: Renderer) -> [UInt8]
    /// What a terminal shows instead of `render`'s table row (`DetailView.replaces`); nil when
    /// the command has no detail view. It may read the store for what the view adds.
    static func detail(_ shown: Shown, store: Store, now: Timestamp) throws(FolioError) -> DetailView?
}

extension ShowCommand {
    static func options(_ inv: Invocation, _ context: CommandContext) throws(FolioError) -> String { inv[handle] }

    static func run(_ handle: String, _ context: CommandContext) throws {
        let store = try context.openStore()
        let shown = try fetch(handle, store: store, now: context.now)
        let renderer = context.renderer
        if DetailView.replaces(renderer), let view = try detail(shown, store: store, now: context.now) {
            context.console.out(view.render(renderer))
            return
        }
        context.console.out(render(shown, with: renderer))
    }

    static func detail(_ shown: Shown, store: Store, now: Timestamp) throws(FolioError) -> DetailView? { nil }
}

extension ShowCommand where Shown: Detailed {
    static func detail(_ shown: Shown, store: Store, now: Timestamp) throws(FolioError) -> DetailView? { shown.detail }
}

extension ShowCommand where Shown: Presentable {
    static func render(_ shown: Shown, with renderer: Renderer) -> [UInt8] { renderer.one(shown) }
}
