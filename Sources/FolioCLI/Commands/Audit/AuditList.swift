import CommandLineKit
import FolioCore
import FolioSupport

/// `folio audit list`
enum AuditList: ListCommand {
    static let time = ValueConversion<Timestamp>(type: "time", problem: "expected an RFC 3339 time such as 2026-11-22T08:00:00Z") {
        Timestamp(rfc3339: $0)
    }
    static let target: OptionKey<String?> = .string("target", value: "id", help: "Only entries about this target (or tenant) id.")
    static let since: OptionKey<Timestamp?> = .custom("since", value: "time", as: time,
                                                      help: "Only entries at or after this RFC 3339 time.")
    static let until: OptionKey<Timestamp?> = .custom("until", value: "time", as: time, help: "Only entries before this RFC 3339 time.")

    static let noun = "audit entries"
    static let spec = Command(
        "list", abstract: "List audit entries, oldest first.",
        discussion: "Here the global --actor NAME filters: only entries by that actor (FOLIO_ACTOR does not filter).",
        options: [target.option, since.option, until.option] + ListOptions.specs,
        examples: [Example("folio audit list --target ten_01JD…"), Example("folio audit list --since 2026-11-01T00:00:00Z --all -o jsonl")])

    static func filter(_ inv: Invocation, _ context: CommandContext) throws(FolioError) -> AuditQuery {
        // Reading changes nothing, so the global --actor has no one to attribute; given on the
        // command line it filters instead.
        let actor = inv.source(GlobalOptions.actor) == .commandLine ? inv[GlobalOptions.actor] : nil
        return AuditQuery(target: inv[target], actor: actor, since: inv[since], until: inv[until])
    }

    static func fetch(_ query: AuditQuery, page: PageRequest, store: Store, now: Timestamp) throws(FolioError) -> Page<AuditEntry> {
        try AuditLog.list(store: store, query: query, page: page)
    }
}
