import FolioPDF

/// The RIDE of a document as a PDF (`RIDEReader`, `RIDERenderer`): the bytes only; where they
/// go is the caller's business.
extension Documents {
    /// The RIDE of stored document `handle`, and the document (its access key names the file).
    public static func pdf(store: Store, handle: String) throws(FolioError) -> (document: StoredDocument, pdf: [UInt8]) {
        let (document, xml) = try store.read { tx throws(FolioError) -> (StoredDocument, [UInt8]) in
            let document = try find(handle, in: tx)
            guard let bytes = try tx.documentXML(id: document.id) else { throw .server("document \(document.id) has no XML") }
            return (document, bytes)
        }
        return (document, try pdf(xml, field: "document").pdf)
    }

    /// The RIDE of a signed document's XML (or of the SRI's authorization response holding it);
    /// `field` names the input in errors.
    public static func pdf(_ xml: [UInt8], field: String) throws(FolioError) -> (accessKey: String, pdf: [UInt8]) {
        let ride = try RIDEReader.ride(from: xml, field: field)
        return (ride.accessKey, RIDERenderer.render(ride))
    }
}
