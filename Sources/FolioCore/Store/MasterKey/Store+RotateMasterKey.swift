import FolioCrypto
import FolioSupport

/// What a master key rotation did (in a dry run: would do).
public struct MasterKeyRotation: Sendable {
    /// Certificates whose private key was sealed again under the new key.
    public let certificates: Int
    /// Idempotency records sealed again (expired ones are dropped first).
    public let idempotencyRecords: Int
    /// Webhook endpoints whose signing secret(s) were sealed again.
    public let webhookSecrets: Int
    /// `master.key`, now the new key.
    public let masterKeyPath: String
    /// `master.key.old`: the previous key, which database backups made before the rotation need.
    public let previousKeyPath: String
}

extension Store {
    /// Replaces the master key with a new random one, every secret sealed again under it
    /// (issuers' private keys, idempotency records), in one write transaction with its audit
    /// entry. The steps, and what a crash between them leaves:
    ///
    /// 1. The current key is opened and verified against the check value (`masterKey()`).
    /// 2. One write transaction (the other writers wait) confirms the check value again, opens
    ///    every secret under the current key and seals it under the new one (a secret that does
    ///    not open stops the rotation: nothing is changed), records the new key's check value,
    ///    then writes `master.key.new` (the new key) and `master.key.old` (a copy of the current
    ///    one), each fsynced with its directory, and COMMITs durably (SQLite `synchronous=FULL`).
    ///    A failure or crash before COMMIT leaves the database sealing under the key that
    ///    `master.key` still holds; `master.key.new` and the copy are removed (by this call, or
    ///    after a crash by the next rotation, which can tell them apart: neither is the key the
    ///    check value names other than as a copy of `master.key`).
    /// 3. `master.key.new` is renamed over `master.key` (atomic) and the directory fsynced. A
    ///    crash between COMMIT and this rename leaves `master.key` holding the old key while the
    ///    check value names `master.key.new`: the next command that opens the key
    ///    (`masterKey()`) sees that and finishes the rename.
    ///
    /// `master.key.old` stays: backups of the database made before the rotation are sealed under
    /// it. A later rotation refuses while it is there (`conflict`), rather than overwrite it.
    /// A key from `FOLIO_MASTER_KEY` is not rotated (`invalid_state`): the new key would have
    /// to reach wherever that variable is kept. A dry run opens and seals every secret and
    /// rolls it all back, writing no file.
    public func rotateMasterKey(context: MutationContext) throws(FolioError) -> MasterKeyRotation {
        guard masterKeySource == .file else {
            throw .invalidState("the master key comes from FOLIO_MASTER_KEY, and a rotation writes the new key to master.key",
                                hint: "put the current key in master.key (mode 0600) and unset FOLIO_MASTER_KEY to rotate; "
                                    + "then store the new master.key where FOLIO_MASTER_KEY comes from")
        }
        guard context.idempotencyKey == nil else {
            throw .validation("a master key rotation is never replayed: it takes no idempotency key", field: "idempotency-key")
        }
        let current = try masterKey()
        let files = MasterKeyFiles(path: masterKeyPath)
        let next = SecureRandom.bytes(AESGCM.keyByteCount)
        var wroteFiles = false
        let mutation = Mutation<(certificates: Int, records: Int, webhooks: Int)> { tx, ctx throws(FolioError) in
            try Store.clearRotationLeftovers(files, current: current, removing: !ctx.dryRun)
            let counts = try Store.reseal(tx, from: current, to: next, now: ctx.now)
            try tx.setMasterKeyCheck(MasterKeyCheck.value(of: next))
            if !ctx.dryRun {
                wroteFiles = true
                try storeFile { () throws(FileSystemError) in
                    try files.create(next, at: files.newPath)
                    try files.create(current, at: files.oldPath)
                }
            }
            let details = JSONValue.object([JSONMember("certificates", .int(counts.certificates)),
                                            JSONMember("idempotencyRecords", .int(counts.records)),
                                            JSONMember("webhookSecrets", .int(counts.webhooks))])
            return Change(counts, audit: [AuditRecord(action: "store.master_key_rotate", targetId: nil, tenantId: nil,
                                                      details: details)])
        }
        let counts: (certificates: Int, records: Int, webhooks: Int)
        do throws(FolioError) {
            if !context.dryRun { try connection.makeCommitsDurable() }
            guard let result = try perform(mutation, context: context, record: { _ throws(FolioError) in [] }).result else {
                throw FolioError.server("the rotation returned no result")
            }
            counts = result
        } catch {
            // Not committed (asked of the database, not assumed from the error: a COMMIT that
            // reports an I/O error may have landed): the database still seals under `current`,
            // which master.key holds, so the new key's file is removed with the copy.
            if wroteFiles {
                let check = try? read { tx throws(FolioError) in try tx.masterKeyCheck() }
                if check == MasterKeyCheck.value(of: next) { throw FolioError.storeUnavailable(
                    "the rotation committed, but then failed: \(error.message)",
                    hint: "the next command that opens the key finishes the rotation; keep master.key.new until then") }
                FileSystem.remove(files.newPath)
                FileSystem.remove(files.oldPath)
            }
            throw error
        }
        let rotation = MasterKeyRotation(certificates: counts.certificates, idempotencyRecords: counts.records,
                                         webhookSecrets: counts.webhooks,
                                         masterKeyPath: files.path, previousKeyPath: files.oldPath)
        if context.dryRun { return rotation }
        masterKeyCache = (next, MasterKeyCheck.value(of: next))
        do throws(FileSystemError) { try files.installNew() } catch {
            throw .storeUnavailable("the rotation is committed, but master.key.new could not replace master.key: \(error.description)",
                                    hint: "the next command that opens the key finishes the rotation; keep master.key.new until then")
        }
        return rotation
    }

