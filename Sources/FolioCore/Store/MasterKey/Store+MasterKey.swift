import FolioCrypto
import FolioSupport

/// Where a command's master key comes from.
public enum MasterKeySource: Sendable, Equatable {
    /// `master.key` in the data directory.
    case file
    /// The `FOLIO_MASTER_KEY` environment variable (64 hex characters or base64).
    case environment

    /// How messages name it.
    public var name: String { self == .file ? "master.key" : "FOLIO_MASTER_KEY" }
}

extension Store {
    /// Where this store's commands take the master key from: `FOLIO_MASTER_KEY` when set.
    public var masterKeySource: MasterKeySource {
        if let text = environment["FOLIO_MASTER_KEY"], !text.isEmpty { return .environment }
        return .file
    }

    /// The 32-byte key that encrypts secrets at rest, verified against the store's key check
    /// value (`MasterKeyCheck`): a key that is not the one the store's secrets are sealed under
    /// is refused (`store_unavailable`), so nothing is ever sealed under a second key. A store
    /// that predates check values records this key's now.
    ///
    /// A rotation that committed but was stopped before it renamed `master.key.new` into place
    /// is finished here: the database's check value then matches `master.key.new`.
    public func masterKey() throws(FolioError) -> [UInt8] {
        if let masterKeyCache { return masterKeyCache.key }
        let source = masterKeySource
        var key = try loadMasterKey(source)
        let stored = try read { tx throws(FolioError) in try tx.masterKeyCheck() }
        switch stored {
        case nil:
            throw .storeUnavailable("this store has no master key check value in its database",
                                    remedy: .restoreBackup)
        case MasterKeyCheck.pending?:
            try recordKeyCheck(of: key, source: source)
        case let value?:
            if !MasterKeyCheck.matches(value, key: key) {
                guard source == .file, let finished = try finishInterruptedRotation(check: value) else {
                    throw keyMismatch(source, check: value)
                }
                key = finished
            }
        }
        masterKeyCache = (key, MasterKeyCheck.value(of: key))
        return key
    }

    /// The key as given, before any check against the store.
    func loadMasterKey(_ source: MasterKeySource) throws(FolioError) -> [UInt8] {
        switch source {
        case .environment: return try Store.environmentKey(environment) ?? []
        case .file: return try MasterKeyFiles(path: masterKeyPath).readCurrent()
        }
    }

    /// The key `FOLIO_MASTER_KEY` holds, nil when it is not set; refused when it is not 32 bytes.
    static func environmentKey(_ environment: [String: String]) throws(FolioError) -> [UInt8]? {
        guard let text = environment["FOLIO_MASTER_KEY"], !text.isEmpty else { return nil }
        guard let decoded = Hex.decode(text) ?? Base64.decode(text), decoded.count == AESGCM.keyByteCount else {
            throw .validation("FOLIO_MASTER_KEY must hold 32 bytes as 64 hex characters or base64", field: "FOLIO_MASTER_KEY")
        }
        return decoded
    }

    /// The refusal of a key that is not this store's (`check`: the value the store records).
    func keyMismatch(_ source: MasterKeySource, check: String) -> FolioError {
        let message = "\(source.name) does not match this store's key check value: it is not the key the store's "
            + "secrets are sealed under, and nothing was changed"
        switch source {
        case .file:
            // A database restored from before a rotation: the key it needs is the copy beside it.
            let files = MasterKeyFiles(path: masterKeyPath)
            if let old = files.read(candidate: files.oldPath), MasterKeyCheck.matches(check, key: old) {
                return .storeUnavailable(message + "; master.key.old is: the database is from before the last rotation",
                                         hint: "put master.key.old in the place of master.key (keep the current master.key "
                                             + "if a newer copy of the database needs it)")
            }
            return .storeUnavailable(message, hint: "restore master.key from the backup you made of it",
                                     remedy: .restoreMasterKey(path: masterKeyPath))
        case .environment:
            return .storeUnavailable(message, hint: "set FOLIO_MASTER_KEY to this store's key, or unset it to use master.key")
        }
    }

    /// Replaces `pending` with the value of `key`, unless another process recorded one first
    /// (then `key` must match it).
    private func recordKeyCheck(of key: [UInt8], source: MasterKeySource) throws(FolioError) {
        try write { tx throws(FolioError) in
            try tx.lock(.masterKey)
            let current = try tx.masterKeyCheck()
            if current == MasterKeyCheck.pending {
                try tx.setMasterKeyCheck(MasterKeyCheck.value(of: key))
            } else if let current, !MasterKeyCheck.matches(current, key: key) {
                throw keyMismatch(source, check: current)
            }
        }
    }

    /// Finishes a rotation that committed (the database's check value is that of
    /// `master.key.new`) but stopped before `master.key.new` became `master.key`; returns the
    /// key, or nil when `master.key.new` is not the store's key either.
    private func finishInterruptedRotation(check: String) throws(FolioError) -> [UInt8]? {
        let files = MasterKeyFiles(path: masterKeyPath)
        guard let next = files.read(candidate: files.newPath), MasterKeyCheck.matches(check, key: next) else { return nil }
        do throws(FileSystemError) { try files.installNew() } catch {
            // Another command may have finished it a moment before.
            if let installed = files.read(candidate: files.path), MasterKeyCheck.matches(check, key: installed) { return installed }
            throw .storeFile(error)
        }
        return next
    }

    /// Inside a write transaction about to seal under the key this store opened: refuses when
    /// a rotation committed since (the check value is another key's), so that a command that
    /// opened the key just before a rotation cannot seal a secret under the retired key. Holds
    /// the master key's lock until the transaction ends, so no rotation commits in between.
    func confirmMasterKey(_ tx: StoreTransaction) throws(FolioError) {
        guard let masterKeyCache else { return }
        try tx.lock(.masterKey)
        let stored = try tx.masterKeyCheck() ?? ""
        guard ConstantTime.equals(Array(stored.utf8), Array(masterKeyCache.check.utf8)) else {
            throw .storeUnavailable("the master key was rotated while this command ran; nothing was changed",
                                    hint: "run the command again")
        }
    }

    /// The master key's state for `store check`: nil when it opens and matches, else why not.
    func masterKeyProblem() -> FolioError? {
        do throws(FolioError) {
            _ = try masterKey()
            return nil
        } catch {
            return error
        }
    }
}
