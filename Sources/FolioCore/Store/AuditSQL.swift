import FolioSupport

/// SQL of the audit log, events and idempotency records.
extension StoreTransaction {
    func lastAuditRow() throws(FolioError) -> (seq: Int64, hash: String)? {
        guard let row = try queryOne("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1") else { return nil }
        return (row.int("seq") ?? 0, row.text("hash"))
    }

    func insertAudit(_ e: AuditEntry, prevHash: String, hash: String) throws(FolioError) {
        try run("""
            INSERT INTO audit_log (seq, id, time, actor, command, action, target_id, tenant_id, outcome, details, prev_hash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [.integer(e.seq), .text(e.id), .text(e.time.rfc3339), .text(e.actor), .text(e.command),
                  .text(e.action), .optional(e.targetId), .optional(e.tenantId), .text(e.outcome),
                  .text(e.details.compactText()), .text(prevHash), .text(hash)])
        try run("INSERT INTO meta (name, value) VALUES ('audit_head', ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value",
                [.text("\(e.seq):\(hash)")])
    }

    func auditHead() throws(FolioError) -> String? {
        try queryOne("SELECT value FROM meta WHERE name = 'audit_head'")?.string("value")
    }

    /// Audit rows in chain order, filtered; `afterSeq` pages forward.
    func auditRows(target: String?, actor: String?, since: Timestamp?, until: Timestamp?,
                   afterSeq: Int64?, limit: Int?) throws(FolioError) -> [(entry: AuditEntry, prevHash: String, hash: String)] {
        var sql = "SELECT * FROM audit_log WHERE 1 = 1"
        var values: [SQLValue] = []
        if let target { sql += " AND (target_id = ? OR tenant_id = ?)"; values += [.text(target), .text(target)] }
        if let actor { sql += " AND actor = ?"; values.append(.text(actor)) }
        if let since { sql += " AND time >= ?"; values.append(.text(since.rfc3339)) }
        if let until { sql += " AND time < ?"; values.append(.text(until.rfc3339)) }
        if let afterSeq { sql += " AND seq > ?"; values.append(.integer(afterSeq)) }
        sql += " ORDER BY seq"
        if let limit { sql += " LIMIT \(limit)" }
        return try query(sql, values).map { row in
            let details = (try? JSONParser.parse(Array(row.text("details").utf8))) ?? .string(row.text("details"))
            let entry = AuditEntry(seq: row.int("seq") ?? 0, id: row.text("id"),
                                   time: Timestamp(rfc3339: row.text("time")) ?? Timestamp(seconds: 0),
                                   actor: row.text("actor"), command: row.text("command"), action: row.text("action"),
                                   targetId: row.string("target_id"), tenantId: row.string("tenant_id"),
                                   outcome: row.text("outcome"), details: details, rawDetails: row.text("details"),
                                   rawTime: row.text("time"))
            return (entry, row.text("prev_hash"), row.text("hash"))
        }
    }

    func insertEvent(id: String, type: String, tenantId: String?, targetId: String?, payload: JSONValue,
                     at time: Timestamp) throws(FolioError) {
        try run("INSERT INTO events (id, type, tenant_id, target_id, payload, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                [.text(id), .text(type), .optional(tenantId), .optional(targetId), .text(payload.compactText()),
                 .text(time.rfc3339)])
    }

    func idempotencyRecord(key: String) throws(FolioError) -> (fingerprint: String, exitStatus: Int32, sealed: [UInt8], expiresAt: String)? {
        guard let row = try queryOne("SELECT * FROM idempotency_records WHERE key = ?", [.text(key)]) else { return nil }
        return (row.text("fingerprint"), Int32(row.int("exit_status") ?? 0), row.blob("sealed_stdout") ?? [],
                row.text("expires_at"))
    }

    func deleteExpiredIdempotencyRecords(now: Timestamp) throws(FolioError) {
        try run("DELETE FROM idempotency_records WHERE expires_at <= ?", [.text(now.rfc3339)])
    }

    func insertIdempotencyRecord(key: String, fingerprint: String, exitStatus: Int32, sealed: [UInt8],
                                 now: Timestamp, expires: Timestamp) throws(FolioError) {
        try run("""
            INSERT INTO idempotency_records (key, fingerprint, exit_status, sealed_stdout, created_at, expires_at)
            VALUES (?, ?, ?, ?, ?, ?)
            """, [.text(key), .text(fingerprint), .integer(Int64(exitStatus)), .blob(sealed), .text(now.rfc3339),
                  .text(expires.rfc3339)])
    }
}
