import CommandLineKit
import FolioCore
import FolioSupport

/// `folio documents show`
enum DocumentsShow: ShowCommand {
    static let handle = DocumentsCommands.handle
    static let spec = Command(
        "show", abstract: "Show one document, by id or access key.",
        arguments: [handle.argument],
        examples: [Example("folio documents show 1503202501179001167400110010010000000421234567815 -o json")])

    static func fetch(_ handle: String, store: Store, now: Timestamp) throws(FolioError) -> StoredDocument {
        try Documents.show(store: store, handle: handle)
    }
}
