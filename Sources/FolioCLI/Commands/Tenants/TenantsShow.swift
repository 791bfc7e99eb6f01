import CommandLineKit
import FolioCore
import FolioSupport

/// `folio tenants show`
enum TenantsShow: ShowCommand {
    static let handle = TenantsCommands.handle
    static let spec = Command(
        "show", abstract: "Show one tenant, by id or e-mail.",
        arguments: [handle.argument],
        examples: [Example("folio tenants show ana@example.com -o json")])

    static func fetch(_ handle: String, store: Store, now: Timestamp) throws(FolioError) -> Tenant {
        try Tenants.show(store: store, handle: handle)
    }
}
