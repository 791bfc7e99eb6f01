import FolioCore
import FolioSupport

extension Tenant: Presentable {
    static var columns: [Column<Tenant>] {
        [
            Column("ID") { $0.id },
            Column("EMAIL") { $0.email },
            Column(text: "NAME") { $0.name },
            Column("TIER") { $0.tier.rawValue },
            Column("STATUS") { $0.status.rawValue },
            Column("ENV") { $0.environment.rawValue },
            Column("LANG") { $0.language.rawValue },
            Column(time: "CREATED") { $0.createdAt },
        ]
    }
}

extension AuditEntry: Presentable {
    var json: JSONValue {
        .object([
            JSONMember("id", .string(id)),
            JSONMember("seq", .int(Int(seq))),
            JSONMember("time", .string(time.rfc3339)),
            JSONMember("actor", .string(actor)),
            JSONMember("command", .string(command)),
            JSONMember("action", .string(action)),
            JSONMember("targetId", targetId.map(JSONValue.string) ?? .null),
            JSONMember("tenantId", tenantId.map(JSONValue.string) ?? .null),
            JSONMember("outcome", .string(outcome)),
            JSONMember("details", details),
        ])
    }

    static var columns: [Column<AuditEntry>] {
        [
            Column("ID") { $0.id },
            Column(time: "TIME") { $0.time },
            Column(text: "ACTOR") { $0.actor },
            Column("ACTION") { $0.action },
            Column("TARGET") { $0.targetId ?? "" },
            Column("OUTCOME") { $0.outcome },
            Column(text: "COMMAND") { $0.command },
        ]
    }
}
