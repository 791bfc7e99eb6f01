import FolioSupport

/// The kinds of notifications, as stored, listed and switched in preferences. Names never
/// change once published; new ones are added.
public enum NotificationType: String, Sendable, CaseIterable {
    /// An issuer's signing certificate expires within 30, 7 or 1 days (`details.threshold`).
    case certificateExpiring = "certificate.expiring"
    /// An issuer's signing certificate has expired: documents can no longer be signed with it.
    case certificateExpired = "certificate.expired"
    /// A webhook delivery failed for good (made by the webhooks work).
    case webhookFailed = "webhook.failed"
    /// A webhook endpoint was disabled (made by the webhooks work).
    case webhookEndpointDisabled = "webhook.endpoint_disabled"

    /// The type `text` names; an unknown one fails `validation_failed` on `field`.
    public static func parse(_ text: String, field: String) throws(FolioError) -> NotificationType {
        guard let type = NotificationType(rawValue: text) else {
            throw .validation("'\(text)' is not a notification type (one of \(allCases.map(\.rawValue).joined(separator: ", ")))",
                              field: field)
        }
        return type
    }
}

/// A notification of a tenant (`notifications` table, migration 8): something the tenant should
/// know or act on, such as a certificate about to expire. Title and message are data, written
/// for people and free of any command's words; `details` holds the facts for programs.
public struct NotificationRecord: Sendable, Equatable {
    public var id: String
    public var tenantId: String
    /// The issuer it concerns, when one does.
    public var issuerId: String?
    public var type: NotificationType
    public var title: String
    public var message: String
    public var details: JSONValue
    public var createdAt: Timestamp
    /// When it was marked read; nil while unread.
    public var readAt: Timestamp?

    public init(id: String, tenantId: String, issuerId: String?, type: NotificationType, title: String, message: String,
                details: JSONValue, createdAt: Timestamp, readAt: Timestamp?) {
        self.id = id
        self.tenantId = tenantId
        self.issuerId = issuerId
        self.type = type
        self.title = title
        self.message = message
        self.details = details
        self.createdAt = createdAt
        self.readAt = readAt
    }

    /// The JSON every command (and the `notification.created` event) prints for a notification.
    public var json: JSONValue {
        .object([
            JSONMember("id", .string(id)),
            JSONMember("tenantId", .string(tenantId)),
            JSONMember("issuerId", issuerId.map(JSONValue.string) ?? .null),
            JSONMember("type", .string(type.rawValue)),
            JSONMember("title", .string(title)),
            JSONMember("message", .string(message)),
            JSONMember("details", details),
            JSONMember("createdAt", .string(createdAt.rfc3339)),
            JSONMember("read", .bool(readAt != nil)),
            JSONMember("readAt", readAt.map { .string($0.rfc3339) } ?? .null),
        ])
    }
}

/// Whether a tenant gets notifications of one type (`notifications preferences`).
public struct NotificationPreference: Sendable, Equatable {
    public var tenantId: String
    public var type: NotificationType
    public var enabled: Bool
    /// When it was last switched; nil for a type never switched (on by default).
    public var updatedAt: Timestamp?

    public var json: JSONValue {
        .object([
            JSONMember("tenantId", .string(tenantId)),
            JSONMember("type", .string(type.rawValue)),
            JSONMember("enabled", .bool(enabled)),
            JSONMember("updatedAt", updatedAt.map { .string($0.rfc3339) } ?? .null),
        ])
    }
}

/// What `read` did: the notifications named, each now read, and how many were unread before.
public struct NotificationReading: Sendable {
    public var notifications: [NotificationRecord]
    /// How many of them this call marked (the others were read already).
    public var marked: Int

    public var json: JSONValue {
        .object([JSONMember("marked", .int(marked)), JSONMember("items", .array(notifications.map(\.json)))])
    }
}
