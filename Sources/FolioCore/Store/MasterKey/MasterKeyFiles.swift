import FolioCrypto
import FolioSupport

/// The master key's files in the data directory: `master.key`, and around a rotation
/// `master.key.new` (the next key, written before the rotation commits) and `master.key.old`
/// (a copy of the previous key, for the database backups made before it).
struct MasterKeyFiles {
    /// `master.key`.
    let path: String
    var newPath: String { path + ".new" }
    var oldPath: String { path + ".old" }
    var directory: String { FileSystem.parentDirectory(path) }

    /// The key in `master.key`: refused when missing, open to group or others, or not 32 bytes.
    func readCurrent() throws(FolioError) -> [UInt8] {
        let bytes: [UInt8]
        // Read with a bound: master.key replaced by something endless must not eat the memory.
        do throws(FileSystemError) { bytes = try FileSystem.readFile(path, limit: 4096) } catch {
            if error.isTooLarge {
                throw .storeUnavailable("master.key is damaged (expected \(AESGCM.keyByteCount) bytes, found more than 4096)",
                                        hint: "restore master.key from your backup", remedy: .restoreMasterKey(path: path))
            }
            throw .storeUnavailable("cannot read master.key at \(path): \(error.reason)",
                                    hint: "restore master.key from your backup, or set FOLIO_MASTER_KEY",
                                    remedy: .restoreMasterKey(path: path))
        }
        try StorePermissions.check(path, name: "master.key", mode: StorePermissions.keyFileMode)
        guard bytes.count == AESGCM.keyByteCount else {
            throw .storeUnavailable("master.key is damaged (expected \(AESGCM.keyByteCount) bytes, found \(bytes.count))",
                                    hint: "restore master.key from your backup", remedy: .restoreMasterKey(path: path))
        }
        return bytes
    }

    /// The key in `candidate` (`newPath` or `oldPath`) when it holds one: 32 bytes, private.
    func read(candidate: String) -> [UInt8]? {
        guard let mode = FileSystem.mode(candidate), mode & 0o077 == 0,
              let bytes = try? FileSystem.readFile(candidate, limit: 4096), bytes.count == AESGCM.keyByteCount else { return nil }
        return bytes
    }

    /// Writes `key` to `to`, which must not exist: mode 0600, the file and its name flushed to
    /// disk before this returns.
    func create(_ key: [UInt8], at to: String) throws(FileSystemError) {
        try FileSystem.write(key, to: to, mode: 0o600, exclusive: true)
        try FileSystem.syncDirectory(directory)
    }

    /// Puts `master.key.new` in the place of `master.key` (one atomic rename: at every instant
    /// `master.key` is the old key or the new one) and flushes the directory.
    func installNew() throws(FileSystemError) {
        try FileSystem.rename(newPath, path)
        try FileSystem.syncDirectory(directory)
    }
}

