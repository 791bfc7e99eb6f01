import CommandLineKit
import FolioCore
import FolioSupport

/// `folio issuers doc-types list`: a show command whose result is a list (every type, one page).
enum IssuersDocTypesList: ShowCommand {
    static let handle = IssuersCommands.handle
    static let spec = Command(
        "list", abstract: "List every SRI document type and whether the issuer may issue it.",
        arguments: [handle.argument],
        examples: [Example("folio issuers doc-types list iss_…")])

    static func fetch(_ handle: String, store: Store, now: Timestamp) throws(FolioError) -> [IssuerDocumentType] {
        try Issuers.documentTypes(store: store, handle: handle, now: now)
    }

    static func render(_ types: [IssuerDocumentType], with renderer: Renderer) -> [UInt8] {
        renderer.page(types, nextCursor: nil)
    }
}
