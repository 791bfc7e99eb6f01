import CommandLineKit
import FolioCore

/// `folio documents xml`
enum DocumentsXML: LeafCommand {
    static let spec = Command(
        "xml", abstract: "Print a document's signed XML, byte for byte as stored.",
        discussion: "The output ignores --output: it is the signed document itself.",
        arguments: [DocumentsCommands.handleArgument],
        examples: [Example("folio documents xml 1503202501179001167400110010010000000421234567815 > signed.xml")])

    static func options(_ inv: Invocation, _ context: CommandContext) throws(FolioError) -> String {
        DocumentsCommands.handle(inv)
    }

    static func run(_ handle: String, _ context: CommandContext) throws {
        context.console.out(try Documents.xml(store: try context.openStore(), handle: handle))
        return
    }
}
