import FolioSupport

extension NotificationType: SQLBindable {}

/// A certificate that signs for at least one issuer, with those issuers (lowest id first).
struct CertificateInUse {
    var id: String
    var tenantId: String
    var subject: String
    var notAfter: Timestamp
    var issuers: [(id: String, name: String, series: String, ruc: String)]
}

/// SQL of notifications, their preferences and the jobs' housekeeping (migration 8).
extension StoreTransaction {
    /// Inserts `n` unless a notification for the same certificate and threshold exists (the
    /// UNIQUE constraint decides, so two racing writers cannot both insert); whether it did.
    func insertNotification(_ n: NotificationRecord, certificateId: String?, threshold: Int?) throws(FolioError) -> Bool {
        let insert = Upsert(table: "notifications", values: [
            ("id", n.id.sqlValue), ("tenant_id", n.tenantId.sqlValue), ("issuer_id", n.issuerId.map { $0.sqlValue } ?? .null),
            ("type", n.type.sqlValue), ("title", n.title.sqlValue), ("message", n.message.sqlValue),
            ("details", n.details.compactText().sqlValue), ("certificate_id", certificateId.map { $0.sqlValue } ?? .null),
            ("threshold", threshold.map { $0.sqlValue } ?? .null), ("created_at", n.createdAt.sqlValue), ("read_at", .null),
        ], conflict: ["certificate_id", "threshold"])
        return try run(executor.dialect.upsert(insert)) == 1
    }

    func notification(id: String) throws(FolioError) -> NotificationRecord? {
        try fetchOne("SELECT * FROM notifications WHERE id = \(id)", table: "notifications", NotificationRecord.init(row:))
    }

    /// A page of notifications: newest first, or with `sinceId` oldest first from just after it
    /// (what a poller wants: the next ones, in the order they came). Ids are ULIDs, so id order
    /// is creation order.
    func notifications(tenantId: String?, issuerId: String?, unread: Bool, sinceId: String?, after cursor: String?,
                       limit: Int?) throws(FolioError) -> Page<NotificationRecord> {
        var list = ListQuery("SELECT * FROM notifications", table: "notifications", key: "id", descending: sinceId == nil)
        if let tenantId { list.filter("tenant_id = \(tenantId)") }
        if let issuerId { list.filter("issuer_id = \(issuerId)") }
        if unread { list.filter("read_at IS NULL") }
        if let sinceId { list.filter("id > \(sinceId)") }
        return try page(list, after: cursor, limit: limit, NotificationRecord.init(row:), cursor: \.id)
    }

    /// The ids of a tenant's unread notifications, oldest first.
    func unreadNotificationIds(tenantId: String) throws(FolioError) -> [String] {
        try fetchAll("SELECT id FROM notifications WHERE tenant_id = \(tenantId) AND read_at IS NULL ORDER BY id",
                     table: "notifications") { row throws(FolioError) in try row.text("id") }
    }

    func markNotificationRead(id: String, at time: Timestamp) throws(FolioError) {
        try run("UPDATE notifications SET read_at = \(time) WHERE id = \(id) AND read_at IS NULL")
    }

    /// The types the tenant switched, with their state; a type without a row is on.
    func notificationPreferences(tenantId: String) throws(FolioError) -> [NotificationType: (Bool, Timestamp)] {
        var found: [NotificationType: (Bool, Timestamp)] = [:]
        try forEachRow("SELECT * FROM notification_preferences WHERE tenant_id = \(tenantId)",
                       table: "notification_preferences") { row throws(FolioError) in
            found[try row.enumeration("type", NotificationType.self)] = (try row.boolean("enabled"), try row.timestamp("updated_at"))
        }
        return found
    }

    func setNotificationPreference(tenantId: String, type: NotificationType, enabled: Bool, at time: Timestamp) throws(FolioError) {
        try upsert(Upsert(table: "notification_preferences",
                          values: [("tenant_id", tenantId.sqlValue), ("type", type.sqlValue), ("enabled", enabled.sqlValue),
                                   ("updated_at", time.sqlValue)],
                          conflict: ["tenant_id", "type"], update: ["enabled", "updated_at"]))
    }

    /// Certificates some issuer signs with whose validity ends before `cutoff`, by id, each
    /// with the issuers that use it. A certificate no issuer uses any more warns no one.
    func certificatesInUse(endingBefore cutoff: Timestamp) throws(FolioError) -> [CertificateInUse] {
        var found: [CertificateInUse] = []
        try forEachRow("""
            SELECT c.id AS certificate_id, c.tenant_id, c.subject, c.not_after, i.id AS issuer_id, i.name, i.establishment,
                i.emission_point, i.ruc
            FROM issuer_certificates c JOIN issuers i ON i.certificate_id = c.id
            WHERE c.not_after <= \(cutoff) ORDER BY c.id, i.id
            """, table: "issuer_certificates") { row throws(FolioError) in
            let id = try row.text("certificate_id")
            let issuer = (id: try row.text("issuer_id"), name: try row.text("name"),
                          series: try row.text("establishment") + "-" + (try row.text("emission_point")), ruc: try row.text("ruc"))
            if found.last?.id == id {
                found[found.count - 1].issuers.append(issuer)
            } else {
                found.append(CertificateInUse(id: id, tenantId: try row.text("tenant_id"), subject: try row.text("subject"),
                                              notAfter: try row.timestamp("not_after"), issuers: [issuer]))
            }
        }
        return found
    }

    /// Deletes the idempotency records whose 24 hours are over at `now`; how many.
    func pruneIdempotencyRecords(now: Timestamp) throws(FolioError) -> Int {
        try run("DELETE FROM idempotency_records WHERE expires_at <= \(now)")
    }
}

extension NotificationRecord {
    init(row: SQLRow) throws(FolioError) {
        self.init(id: try row.text("id"), tenantId: try row.text("tenant_id"), issuerId: try row.optionalText("issuer_id"),
                  type: try row.enumeration("type", NotificationType.self), title: try row.text("title"),
                  message: try row.text("message"), details: try row.json("details"),
                  createdAt: try row.timestamp("created_at"), readAt: try row.optionalTimestamp("read_at"))
    }
}
