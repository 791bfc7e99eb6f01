import CommandLineKit
import FolioCore
import FolioSupport

/// `folio audit list`
enum AuditList: ListCommand {
    static let time = ValueConversion<TimeBound>(
        type: "time", problem: "expected an RFC 3339 time (2026-11-22T08:00:00Z), a date (2026-11-22) or a time ago (30m, 1h, 7d)"
    ) { TimeBound($0) }
    static let target: OptionKey<String?> = .string(
        "target", value: "handle",
        help: "Only entries about this: an id, a tenant's e-mail or RUC (with its keys, issuers and documents), "
            + "a key's displayed start or a document's access key.")
    static let action: OptionKey<[String]> = .repeated(
        "action", value: "action",
        help: "Only this action (tenant.register), or every action of a noun (key.); repeat for any of several.")
    static let since: OptionKey<TimeBound?> = .custom(
        "since", value: "time", as: time,
        help: "Only entries at or after this: RFC 3339, a date (its 00:00 UTC) or a time ago (30m, 1h, 7d).")
    static let until: OptionKey<TimeBound?> = .custom(
        "until", value: "time", as: time,
        help: "Only entries before this: RFC 3339, a date (up to the end of that day, UTC) or a time ago.")
    static let reverse: OptionKey<Bool> = .flag("reverse", help: "Oldest first (chain order) instead of newest first.")

    static let noun = "audit entries"
    static let spec = Command(
        "list", abstract: "List audit entries, newest first.",
        discussion: "Here the global --actor NAME filters: only entries by that actor (FOLIO_ACTOR does not filter). "
            + "A --target that names nothing exits 4 (not_found). A time ago counts back from now; "
            + "--until with a date includes that whole day. The cursor of a page continues in the same order.",
        options: [target.option, action.option, since.option, until.option, reverse.option] + ListOptions.specs,
        examples: [Example("folio audit list --target ana@example.com"),
                   Example("folio audit list --action key. --since 7d"),
                   Example("folio audit list --since 2026-11-01 --until 2026-11-30 --reverse --all -o jsonl")])

    static func filter(_ inv: Invocation, _ context: CommandContext) throws(FolioError) -> AuditQuery {
        // Reading changes nothing, so the global --actor has no one to attribute; given on the
        // command line it filters instead.
        let actor = inv.source(GlobalOptions.actor) == .commandLine ? inv[GlobalOptions.actor] : nil
        // Times ago count back from the command's one "now" (its injected clock).
        let since = inv[since]?.start(now: context.now)
        let until = inv[until]?.end(now: context.now)
        if let since, let until, since >= until {
            throw .validation("--since \(since.rfc3339) is not before --until \(until.rfc3339): no entry can match",
                              field: "until")
        }
        return AuditQuery(target: inv[target], actor: actor, since: since, until: until, actions: inv[action],
                          newestFirst: !inv[reverse])
    }

    static func fetch(_ query: AuditQuery, page: PageRequest, store: Store, now: Timestamp) throws(FolioError) -> Page<AuditEntry> {
        try AuditLog.list(store: store, query: query, page: page)
    }
}
