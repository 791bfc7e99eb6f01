import CommandLineKit
import FolioCore

/// `folio issuers doc-types list`
enum IssuersDocTypesList: LeafCommand {
    static let spec = Command(
        "list", abstract: "List every SRI document type and whether the issuer may issue it.",
        arguments: [IssuersCommands.handleArgument],
        examples: [Example("folio issuers doc-types list iss_…")])

    static func options(_ inv: Invocation, _ context: CommandContext) throws(FolioError) -> String {
        IssuersCommands.handle(inv)
    }

    static func run(_ handle: String, _ context: CommandContext) throws {
        let types = try Issuers.documentTypes(store: try context.openStore(), handle: handle, now: context.now)
        context.console.out(context.renderer.page(types, nextCursor: nil))
        return
    }
}
