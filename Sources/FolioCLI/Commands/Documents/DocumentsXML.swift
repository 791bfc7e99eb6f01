import CommandLineKit
import FolioCore
import FolioSupport

/// `folio documents xml`
enum DocumentsXML: ShowCommand {
    static let handle = DocumentsCommands.handle
    static let spec = Command(
        "xml", abstract: "Print a document's signed XML, byte for byte as stored.",
        discussion: "The output ignores --output: it is the signed document itself.",
        arguments: [handle.argument],
        examples: [Example("folio documents xml 1503202501179001167400110010010000000421234567815 > signed.xml")])

    static func fetch(_ handle: String, store: Store, now: Timestamp) throws(FolioError) -> [UInt8] {
        try Documents.xml(store: store, handle: handle)
    }

    /// The signed bytes themselves, whatever the output format.
    static func render(_ xml: [UInt8], with renderer: Renderer) -> [UInt8] { xml }
}
