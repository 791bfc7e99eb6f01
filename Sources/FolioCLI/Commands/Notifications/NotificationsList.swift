import CommandLineKit
import FolioCore
import FolioSupport

/// `folio notifications list`
enum NotificationsList: ListCommand {
    static let tenant: OptionKey<String?> = .string("tenant", value: "tenant", kind: TenantsCommands.handleKind,
                                                    help: "Only this tenant's notifications (id, e-mail or RUC).")
    static let issuer: OptionKey<String?> = .string("issuer", value: "issuer", kind: IssuersCommands.handleKind,
                                                    help: "Only the notifications about this issuer (iss_…).")
    static let unread: OptionKey<Bool> = .flag("unread", help: "Only notifications not marked read.")
    static let sinceId: OptionKey<String?> = .string(
        "since-id", value: "ntf_…", help: "Only notifications made after this one, oldest first (for polling).")

    static let noun = "notifications"
    static let spec = Command(
        "list", abstract: "List notifications, newest first (oldest first after --since-id).",
        discussion: "Without --since-id the newest come first. With --since-id ID the list holds the notifications made "
            + "after ID, oldest first, so a poller keeps the last id it saw and asks again with it: nothing is missed "
            + "or repeated (ids sort by creation). --since-id must name an existing notification. A --cursor continues "
            + "the order of the page it came from, so give it with the same --since-id. --tenant and --issuer narrow "
            + "the list; --unread keeps those not marked read.",
        options: [tenant.option, issuer.option, unread.option, sinceId.option] + ListOptions.specs,
        examples: [Example("folio notifications list --tenant ana@example.com --unread"),
                   Example("folio notifications list --since-id ntf_01JD… --all -o jsonl")])

    static func filter(_ inv: Invocation, _ context: CommandContext) throws(FolioError) -> Notifications.Filter {
        Notifications.Filter(tenant: inv[tenant], issuer: inv[issuer], unreadOnly: inv[unread], sinceId: inv[sinceId])
    }

    static func fetch(_ filter: Notifications.Filter, page: PageRequest, store: Store,
                      now: Timestamp) throws(FolioError) -> Page<NotificationRecord> {
        try Notifications.list(store: store, filter: filter, page: page)
    }
}
