import CommandLineKit
import FolioCore

/// `folio exports show`
enum ExportsShow: LeafCommand {
    static let spec = Command(
        "show", abstract: "Show an export: its filters, counts, sums, size and SHA-256.",
        arguments: [ExportsCommands.handle.argument],
        examples: [Example("folio exports show exp_01JD… -o json")])

    static func options(_ inv: Invocation, _ context: CommandContext) throws(FolioError) -> String {
        inv[ExportsCommands.handle]
    }

    static func run(_ id: String, _ context: CommandContext) throws {
        let export = try Exports.show(store: try context.openStore(), id: id)
        context.console.out(context.renderer.render(Presented(one: export)))
    }
}
