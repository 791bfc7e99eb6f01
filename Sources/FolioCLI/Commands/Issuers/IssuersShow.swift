import CommandLineKit
import FolioCore

/// `folio issuers show`
enum IssuersShow: LeafCommand {
    static let spec = Command(
        "show", abstract: "Show one issuer with its certificate and document types.",
        arguments: [IssuersCommands.handleArgument],
        examples: [Example("folio issuers show iss_… -o json")])

    static func options(_ inv: Invocation, _ context: CommandContext) throws(FolioError) -> String {
        IssuersCommands.handle(inv)
    }

    static func run(_ handle: String, _ context: CommandContext) throws {
        let issuer = try Issuers.show(store: try context.openStore(), handle: handle, now: context.now)
        context.console.out(context.renderer.one(issuer))
        return
    }
}
