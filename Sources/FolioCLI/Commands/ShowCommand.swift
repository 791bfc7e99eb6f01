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
}

extension ShowCommand {
    static func options(_ inv: Invocation, _ context: CommandContext) throws(FolioError) -> String { inv[handle] }

    static func run(_ handle: String, _ context: CommandContext) throws {
        let shown = try fetch(handle, store: try context.openStore(), now: context.now)
        context.console.out(render(shown, with: context.renderer))
    }
}

extension ShowCommand where Shown: Presentable {
    static func render(_ shown: Shown, with renderer: Renderer) -> [UInt8] { renderer.one(shown) }
}
