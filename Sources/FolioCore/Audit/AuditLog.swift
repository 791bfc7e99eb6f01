import FolioSupport

/// The outcome of `folio audit verify`.
public struct AuditVerification: Sendable {
    public let rows: Int
    /// The first row that does not verify, with what is wrong with it.
    public let firstBad: (seq: Int64, id: String, problem: String)?
    public var valid: Bool { firstBad == nil }
}

/// Filters of `folio audit list`.
public struct AuditQuery: Sendable {
    public var target: String?
    public var actor: String?
    public var since: Timestamp?
    public var until: Timestamp?
    public init(target: String? = nil, actor: String? = nil, since: Timestamp? = nil, until: Timestamp? = nil) {
        self.target = target
        self.actor = actor
        self.since = since
        self.until = until
    }
}

/// Reading and checking the hash-chained audit log.
public enum AuditLog {
    /// Appends `record` for the mutation running in `tx`, chained to the last row. Runs under
    /// the transaction's write lock, so concurrent writers cannot fork the chain.
    static func append(_ record: AuditRecord, context: MutationContext, tx: StoreTransaction) throws(FolioError) {
        let last = try tx.lastAuditRow()
        let previous = last?.hash ?? AuditEntry.genesisHash
        let entry = AuditEntry(seq: (last?.seq ?? 0) + 1, id: context.ids.make(.audit), time: context.now,
                               actor: context.actor, command: context.command, action: record.action,
                               targetId: record.targetId, tenantId: record.tenantId, outcome: record.outcome,
                               details: record.details)
        try tx.insertAudit(entry, prevHash: previous, hash: entry.chainHash(previous: previous))
    }

    /// One page of entries matching `query`, oldest first; the cursor is the last seq seen.
    public static func list(store: Store, query: AuditQuery, page: PageRequest) throws(FolioError) -> Page<AuditEntry> {
        let after: Int64?
        if let cursor = page.cursor {
            guard let seq = Int64(cursor) else {
                throw .validation("the cursor '\(cursor)' is not one this command gave out", field: "cursor")
            }
            after = seq
        } else {
            after = nil
        }
        let rows = try store.read { tx throws(FolioError) in
            try tx.auditRows(target: query.target, actor: query.actor, since: query.since, until: query.until,
                             afterSeq: after, limit: page.limit.map { $0 + 1 })
        }
        let entries = rows.map(\.entry)
        return Page(items: entries, limit: page.limit, cursor: { String($0.seq) })
    }

    /// Walks the whole chain and reports the first row that was edited, removed or reordered.
    public static func verify(store: Store) throws(FolioError) -> AuditVerification {
        try store.read { tx throws(FolioError) in
            let rows = try tx.auditRows(target: nil, actor: nil, since: nil, until: nil, afterSeq: nil, limit: nil)
            var previous = AuditEntry.genesisHash
            var expectedSeq: Int64 = 1
            for (entry, prevHash, hash) in rows {
                if entry.seq != expectedSeq {
                    return AuditVerification(rows: rows.count, firstBad: (entry.seq, entry.id,
                        "expected row \(expectedSeq) here: a row before it was removed or reordered"))
                }
                if prevHash != previous {
                    return AuditVerification(rows: rows.count, firstBad: (entry.seq, entry.id,
                        "does not chain to the row before it: a row was removed, reordered or edited"))
                }
                if entry.chainHash(previous: prevHash) != hash {
                    return AuditVerification(rows: rows.count, firstBad: (entry.seq, entry.id,
                        "its contents were changed after it was written"))
                }
                previous = hash
                expectedSeq += 1
            }
            let head = try tx.auditHead()
            let actualHead = rows.last.map { "\($0.entry.seq):\($0.hash)" }
            if head != actualHead {
                let last = rows.last
                return AuditVerification(rows: rows.count, firstBad: (last?.entry.seq ?? 0, last?.entry.id ?? "-",
                    "the log ends here but its recorded head is \(head ?? "missing"): later rows were removed"))
            }
            return AuditVerification(rows: rows.count, firstBad: nil)
        }
    }
}
