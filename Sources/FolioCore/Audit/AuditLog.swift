import FolioSupport

/// The outcome of `folio audit verify`.
public struct AuditVerification: Sendable {
    public let rows: Int
    /// The first row that does not verify, with what is wrong with it.
    public let firstBad: (seq: Int64, id: String, problem: String)?
    public var valid: Bool { firstBad == nil }
}

/// Reading and checking the hash-chained audit log.
public enum AuditLog {
    /// Appends `record` for the mutation running in `tx`, chained to the last row. Holds the
    /// chain head's lock from reading the last row to commit, so concurrent writers cannot fork
    /// the chain.
    static func append(_ record: AuditRecord, context: MutationContext, tx: StoreTransaction) throws(FolioError) {
        try tx.lock(.auditChainHead)
        let last = try tx.lastAuditRow()
        let previous = last?.hash ?? AuditEntry.genesisHash
        // Audit time never goes back: a clock set behind the last entry's (a machine whose clock
        // was moved) writes the last entry's time again.
        let time = max(context.now, last?.time ?? context.now)
        let entry = AuditEntry(seq: (last?.seq ?? 0) + 1, id: context.ids.make(.audit), time: time,
                               actor: context.actor, command: context.command, action: record.action,
                               targetId: record.targetId, tenantId: record.tenantId, outcome: record.outcome,
                               details: record.details)
        try tx.insertAudit(entry, prevHash: previous, hash: entry.chainHash(previous: previous))
    }

    /// One page of entries matching `query`, in chain order or newest first as it asks; the
    /// cursor is the last seq seen, and the next page continues in the same order. A target
    /// that names nothing is `not_found`.
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
        let actions = try query.actions.map { (text: String) throws(FolioError) in try AuditActionFilter(text) }
        return try store.read { tx throws(FolioError) in
            let target = try query.target.map { (handle: String) throws(FolioError) in try AuditTarget.resolve(handle, in: tx) }
            return try tx.auditEntries(target: target, actor: query.actor, since: query.since, until: query.until,
                                       actions: actions, newestFirst: query.newestFirst, after: after, limit: page.limit)
        }
    }

    /// Walks the whole chain, a row at a time, and reports the first row that was edited,
    /// removed or reordered.
    public static func verify(store: Store) throws(FolioError) -> AuditVerification {
        try store.read { tx throws(FolioError) in
            var rows = 0
            var firstBad: (seq: Int64, id: String, problem: String)?
            var previous = AuditEntry.genesisHash
            var last: AuditLink?
            try tx.forEachAuditLink { link throws(FolioError) in
                rows += 1
                guard firstBad == nil else { return }   // only counting now
                let expectedSeq = (last?.seq ?? 0) + 1
                if link.seq != expectedSeq {
                    firstBad = (link.seq, link.id, "expected row \(expectedSeq) here: a row before it was removed or reordered")
                } else if link.prevHash != previous {
                    firstBad = (link.seq, link.id, "does not chain to the row before it: a row was removed, reordered or edited")
                } else if link.chainHash(previous: link.prevHash) != link.hash {
                    firstBad = (link.seq, link.id, "its contents were changed after it was written")
                } else if let time = Timestamp(rfc3339: link.time), let before = last.flatMap({ Timestamp(rfc3339: $0.time) }),
                          time < before {
                    firstBad = (link.seq, link.id, "its time \(link.time) is before the time of the row before it (\(before.rfc3339)): "
                                + "it was written with a clock set back")
                }
                previous = link.hash
                last = link
            }
            if let firstBad { return AuditVerification(rows: rows, firstBad: firstBad) }
            let head = try tx.auditHead()
            let actualHead = last.map { "\($0.seq):\($0.hash)" }
            if head != actualHead {
                return AuditVerification(rows: rows, firstBad: (last?.seq ?? 0, last?.id ?? "-",
                    "the log ends here but its recorded head is \(head ?? "missing"): later rows were removed"))
            }
            return AuditVerification(rows: rows, firstBad: nil)
        }
    }
}
