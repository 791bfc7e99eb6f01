import FolioCore
import FolioSupport

extension NotificationRecord: Presentable {
    static var columns: [Column<NotificationRecord>] {
        [
            Column("ID") { $0.id },
            Column("TYPE") { $0.type.rawValue },
            Column(text: "TITLE") { $0.title },
            Column("READ") { $0.readAt == nil ? "no" : "yes" },
            Column(time: "CREATED") { $0.createdAt },
            Column("TENANT") { $0.tenantId },
            Column("ISSUER") { $0.issuerId ?? "" },
        ]
    }
}

extension NotificationReading: Presentable {
    var id: String { notifications.first?.id ?? "" }
    static var columns: [Column<NotificationReading>] { [] }
}

extension NotificationPreference: Presentable {
    var id: String { type.rawValue }

    static var columns: [Column<NotificationPreference>] {
        [
            Column("TYPE") { $0.type.rawValue },
            Column("ENABLED") { $0.enabled ? "on" : "off" },
            Column(time: "UPDATED") { $0.updatedAt },
        ]
    }
}

/// A tenant's preferences as one result: JSON `{"tenantId": …, "items": […]}`, one row a type.
struct NotificationPreferenceList: Presentable {
    var tenantId: String
    var items: [NotificationPreference]

    var id: String { tenantId }
    var json: JSONValue {
        .object([JSONMember("tenantId", .string(tenantId)), JSONMember("items", .array(items.map(\.json)))])
    }
    static var columns: [Column<NotificationPreferenceList>] { [] }
}

extension JobStep: Presentable {
    var id: String { name }

    static var columns: [Column<JobStep>] {
        [
            Column("STEP") { $0.name },
            Column("STATUS") { $0.status.rawValue },
            Column("COUNT") { String($0.count) },
            Column(text: "SUMMARY") { $0.summary },
        ]
    }
}

extension JobsReport: Presentable {
    var id: String { ranAt.rfc3339 }
    static var columns: [Column<JobsReport>] { [] }
}
