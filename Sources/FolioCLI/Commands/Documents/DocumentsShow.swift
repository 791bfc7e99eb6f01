import CommandLineKit
import FolioCore
import FolioSupport

/// `folio documents show`
enum DocumentsShow: ShowCommand {
    static let handle = DocumentsCommands.handle
    static let spec = Command(
        "show", abstract: "Show one document, by id or access key.",
        discussion: "On a terminal it prints a detail view (buyer, totals, item count, status history); "
            + "piped or with -o it prints what documents list does.",
        arguments: [handle.argument],
        examples: [Example("folio documents show 1503202501179001167400110010010000000421234567815 -o json")])

    static func fetch(_ handle: String, store: Store, now: Timestamp) throws(FolioError) -> StoredDocument {
        try Documents.show(store: store, handle: handle)
    }

    /// The document with its line count and status history, which its row and JSON leave out.
    static func detail(_ document: StoredDocument, store: Store, now: Timestamp) throws(FolioError) -> DetailView? {
        try Documents.detail(store: store, handle: document.id).detail
    }
}
