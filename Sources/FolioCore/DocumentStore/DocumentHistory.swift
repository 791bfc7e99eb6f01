import FolioSupport

/// One thing that happened to a document, from either record the store keeps of it: an audit
/// entry (who changed it, by which command) or a domain event (what integrators are told).
/// `document.create` and `document.signed` today; the SRI, approval and payment workflows add
/// theirs to the same rows, so this history shows them without a change here.
public struct DocumentHistoryEntry: Sendable, Equatable {
    /// Which record the entry comes from.
    public enum Source: String, Sendable {
        case audit, event
    }

    /// The audit entry's or the event's id (`aud_…`, `evt_…`).
    public var id: String
    public var source: Source
    /// The audit action (`document.create`) or the event type (`document.signed`).
    public var type: String
    public var time: Timestamp
    /// Who acted. An event records no actor of its own: it is the actor of the audit entry of
    /// the same change (same document, same instant), nil when there is none.
    public var actor: String?
    /// The command of an audit entry; nil for an event.
    public var command: String?
    /// The audit entry's details or the event's payload.
    public var details: JSONValue

    public var json: JSONValue {
        .object([
            JSONMember("id", .string(id)),
            JSONMember("source", .string(source.rawValue)),
            JSONMember("type", .string(type)),
            JSONMember("time", .string(time.rfc3339)),
            JSONMember("actor", actor.map(JSONValue.string) ?? .null),
            JSONMember("command", command.map(JSONValue.string) ?? .null),
            JSONMember("details", details),
        ])
    }
}

extension Documents {
    /// The history of the document named by `handle` (`doc_` id or access key), oldest first;
    /// at one instant, the audit entry (the change) before the event (what it announced).
    public static func history(store: Store, handle: String) throws(FolioError) -> [DocumentHistoryEntry] {
        try store.read { tx throws(FolioError) in
            let document = try find(handle, in: tx)
            // Only the rows whose target is the document: its tenant's other rows are not its history.
            let audit = try tx.fetchAll("SELECT * FROM audit_log WHERE target_id = \(document.id) ORDER BY seq",
                                        table: "audit_log", AuditEntry.init(row:))
            let events = try tx.events(targetId: document.id)
            var entries = audit.map { entry in
                DocumentHistoryEntry(id: entry.id, source: .audit, type: entry.action, time: entry.time, actor: entry.actor,
                                     command: entry.command, details: entry.details)
            }
            for event in events {
                let change = audit.first { $0.time == event.time }
                entries.append(DocumentHistoryEntry(id: event.id, source: .event, type: event.type, time: event.time,
                                                    actor: change?.actor, command: nil, details: event.payload))
            }
            // Stable: within a source the rows keep their seq order.
            return entries.enumerated().sorted { a, b in
                if a.element.time != b.element.time { return a.element.time < b.element.time }
                if a.element.source != b.element.source { return a.element.source == .audit }
                return a.offset < b.offset
            }.map(\.element)
        }
    }
}

/// A domain event row as stored.
struct StoredEvent {
    var id: String
    var type: String
    var time: Timestamp
    var payload: JSONValue
}

extension StoreTransaction {
    /// The events about `targetId`, in the order they were written (`events_target`).
    func events(targetId: String) throws(FolioError) -> [StoredEvent] {
        try fetchAll("SELECT id, type, payload, created_at FROM events WHERE target_id = \(targetId) ORDER BY seq",
                     table: "events") { row throws(FolioError) in
            StoredEvent(id: try row.text("id"), type: try row.text("type"), time: try row.timestamp("created_at"),
                        payload: try row.json("payload"))
        }
    }
}
