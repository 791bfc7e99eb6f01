import FolioCrypto
import FolioSupport

extension Store {
    /// How long an idempotency key is remembered.
    static let idempotencyLifetime: Int64 = 24 * 3600

    /// Runs `mutation` through the pipeline: one write transaction writes the change,
    /// its audit entries, its events and (with an idempotency key) the record of its result, all
    /// or nothing. `record` encodes the result for that record (only called with a key); a replay
    /// returns the recorded bytes for the caller to render in the format it is asked for now.
    /// The mutation's slow part, if it has one, runs first, with no transaction open (inside a
    /// group, `performBatch` has run it before the group began).
    public func perform<R>(_ mutation: Mutation<R>, context: MutationContext,
                           record: (R) throws(FolioError) -> [UInt8]) throws(FolioError) -> MutationOutcome<R> {
        if grouped == nil { try prepareAhead(mutation, context: context) }
        if context.dryRun {
            return try rollingBack { tx throws(FolioError) in
                let change = try mutation.body(tx, context)
                return MutationOutcome(kind: .dryRun, result: change.result, recorded: nil,
                                       exitStatus: change.exitStatus, warnings: [])
            }
        }
        var staged: [StagedFile] = []
        let sealingKey: [UInt8]? = context.idempotencyKey == nil ? nil : try masterKey()
        let outcome: MutationOutcome<R>
        do throws(FolioError) {
            outcome = try write { tx throws(FolioError) -> MutationOutcome<R> in
                // What this command seals, it seals under the key it opened: still the store's?
                try confirmMasterKey(tx)
                if let key = context.idempotencyKey, let sealingKey,
                   let replay = try replay(key: key, context: context, sealingKey: sealingKey, tx: tx) {
                    return MutationOutcome(kind: .replayed, result: nil, recorded: replay.bytes,
                                           exitStatus: replay.exitStatus, warnings: [])
                }
                let change = try mutation.body(tx, context)
                for entry in change.audit { try AuditLog.append(entry, context: context, tx: tx) }
                for event in change.events {
                    let id = context.ids.make(.event)
                    try tx.insertEvent(id: id, type: event.type.rawValue, tenantId: event.tenantId,
                                       targetId: event.targetId, payload: event.payload, at: context.now)
                    // The outbox fans out with the change: its messages commit or roll back with it.
                    try WebhookFanOut.fanOut(eventId: id, type: event.type.rawValue, tenantId: event.tenantId,
                                             at: context.now, tx: tx)
                }
                if let key = context.idempotencyKey, let sealingKey {
                    try remember(try record(change.result), exitStatus: change.exitStatus, key: key, context: context,
                                 sealingKey: sealingKey, tx: tx)
                }
                staged = try stage(change.sideEffects)
                if context.isCancelled() { throw FolioError.interrupted }
                return MutationOutcome(kind: .performed, result: change.result, recorded: nil,
                                       exitStatus: change.exitStatus, warnings: [])
            }
        } catch {
            discard(staged)
            throw error
        }
        var result = outcome
        if grouped != nil {
            grouped?.staged += staged   // published when the group commits
        } else {
            result.warnings = publish(staged)
        }
        return result
    }

    /// Runs the mutation's slow part (`Mutation.init(ahead:body:)`) before its write
    /// transaction, so that other writers do not wait for it. Skipped when the idempotency key
    /// has a live record: the call will replay it (or fail as a conflict) without the change, and
    /// a key generated for nothing is time lost. Should that record be gone by the time the
    /// write transaction looks, the change does the slow part itself, under the lock.
    func prepareAhead<R>(_ mutation: Mutation<R>, context: MutationContext) throws(FolioError) {
        guard let prepare = mutation.prepare else { return }
        if !context.dryRun, let key = context.idempotencyKey {
            let recorded = try read { tx throws(FolioError) -> Bool in
                guard let found = try tx.idempotencyRecord(key: key) else { return false }
                return Timestamp(rfc3339: found.expiresAt).map { $0 > context.now } ?? false
            }
            if recorded { return }
        }
        try prepare(self, context)
    }

    /// The recorded result of `key`, or nil when the key is new (expired records are dropped
    /// first). The same key with another fingerprint is an `idempotency_conflict`.
    private func replay(key: String, context: MutationContext, sealingKey: [UInt8],
                        tx: StoreTransaction) throws(FolioError) -> (bytes: [UInt8], exitStatus: Int32)? {
        try tx.lock(.idempotencyKey(key))
        try tx.deleteExpiredIdempotencyRecords(now: context.now)
        guard let found = try tx.idempotencyRecord(key: key) else { return nil }
        guard found.fingerprint == context.fingerprint else {
            throw FolioError(.idempotencyConflict, "the idempotency key '\(key)' was already used with other arguments",
                             field: "idempotency-key", hint: "use a new key for a new request; keys are kept 24 hours")
        }
        do throws(CryptoError) {
            return (try AESGCM.open(found.sealed, key: sealingKey, aad: Array(key.utf8)), found.exitStatus)
        } catch {
            throw FolioError.storeUnavailable("the recorded result of idempotency key '\(key)' cannot be decrypted",
                                              hint: "was master.key replaced? use a new idempotency key")
        }
    }

    /// Records a result for `key`. Results can hold a secret shown once (an API key), so the
    /// record is sealed under the master key.
    private func remember(_ bytes: [UInt8], exitStatus: Int32, key: String, context: MutationContext,
                          sealingKey: [UInt8], tx: StoreTransaction) throws(FolioError) {
        let sealed: [UInt8]
        do throws(CryptoError) { sealed = try AESGCM.seal(bytes, key: sealingKey, aad: Array(key.utf8)) } catch {
            throw FolioError.server("cannot seal the idempotent result: \(error.message)")
        }
        try tx.insertIdempotencyRecord(key: key, fingerprint: context.fingerprint, exitStatus: exitStatus,
                                       sealed: sealed, now: context.now,
                                       expires: context.now.adding(seconds: Store.idempotencyLifetime))
    }
}
