import FolioSupport

/// The notification service: listing a tenant's (or every tenant's) notifications, marking
/// them read, switching types on and off, and `notify`, through which every notification is
/// made (so that each has its audit entry and its `notification.created` event).
public enum Notifications {
    /// What `list` selects.
    public struct Filter: Sendable {
        /// A tenant handle (id, e-mail, RUC).
        public var tenant: String?
        /// An issuer id.
        public var issuer: String?
        public var unreadOnly: Bool
        /// Only notifications made after this one (`ntf_…`), oldest first.
        public var sinceId: String?

        public init(tenant: String? = nil, issuer: String? = nil, unreadOnly: Bool = false, sinceId: String? = nil) {
            self.tenant = tenant
            self.issuer = issuer
            self.unreadOnly = unreadOnly
            self.sinceId = sinceId
        }
    }

    /// A page of notifications: newest first; with `sinceId`, oldest first from just after it.
    /// A cursor continues in the order its page was made in.
    public static func list(store: Store, filter: Filter, page: PageRequest) throws(FolioError) -> Page<NotificationRecord> {
        if let cursor = page.cursor, !ULID.isValid(cursor, prefix: .notification) {
            throw .validation("the cursor '\(cursor)' is not one this command gave out", field: "cursor", remedy: .restartList(sortedBy: nil))
        }
        if let since = filter.sinceId, !ULID.isValid(since, prefix: .notification) {
            throw .validation("'\(since)' is not a notification id (ntf_ and 26 characters)", field: "since-id")
        }
        return try store.read { tx throws(FolioError) in
            let tenantId = try filter.tenant.map { (h: String) throws(FolioError) -> String in try Tenants.find(h, in: tx).id }
            let issuerId = try filter.issuer.map { (h: String) throws(FolioError) -> String in
                try Issuers.find(h, in: tx, now: Timestamp(seconds: 0)).id
            }
            // A poller's id always exists (notifications are never deleted): one that does not is a typo.
            if let since = filter.sinceId, try tx.notification(id: since) == nil {
                throw FolioError(.notFound, "no notification '\(since)'", field: "since-id")
            }
            return try tx.notifications(tenantId: tenantId, issuerId: issuerId, unread: filter.unreadOnly, sinceId: filter.sinceId,
                                        after: page.cursor, limit: page.limit)
        }
    }

    /// Marks notifications read: those of `ids`, or (`ids` empty) every unread one of `tenant`.
    /// An id that is malformed or names nothing fails the whole call; nothing is marked. Each
    /// notification this call marks gets an audit entry; one read already stays as it was.
    public static func markRead(ids: [String], tenant: String?) -> Mutation<NotificationReading> {
        Mutation { tx, ctx throws(FolioError) in
            var targets: [String] = []
            if ids.isEmpty {
                guard let tenant else {
                    throw .validation("name the notifications to mark read, or the tenant whose are all read", field: "notification")
                }
                targets = try tx.unreadNotificationIds(tenantId: try Tenants.find(tenant, in: tx).id)
            } else {
                for id in ids where !targets.contains(id) { targets.append(id) }
            }
            var found: [NotificationRecord] = []
            for (index, id) in targets.enumerated() {
                guard ULID.isValid(id, prefix: .notification) else {
                    throw .validation("'\(id)' is not a notification id (ntf_ and 26 characters)", field: "notification[\(index)]")
                }
                guard let notification = try tx.notification(id: id) else {
                    throw FolioError(.notFound, "no notification '\(id)'", field: "notification[\(index)]")
                }
                found.append(notification)
            }
            var audit: [AuditRecord] = []
            var marked = 0
            for index in found.indices where found[index].readAt == nil {
                try tx.markNotificationRead(id: found[index].id, at: ctx.now)
                found[index].readAt = ctx.now
                marked += 1
                audit.append(AuditRecord(action: "notification.read", targetId: found[index].id, tenantId: found[index].tenantId,
                                         details: .object([JSONMember("type", .string(found[index].type.rawValue))])))
            }
            return Change(NotificationReading(notifications: found, marked: marked), audit: audit)
        }
    }

    /// Every type with whether the tenant gets it.
    public static func preferences(store: Store, tenant: String) throws(FolioError) -> [NotificationPreference] {
        try store.read { tx throws(FolioError) in try preferences(tenantId: try Tenants.find(tenant, in: tx).id, tx: tx) }
    }

