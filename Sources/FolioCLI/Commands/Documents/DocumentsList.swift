import CommandLineKit
import FolioCore

/// `folio documents list`
enum DocumentsList: LeafCommand {
    static let spec = Command(
        "list", abstract: "List documents, oldest first.",
        options: [Option("issuer", value: "issuer", kind: IssuersCommands.handleKind, help: "Only this issuer's documents (iss_…).")] + ListOptions.specs,
        examples: [Example("folio documents list --issuer iss_… -o json")])

    struct Options {
        var issuer: String?
        var page: ListOptions
    }

    static func options(_ inv: Invocation, _ context: CommandContext) throws(FolioError) -> Options {
        Options(issuer: inv.value("issuer"), page: ListOptions(inv))
    }

    static func run(_ options: Options, _ context: CommandContext) throws {
        let store = try context.openStore()
        try context.printList(options.page) { request throws(FolioError) in
            try Documents.list(store: store, issuer: options.issuer, page: request)
        }
    }
}
