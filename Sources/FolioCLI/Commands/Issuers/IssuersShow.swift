import CommandLineKit
import FolioCore
import FolioSupport

/// `folio issuers show`
enum IssuersShow: ShowCommand {
    static let handle = IssuersCommands.handle
    static let spec = Command(
        "show", abstract: "Show one issuer with its certificate and document types.",
        discussion: "On a terminal it prints a detail view; piped or with -o it prints what issuers list does.",
        arguments: [handle.argument],
        examples: [Example("folio issuers show iss_… -o json")])

    static func fetch(_ handle: String, store: Store, now: Timestamp) throws(FolioError) -> Issuer {
        try Issuers.show(store: store, handle: handle, now: now)
    }
}
