import FolioSupport

/// SQL of the audit log, events and idempotency records.
extension StoreTransaction {
    /// The chain's head row; its time as written (verification judges a time that does not
    /// parse, so it is not decoded strictly here).
    func lastAuditRow() throws(FolioError) -> (seq: Int64, hash: String, time: Timestamp?)? {
        try fetchOne("SELECT seq, hash, time FROM audit_log ORDER BY seq DESC LIMIT 1", table: "audit_log") { row throws(FolioError) in
            (try row.integer("seq"), try row.text("hash"), try row.optionalText("time").flatMap(Timestamp.init(rfc3339:)))
        }
    }

    func insertAudit(_ e: AuditEntry, prevHash: String, hash: String) throws(FolioError) {
        try run("""
            INSERT INTO audit_log (seq, id, time, actor, command, action, target_id, tenant_id, outcome, details, prev_hash, hash)
            VALUES (\(e.seq), \(e.id), \(e.time), \(e.actor), \(e.command), \(e.action), \(e.targetId), \(e.tenantId),
                \(e.outcome), \(e.details.compactText()), \(prevHash), \(hash))
            """)
        try upsert(Upsert(table: "meta", values: [("name", .text("audit_head")), ("value", .text("\(e.seq):\(hash)"))],
                          conflict: ["name"], update: ["value"]))
    }

    func auditHead() throws(FolioError) -> String? {
        try fetchOne("SELECT value FROM meta WHERE name = 'audit_head'", table: "meta") { row throws(FolioError) in
            try row.text("value")
        }
    }

    /// One page of audit entries matching the filters, in chain order or newest first; the
    /// cursor is a seq. `target` is an id: the rows about it, and the rows of the tenant it
    /// names (`audit_target`, `audit_tenant`).
    func auditEntries(target: String?, actor: String?, since: Timestamp?, until: Timestamp?, actions: [AuditActionFilter] = [],
                      newestFirst: Bool = false, after cursor: Int64?, limit: Int?) throws(FolioError) -> Page<AuditEntry> {
        let list = Self.auditList(target: target, actor: actor, since: since, until: until, actions: actions,
                                  newestFirst: newestFirst)
        return try page(list, after: cursor, limit: limit, AuditEntry.init(row:), cursor: { String($0.seq) })
    }

    /// The audit list `auditEntries` pages through.
    static func auditList(target: String?, actor: String?, since: Timestamp?, until: Timestamp?, actions: [AuditActionFilter],
                          newestFirst: Bool) -> ListQuery {
        var list = ListQuery("SELECT * FROM audit_log", table: "audit_log", key: "seq", descending: newestFirst)
        if let target { list.filter("(target_id = \(target) OR tenant_id = \(target))") }
        if let actor { list.filter("actor = \(actor)") }
        if let since { list.filter("time >= \(since)") }
        if let until { list.filter("time < \(until)") }
        if !actions.isEmpty {
            let each = actions.map { action -> SQLQuery in
                switch action.match {
                case .exact(let name): return "action = \(name)"
                // A range, not LIKE: the index `audit_action` serves it (see `PrefixRange`).
                case .prefix(let start):
                    let range = PrefixRange(start)
                    return "(action >= \(range.lower) AND action < \(range.upperBound))"
                }
            }
            list.filter("(\(SQLQuery.joined(each, separator: " OR ")))")
        }
        return list
    }

    /// Whether any audit row is about `id` (as its target or its tenant): the ids of things
    /// that no longer exist still name their rows.
    func auditMentions(_ id: String) throws(FolioError) -> Bool {
        try fetchOne("""
            SELECT 1 AS found FROM audit_log WHERE target_id = \(id)
            UNION ALL SELECT 1 AS found FROM audit_log WHERE tenant_id = \(id) LIMIT 1
            """, table: "audit_log") { _ throws(FolioError) in true } ?? false
    }

    /// Every audit row in chain order, as stored, one at a time.
    func forEachAuditLink(_ body: (AuditLink) throws(FolioError) -> Void) throws(FolioError) {
        try forEachRow(ListQuery("SELECT * FROM audit_log", table: "audit_log", key: "seq")) { row throws(FolioError) in
            try body(AuditLink(row: row))
        }
    }

    func insertEvent(id: String, type: String, tenantId: String?, targetId: String?, payload: JSONValue,
                     at time: Timestamp) throws(FolioError) {
        try run("""
            INSERT INTO events (id, type, tenant_id, target_id, payload, created_at)
            VALUES (\(id), \(type), \(tenantId), \(targetId), \(payload.compactText()), \(time))
            """)
    }

    func idempotencyRecord(key: String)
        throws(FolioError) -> (fingerprint: String, exitStatus: Int32, sealed: [UInt8], expiresAt: String)? {
        try fetchOne("SELECT * FROM idempotency_records WHERE key = \(key)",
                     table: "idempotency_records") { row throws(FolioError) in
            (try row.text("fingerprint"), Int32(try row.int("exit_status", in: 0...255)), try row.blob("sealed_stdout"),
             try row.text("expires_at"))
        }
    }

    func deleteExpiredIdempotencyRecords(now: Timestamp) throws(FolioError) {
        try run("DELETE FROM idempotency_records WHERE expires_at <= \(now)")
    }

    func insertIdempotencyRecord(key: String, fingerprint: String, exitStatus: Int32, sealed: [UInt8],
                                 now: Timestamp, expires: Timestamp) throws(FolioError) {
        try run("""
            INSERT INTO idempotency_records (key, fingerprint, exit_status, sealed_stdout, created_at, expires_at)
            VALUES (\(key), \(fingerprint), \(exitStatus), \(sealed), \(now), \(expires))
            """)
    }
}

extension AuditEntry {
    init(row: SQLRow) throws(FolioError) {
        let rawTime = try row.text("time")
        let rawDetails = try row.text("details")
        self.init(seq: try row.integer("seq"), id: try row.text("id"), time: try row.timestamp("time"),
                  actor: try row.text("actor"), command: try row.text("command"), action: try row.text("action"),
                  targetId: try row.optionalText("target_id"), tenantId: try row.optionalText("tenant_id"),
                  outcome: try row.text("outcome"), details: try row.json("details"),
                  rawDetails: rawDetails, rawTime: rawTime)
    }
}

extension AuditLink {
    init(row: SQLRow) throws(FolioError) {
        self.init(seq: try row.integer("seq"), id: try row.text("id"), time: try row.text("time"),
                  actor: try row.text("actor"), command: try row.text("command"), action: try row.text("action"),
                  targetId: try row.optionalText("target_id"), tenantId: try row.optionalText("tenant_id"),
                  outcome: try row.text("outcome"), details: try row.text("details"),
                  prevHash: try row.text("prev_hash"), hash: try row.text("hash"))
    }
}