    /// Switches types on (`enable`) and off (`disable`) for the tenant; the result is every
    /// type's state. Type names are checked first (field `enable` or `disable`); a type in both
    /// lists is refused. A switch that changes nothing writes nothing.
    public static func setPreferences(tenant: String, enable: [String], disable: [String]) -> Mutation<[NotificationPreference]> {
        Mutation { tx, ctx throws(FolioError) in
            var wanted: [(NotificationType, Bool)] = []
            for text in enable { wanted.append((try NotificationType.parse(text, field: "enable"), true)) }
            for text in disable {
                let type = try NotificationType.parse(text, field: "disable")
                if wanted.contains(where: { $0.0 == type && $0.1 }) {
                    throw .validation("'\(text)' cannot be both enabled and disabled", field: "disable")
                }
                wanted.append((type, false))
            }
            let tenantId = try Tenants.find(tenant, in: tx).id
            let before = try preferences(tenantId: tenantId, tx: tx)
            var changed: [JSONMember] = []
            for (type, on) in wanted where before.first(where: { $0.type == type })?.enabled != on {
                try tx.setNotificationPreference(tenantId: tenantId, type: type, enabled: on, at: ctx.now)
                changed.append(JSONMember(type.rawValue, .bool(on)))
            }
            let audit = changed.isEmpty ? [] : [AuditRecord(action: "notification.preferences", targetId: tenantId, tenantId: tenantId,
                                                            details: .object(changed))]
            return Change(try preferences(tenantId: tenantId, tx: tx), audit: audit)
        }
    }

    static func preferences(tenantId: String, tx: StoreTransaction) throws(FolioError) -> [NotificationPreference] {
        let stored = try tx.notificationPreferences(tenantId: tenantId)
        return NotificationType.allCases.map { type in
            NotificationPreference(tenantId: tenantId, type: type, enabled: stored[type]?.0 ?? true, updatedAt: stored[type]?.1)
        }
    }

    /// Whether the tenant gets notifications of `type`.
    static func isEnabled(_ type: NotificationType, tenantId: String, tx: StoreTransaction) throws(FolioError) -> Bool {
        try tx.notificationPreferences(tenantId: tenantId)[type]?.0 ?? true
    }

    /// Makes a notification inside the caller's change, unless the tenant switched its type off
    /// or (for a certificate) one for the same certificate and threshold exists. Returns the
    /// audit entry and `notification.created` event to add to the change, or nil when nothing
    /// was made. Other services (webhooks) make theirs through this too.
    public static func notify(_ draft: NotificationDraft, tx: StoreTransaction,
                              ctx: MutationContext) throws(FolioError) -> (NotificationRecord, AuditRecord, DomainEvent)? {
        guard try isEnabled(draft.type, tenantId: draft.tenantId, tx: tx) else { return nil }
        let made = NotificationRecord(id: ctx.ids.make(.notification), tenantId: draft.tenantId, issuerId: draft.issuerId,
                                      type: draft.type, title: draft.title, message: draft.message, details: draft.details,
                                      createdAt: ctx.now, readAt: nil)
        guard try tx.insertNotification(made, certificateId: draft.certificateId, threshold: draft.threshold) else { return nil }
        let audit = AuditRecord(action: "notification.create", targetId: made.id, tenantId: made.tenantId,
                                details: .object([JSONMember("type", .string(made.type.rawValue)),
                                                  JSONMember("issuerId", made.issuerId.map(JSONValue.string) ?? .null)]))
        let event = DomainEvent(type: .notificationCreated, tenantId: made.tenantId, targetId: made.id, payload: made.json)
        return (made, audit, event)
    }
}

/// A notification to make (`Notifications.notify`).
public struct NotificationDraft: Sendable {
    public var tenantId: String
    public var issuerId: String?
    public var type: NotificationType
    public var title: String
    public var message: String
    public var details: JSONValue
    /// For certificate notifications: the certificate and threshold (days; 0 for expired) that
    /// make it unique.
    public var certificateId: String?
    public var threshold: Int?

    public init(tenantId: String, issuerId: String?, type: NotificationType, title: String, message: String,
                details: JSONValue, certificateId: String? = nil, threshold: Int? = nil) {
        self.tenantId = tenantId
        self.issuerId = issuerId
        self.type = type
        self.title = title
        self.message = message
        self.details = details
        self.certificateId = certificateId
        self.threshold = threshold
    }
}
