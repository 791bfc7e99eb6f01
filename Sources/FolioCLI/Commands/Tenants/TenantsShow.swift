import CommandLineKit
import FolioCore
import FolioSupport

/// `folio tenants show`
enum TenantsShow: ShowCommand {
    static let handle = TenantsCommands.handle
    static let spec = Command(
        "show", abstract: "Show one tenant, by id, e-mail or the RUC of one of its issuers.",
        discussion: "On a terminal it prints a detail view; piped or with -o it prints what tenants list does. "
            + "A RUC that issuers of several tenants share exits 5 (conflict) listing them.",
        arguments: [handle.argument],
        examples: [Example("folio tenants show ana@example.com"), Example("folio tenants show 1790011674001 -o json")])

    static func fetch(_ handle: String, store: Store, now: Timestamp) throws(FolioError) -> Tenant {
        try Tenants.show(store: store, handle: handle)
    }

    /// The tenant's facts and its issuers (the RUCs that find it).
    static func detail(_ tenant: Tenant, store: Store, now: Timestamp) throws(FolioError) -> DetailView? {
        var view = tenant.detail
        let issuers = try Issuers.list(store: store, tenant: tenant.id, page: PageRequest(limit: 20, cursor: nil), now: now)
        view.sections.append(tenant.issuersSection(issuers.items, more: issuers.hasMore))
        return view
    }
}
