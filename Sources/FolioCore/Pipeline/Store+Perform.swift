import FolioCrypto
import FolioSupport

extension Store {
    /// How long an idempotency key is remembered.
    static let idempotencyLifetime: Int64 = 24 * 3600

    /// Runs `mutation` through the pipeline: one `BEGIN IMMEDIATE` transaction writes the change,
    /// its audit entries, its events and (with an idempotency key) the rendered result, all or
    /// nothing. `render` turns the result into the exact stdout bytes, inside the transaction,
    /// so that a replay can print them byte for byte.
    public func perform<R>(_ mutation: Mutation<R>, context: MutationContext,
                           render: (R) throws(FolioError) -> [UInt8]) throws(FolioError) -> MutationOutcome {
        if context.dryRun {
            return try rollingBack { tx throws(FolioError) in
                let change = try mutation.body(tx, context)
                return MutationOutcome(kind: .dryRun, stdout: try render(change.result),
                                       exitStatus: change.exitStatus, warnings: [])
            }
        }
        var staged: [StagedFile] = []
        var sealedKey: [UInt8]?
        if context.idempotencyKey != nil { sealedKey = try masterKey() }
        let outcome: MutationOutcome
        do throws(FolioError) {
            outcome = try write { tx throws(FolioError) -> MutationOutcome in
                if let key = context.idempotencyKey, let sealedKey {
                    try tx.lock(.idempotencyKey(key))
                    try tx.deleteExpiredIdempotencyRecords(now: context.now)
                    if let record = try tx.idempotencyRecord(key: key) {
                        guard record.fingerprint == context.fingerprint else {
                            throw FolioError(.idempotencyConflict,
                                             "the idempotency key '\(key)' was already used with other arguments",
                                             field: "idempotency-key",
                                             hint: "use a new key for a new request; keys are kept 24 hours")
                        }
                        let stdout: [UInt8]
                        do throws(CryptoError) { stdout = try AESGCM.open(record.sealed, key: sealedKey, aad: Array(key.utf8)) } catch {
                            throw FolioError.storeUnavailable("the stored result of idempotency key '\(key)' cannot be decrypted",
                                                              hint: "was master.key replaced? use a new idempotency key")
                        }
                        return MutationOutcome(kind: .replayed, stdout: stdout, exitStatus: record.exitStatus, warnings: [])
                    }
                }
                let change = try mutation.body(tx, context)
                for record in change.audit { try AuditLog.append(record, context: context, tx: tx) }
                for event in change.events {
                    try tx.insertEvent(id: ULID.generate(.event), type: event.type, tenantId: event.tenantId,
                                       targetId: event.targetId, payload: event.payload, at: context.now)
                }
                let stdout = try render(change.result)
                if let key = context.idempotencyKey, let sealedKey {
                    // Results can hold a secret shown once (an API key): stored sealed under the master key.
                    let sealed: [UInt8]
                    do throws(CryptoError) { sealed = try AESGCM.seal(stdout, key: sealedKey, aad: Array(key.utf8)) } catch {
                        throw FolioError.server("cannot seal the idempotent result: \(error.message)")
                    }
                    try tx.insertIdempotencyRecord(key: key, fingerprint: context.fingerprint, exitStatus: change.exitStatus,
                                                   sealed: sealed, now: context.now,
                                                   expires: context.now.adding(seconds: Store.idempotencyLifetime))
                }
                // Files are staged before COMMIT and published after it, so a crash leaves at
                // most a stray temporary file, never a message for a change that did not happen.
                staged = try stage(change.sideEffects)
                return MutationOutcome(kind: .performed, stdout: stdout, exitStatus: change.exitStatus, warnings: [])
            }
        } catch {
            for file in staged { FileSystem.remove(file.temporaryPath) }
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
}