    /// Files an earlier rotation left when it did not commit: `master.key.new` (the check value
    /// is `current`'s, so it sealed nothing) and `master.key.old` holding `current` itself. Any
    /// other `master.key.old` is the key of database backups made before an earlier rotation:
    /// refused, never overwritten.
    private static func clearRotationLeftovers(_ files: MasterKeyFiles, current: [UInt8],
                                               removing: Bool) throws(FolioError) {
        if FileSystem.entryExists(files.oldPath) {
            guard let old = files.read(candidate: files.oldPath), ConstantTime.equals(old, current) else {
                throw FolioError(.conflict, "\(files.oldPath) exists: the key of database backups made before an earlier rotation",
                                 hint: "move it beside those backups (or delete it if there are none), then rotate again")
            }
            if removing { FileSystem.remove(files.oldPath) }
        }
        if removing { FileSystem.remove(files.newPath) }
    }

    /// Opens every sealed secret under `old` and seals it under `new`, in `tx`.
    private static func reseal(_ tx: StoreTransaction, from old: [UInt8], to new: [UInt8],
                               now: Timestamp) throws(FolioError) -> (certificates: Int, records: Int, webhooks: Int) {
        let certificates = try tx.sealedCertificateKeys()
        for (id, sealed) in certificates {
            try tx.setSealedCertificateKey(id: id, sealed: try reseal(sealed, aad: id, from: old, to: new,
                                                                       what: "the private key of certificate \(id)"))
        }
        try tx.deleteExpiredIdempotencyRecords(now: now)
        let records = try tx.sealedIdempotencyRecords()
        for (key, sealed) in records {
            try tx.setSealedIdempotencyRecord(key: key, sealed: try reseal(sealed, aad: key, from: old, to: new,
                                                                           what: "the result of idempotency key '\(key)'"))
        }
        let webhooks = try tx.sealedWebhookSecrets()
        for (id, current, previous) in webhooks {
            let what = "the signing secret of webhook endpoint \(id)"
            try tx.setSealedWebhookSecrets(
                id: id, current: try reseal(current, aad: id, from: old, to: new, what: what),
                previous: try previous.map { (sealed: [UInt8]) throws(FolioError) in
                    try reseal(sealed, aad: id + ":previous", from: old, to: new, what: "the previous secret of webhook endpoint \(id)")
                })
        }
        return (certificates.count, records.count, webhooks.count)
    }

    private static func reseal(_ sealed: [UInt8], aad: String, from old: [UInt8], to new: [UInt8],
                               what: String) throws(FolioError) -> [UInt8] {
        let plain: [UInt8]
        do throws(CryptoError) { plain = try AESGCM.open(sealed, key: old, aad: Array(aad.utf8)) } catch {
            throw .storeUnavailable("\(what) does not open with the current master key; nothing was rotated",
                                    remedy: .restoreBackup)
        }
        do throws(CryptoError) { return try AESGCM.seal(plain, key: new, aad: Array(aad.utf8)) } catch {
            throw .server("cannot seal \(what) under the new key: \(error.message)")
        }
    }
}
