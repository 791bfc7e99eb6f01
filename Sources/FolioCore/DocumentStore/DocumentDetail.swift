import FolioXML
import FolioSupport

/// A document with what a detail view shows beyond its stored fields: how many lines it has and
/// what has happened to it so far.
public struct DocumentDetail: Sendable {
    public var document: StoredDocument
    /// The `detalle` lines of its XML; nil when the stored XML cannot be read.
    public var itemCount: Int?
    /// Its audit entries, oldest first: its status history (`document.create` when it was
    /// signed; approvals, payments and sending will add theirs).
    public var history: [AuditEntry]
}

extension Documents {
    /// The document named by `handle` (`doc_` id or access key) with its line count and history.
    public static func detail(store: Store, handle: String) throws(FolioError) -> DocumentDetail {
        try store.read { tx throws(FolioError) in
            let document = try find(handle, in: tx)
            // The count is read from the signed XML, the one record of the lines: the summary
            // of documents signed so far holds only the totals.
            let itemCount = try tx.documentXML(id: document.id).flatMap { (xml: [UInt8]) -> Int? in
                guard let root = try? XMLDocument(bytes: xml).rootSnapshot else { return nil }
                return root.child("detalles")?.children("detalle").count ?? 0
            }
            let history = try tx.auditEntries(target: document.id, actor: nil, since: nil, until: nil,
                                              after: nil, limit: nil).items
            return DocumentDetail(document: document, itemCount: itemCount, history: history)
        }
    }
}
