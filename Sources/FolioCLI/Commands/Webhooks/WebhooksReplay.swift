import CommandLineKit
import FolioCore

/// `folio webhooks replay`
enum WebhooksReplay: LeafCommand {
    static let event: OptionKey<String?> = .string("event", value: "event", help: "Replay this one event (evt_…).")
    static let since: OptionKey<TimeBound?> = .custom(
        "since", value: "time", as: AuditList.time,
        help: "Replay events at or after this: RFC 3339, a date (its 00:00 UTC) or a time ago (30m, 1h, 7d).")
    static let until: OptionKey<TimeBound?> = .custom(
        "until", value: "time", as: AuditList.time, help: "Replay events before this (a date: up to the end of that day).")
    static let endpoint: OptionKey<String?> = .string("endpoint", value: "endpoint", help: "Only to this endpoint (whe_…).")
    static let tenant: OptionKey<String?> = .string("tenant", value: "tenant", kind: TenantsCommands.handleKind,
                                                    help: "Only this tenant's events.")
    static let type: OptionKey<[String]> = .repeated("type", value: "type", help: "Only events of this type (repeatable).")
    static let status: OptionKey<ReplayStatus> = .choice(
        "status", value: "status", default: .all,
        help: "Which messages: failed (retries spent), never-sent (no message yet), or all.")
    static let rate: OptionKey<Int> = .integer("rate", value: "n", range: 1...1000, default: 10,
                                               help: "The rate cap: at most this many replayed messages fall due per second.")

    static let spec = Command(
        "replay", abstract: "Queue events again for delivery: one event, or a time range.",
        discussion: "Each replayed message keeps its webhook-id (the event id), so receivers that dedupe see it once. "
            + "An event goes to the active endpoints of its tenant that take its type (or only --endpoint). There is "
            + "no time window: any stored event can be replayed. Messages fall due from now, spread by --rate. With "
            + "--dry-run, lists what would be queued. A range with no event exits 4 naming --since; nothing is changed. "
            + "'webhooks deliver' sends them.",
        options: [event.option, since.option, until.option, endpoint.option, tenant.option, type.option, status.option, rate.option],
        examples: [
            Example("folio webhooks replay --event evt_01JD…"),
            Example("folio webhooks replay --since 2026-11-01 --until 2026-11-30 --endpoint whe_01JD… --status failed --dry-run"),
        ])

    static func options(_ inv: Invocation, _ context: CommandContext) throws(FolioError) -> ReplayRequest {
        ReplayRequest(event: inv[event], since: inv[since]?.start(now: context.now), until: inv[until]?.end(now: context.now),
                      endpoint: inv[endpoint], tenant: inv[tenant], types: inv[type], status: inv[status], perSecond: inv[rate])
    }

    static func run(_ request: ReplayRequest, _ context: CommandContext) throws {
        try context.perform(Webhooks.replay(request), present: { Presented(list: $0, nextCursor: nil) }) { items in
            "queued \(items.count) message(s) again"
        }
    }
}
