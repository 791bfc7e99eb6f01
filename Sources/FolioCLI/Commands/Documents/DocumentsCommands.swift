import CommandLineKit
import FolioCore

/// `folio documents …`
enum DocumentsCommands {
    static let group = CommandGroup(
        "documents", abstract: "Create and sign electronic invoices; show, export and verify them; decode access keys.",
        leaves: [DocumentsCreate.self, DocumentsList.self, DocumentsShow.self, DocumentsXML.self, DocumentsVerify.self,
                 DocumentsDecodeKey.self])

    static let handleArgument = Argument("document", help: "The document: its id (doc_…) or its 49-digit access key.",
                                         kind: .completing(.documents))

    static func handle(_ invocation: Invocation) -> String { invocation.argument("document") ?? "" }
}
