import CommandLineKit
import FolioCore
import FolioSupport

/// `folio events list`
enum EventsList: ListCommand {
    static let tenant: OptionKey<String?> = .string("tenant", value: "tenant", kind: TenantsCommands.handleKind,
                                                    help: "Only this tenant's events (id, e-mail or RUC).")
    static let type: OptionKey<[String]> = .repeated("type", value: "type", help: "Only events of this type (repeatable).")
    static let since: OptionKey<TimeBound?> = .custom(
        "since", value: "time", as: AuditList.time,
        help: "Only events at or after this: RFC 3339, a date (its 00:00 UTC) or a time ago (30m, 1h, 7d).")
    static let until: OptionKey<TimeBound?> = .custom(
        "until", value: "time", as: AuditList.time, help: "Only events before this (a date: up to the end of that day).")

    static let noun = "events"
    static let spec = Command(
        "list", abstract: "List events, newest first.",
        options: [tenant.option, type.option, since.option, until.option] + ListOptions.specs,
        examples: [Example("folio events list --type document.signed --since 2026-11-01"),
                   Example("folio events list --tenant ana@example.com --all -o jsonl")])

    static func filter(_ inv: Invocation, _ context: CommandContext) throws(FolioError) -> EventQuery {
        EventQuery(tenant: inv[tenant], types: inv[type], since: inv[since]?.start(now: context.now),
                   until: inv[until]?.end(now: context.now))
    }

    static func fetch(_ query: EventQuery, page: PageRequest, store: Store, now: Timestamp) throws(FolioError) -> Page<EventRecord> {
        try Events.list(store: store, query: query, page: page)
    }
}
