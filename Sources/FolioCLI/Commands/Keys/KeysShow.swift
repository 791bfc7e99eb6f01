import CommandLineKit
import FolioCore
import FolioSupport

/// `folio keys show`
enum KeysShow: ShowCommand {
    static let handle = KeysCommands.handle
    static let spec = Command(
        "show", abstract: "Show one API key by id or displayed start (never its secret).",
        discussion: "Support staff can find a key from the few characters a customer reads out: the prefix and "
            + "the first 4 characters after it (folio_test_AbCd). When several keys share that start, the "
            + "candidates are listed and the command exits 5 (conflict); name the key by id then. On a terminal "
            + "it prints a detail view (scopes, rate limit, expiry, last use, revocation); piped or with -o it "
            + "prints what keys list does.",
        arguments: [handle.argument],
        examples: [Example("folio keys show folio_test_AbCd"), Example("folio keys show key_01JD… -o json")])

    static func fetch(_ handle: String, store: Store, now: Timestamp) throws(FolioError) -> ApiKey {
        try Keys.show(store: store, handle: handle, now: now)
    }
}
