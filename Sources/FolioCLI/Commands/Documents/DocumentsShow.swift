import CommandLineKit
import FolioCore

/// `folio documents show`
enum DocumentsShow: LeafCommand {
    static let spec = Command(
        "show", abstract: "Show one document, by id or access key.",
        arguments: [DocumentsCommands.handleArgument],
        examples: [Example("folio documents show 1503202501179001167400110010010000000421234567815 -o json")])

    static func options(_ inv: Invocation, _ context: CommandContext) throws(FolioError) -> String {
        DocumentsCommands.handle(inv)
    }

    static func run(_ handle: String, _ context: CommandContext) throws {
        let document = try Documents.show(store: try context.openStore(), handle: handle)
        context.console.out(context.renderer.one(document))
        return
    }
}
