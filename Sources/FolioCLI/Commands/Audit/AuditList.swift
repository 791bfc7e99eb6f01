import CommandLineKit
import FolioCore
import FolioSupport

/// `folio audit list`
enum AuditList: LeafCommand {
    static let timeKind = ValueKind.custom("time") { Timestamp(rfc3339: $0) == nil ? "expected an RFC 3339 time such as 2026-11-22T08:00:00Z" : nil }

    static let spec = Command(
        "list", abstract: "List audit entries, oldest first.",
        discussion: "Here the global --actor NAME filters: only entries by that actor (FOLIO_ACTOR does not filter).",
        options: [
            Option("target", value: "id", help: "Only entries about this target (or tenant) id."),
            Option("since", value: "time", kind: timeKind, help: "Only entries at or after this RFC 3339 time."),
            Option("until", value: "time", kind: timeKind, help: "Only entries before this RFC 3339 time."),
        ] + ListOptions.specs,
        examples: [Example("folio audit list --target ten_01JD…"), Example("folio audit list --since 2026-11-01T00:00:00Z --all -o jsonl")])

    struct Options {
        var query: AuditQuery
        var page: ListOptions
    }

    static func options(_ inv: Invocation, _ context: CommandContext) throws(FolioError) -> Options {
        // Reading changes nothing, so the global --actor has no one to attribute; given on the
        // command line it filters instead.
        let actor = inv.source("actor") == .commandLine ? inv.value("actor") : nil
        return Options(query: AuditQuery(target: inv.value("target"), actor: actor,
                                  since: inv.value("since").flatMap(Timestamp.init(rfc3339:)),
                                  until: inv.value("until").flatMap(Timestamp.init(rfc3339:))),
                page: ListOptions(inv))
    }

    static func run(_ options: Options, _ context: CommandContext) throws {
        let store = try context.openStore()
        try context.printList(options.page) { request throws(FolioError) in
            try AuditLog.list(store: store, query: options.query, page: request)
        }
    }
}
