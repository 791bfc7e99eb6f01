import CommandLineKit
import FolioCore

/// `folio documents …`
enum DocumentsCommands {
    static let group = CommandGroup(
        "documents", abstract: "Create and sign electronic invoices; show, export and verify them; decode access keys.",
        leaves: [DocumentsCreate.self, DocumentsList.self, DocumentsShow.self, DocumentsEvents.self, DocumentsXML.self, DocumentsPDF.self, DocumentsVerify.self,
                 DocumentsDecodeKey.self],
        examples: [
            Example("folio documents create --issuer iss_… --file invoice.json -o json"),
            Example("folio documents create --issuer iss_… --file batch.jsonl -o jsonl > created.jsonl", "a JSON-lines batch"),
            Example("folio documents verify doc_01JD…"),
        ])

    /// The document every per-document verb takes.
    static let handle: ArgumentKey<String> = .string("document", help: "The document: its id (doc_…) or its 49-digit access key.",
                                                     kind: .completing(.documents))
}
