import CommandLineKit
import FolioCore
import FolioSupport

/// `folio documents events`: a show command whose result is a list (the whole history, one page:
/// a document has a handful of entries).
enum DocumentsEvents: ShowCommand {
    static let handle = DocumentsCommands.handle
    static let spec = Command(
        "events", abstract: "Show a document's history: its audit entries and events, oldest first.",
        discussion: "Each entry has its type (the audit action, as document.create, or the event, as document.signed), "
            + "time, actor and details. An event's actor is that of the audit entry of the same change.",
        arguments: [handle.argument],
        examples: [Example("folio documents events doc_01JD…"),
                   Example("folio documents events 1503202501179001167400110010010000000421234567815 -o jsonl")])

    static func fetch(_ handle: String, store: Store, now: Timestamp) throws(FolioError) -> [DocumentHistoryEntry] {
        try Documents.history(store: store, handle: handle)
    }

    static func render(_ entries: [DocumentHistoryEntry], with renderer: Renderer) -> [UInt8] {
        renderer.page(entries, nextCursor: nil)
    }
}
