import FolioCrypto
import FolioSupport

/// What `folio init` did.
public struct StoreInitResult: Sendable {
    public let directory: String
    public let created: Bool
    public let schemaVersion: Int
}

/// What `folio store info` shows.
public struct StoreInfo: Sendable {
    public let directory: String
    public let schemaVersion: Int
    public let sqliteVersion: String
    public let journalMode: String
    public let databaseBytes: Int64
    public let counts: [(table: String, rows: Int64)]
}

/// What `folio store check` found.
public struct StoreCheckReport: Sendable {
    public let integrity: [String]          // "ok", or SQLite's complaints
    public let schemaVersion: Int
    public let expectedSchemaVersion: Int
    public let audit: AuditVerification
    /// Where the master key came from, and why it is not this store's (nil: it opens and
    /// matches the key check value).
    public let masterKeySource: MasterKeySource
    public let masterKeyProblem: FolioError?
    public var healthy: Bool {
        integrity == ["ok"] && schemaVersion == expectedSchemaVersion && audit.valid && masterKeyProblem == nil
    }
}

extension Store {
    /// Creates the store — data directory 0700, the database with the key's check value,
    /// `master.key` 0600 (unless `FOLIO_MASTER_KEY` gives the key), `outbox/`, `exports/` — whole
    /// or not at all (`StoreCreation`). On an existing store it makes any missing folder and
    /// changes nothing else; it never makes a master key beside an existing database, whose
    /// secrets are sealed under the key it had, and it verifies the key against the store's
    /// check value.
    public static func initialize(location: StoreLocation, environment: [String: String]) throws(FolioError) -> StoreInitResult {
        if location.databaseExists { return try initializeExisting(location: location, environment: environment) }
        var creation = StoreCreation(location: location, environment: environment)
        do throws(FolioError) {
            return try creation.create()
        } catch {
            // Another `init` may have made the store meanwhile (its rename or link came first).
            if location.databaseExists { return try initializeExisting(location: location, environment: environment) }
            throw error
        }
    }

    private static func initializeExisting(location: StoreLocation, environment: [String: String]) throws(FolioError) -> StoreInitResult {
        let store = try open(location: location, environment: environment)
        if store.masterKeySource == .file && !FileSystem.entryExists(store.masterKeyPath) {
            throw .storeUnavailable("master.key is missing beside an existing database: its secrets are sealed under that key, "
                                    + "so no new one is made", remedy: .restoreMasterKey(path: store.masterKeyPath))
        }
        _ = try store.masterKey()
        try store.ensureLayout()
        return StoreInitResult(directory: location.dataDirectory, created: false, schemaVersion: try store.schemaVersion())
    }

    /// Makes the folders an existing store lacks, and keeps its database private.
    func ensureLayout() throws(FolioError) {
        try storeFile { () throws(FileSystemError) in
            try FileSystem.makeDirectory(outboxDirectory, mode: 0o700)
            try FileSystem.makeDirectory(exportsDirectory, mode: 0o700)
        }
        switch location.database {
        case .sqlite(let path): _ = chmodIfPresent(path, 0o600)
        }
    }

    private func chmodIfPresent(_ path: String, _ mode: UInt32) -> Bool {
        FileSystem.exists(path) && chmodPath(path, mode)
    }

    public func info() throws(FolioError) -> StoreInfo {
        let version = try schemaVersion()
        return try read { tx throws(FolioError) in
            var counts: [(String, Int64)] = []
            for table in ["tenants", "audit_log", "events", "idempotency_records"] {
                counts.append((table, try tx.rowCount(table)))
            }
            for table in Store.optionalCountedTables {
                if try connection.tableExists(table) { counts.append((table, try tx.rowCount(table))) }
            }
            return StoreInfo(directory: directory, schemaVersion: version, sqliteVersion: connection.engineVersion,
                             journalMode: try connection.journalMode(), databaseBytes: connection.databaseBytes(),
                             counts: counts)
        }
    }

    /// Tables added by later migrations that `store info` counts when present.
    static let optionalCountedTables = ["api_keys", "issuers", "documents"]

    public func check() throws(FolioError) -> StoreCheckReport {
        let integrity = try read { _ throws(FolioError) in try connection.integrityCheck() }
        let audit = try AuditLog.verify(store: self)
        return StoreCheckReport(integrity: integrity, schemaVersion: try schemaVersion(),
                                expectedSchemaVersion: Migrations.latestVersion, audit: audit,
                                masterKeySource: masterKeySource, masterKeyProblem: masterKeyProblem())
    }

    /// Copies the database to `path`: a consistent snapshot even while other processes write
    /// (SQLite's online backup API). Refuses to overwrite an existing file, and a path it
    /// could not write (`validation_failed` naming `path`) before it writes anything.
    public func backup(to path: String) throws(FolioError) -> Int64 {
        try Store.validateBackupPath(path)
        if FileSystem.entryExists(path) {
            throw FolioError(.conflict, "\(path) exists already", field: "path",
                             hint: "choose a new file name; backups never overwrite")
        }
        let temp = path + ".partial"
        FileSystem.remove(temp)
        do throws(FolioError) { try connection.backup(to: temp) } catch {
            FileSystem.remove(temp)
            throw error
        }
        _ = chmodPath(temp, 0o600)
        do throws(FileSystemError) { try FileSystem.rename(temp, path) } catch {
            FileSystem.remove(temp)
            throw FolioError.server("backup failed: \(error.description)")
        }
        return FileSystem.size(path) ?? 0
    }
}

extension Store {
    /// The longest file name a backup may have: NAME_MAX (255 bytes on Linux's file systems)
    /// less `.partial-journal`: the copy is written as NAME.partial first, and SQLite keeps a
    /// rollback journal beside it while it writes.
    static let backupNameSuffix = ".partial-journal"
    static let longestBackupName = 255 - backupNameSuffix.utf8.count

    /// Refuses a backup path that cannot be written (`validation_failed`, field `path`), so that
    /// nothing — not even a `.partial` — is written for it: empty, a folder rather than a file,
    /// a name or path too long, a folder that does not exist or is not writable.
    static func validateBackupPath(_ path: String) throws(FolioError) {
        guard !path.isEmpty else { throw .validation("the backup path is empty", field: "path") }
        let name = StoreCreation.lastComponent(path)
        if path.hasSuffix("/") || name == "." || name == ".." {
            throw .validation("\(path) names a folder; name the new backup file", field: "path")
        }
        guard name.utf8.count <= longestBackupName else {
            throw .validation("the backup file name is \(name.utf8.count) bytes long; at most \(longestBackupName) are possible",
                              field: "path")
        }
        // PATH_MAX, with the suffix and the terminating NUL.
        let longestPath = 4095 - backupNameSuffix.utf8.count
        guard path.utf8.count <= longestPath else {
            throw .validation("the backup path is \(path.utf8.count) bytes long; at most \(longestPath) are possible", field: "path")
        }
        let folder = FileSystem.parentDirectory(path)
        guard FileSystem.isDirectory(folder) else {
            throw .validation("the folder \(folder) does not exist", field: "path", hint: "create it first, or choose another path")
        }
        guard FileSystem.isWritable(folder) else {
            throw .validation("the folder \(folder) is not writable", field: "path")
        }
    }
}

extension StoreTransaction {
    /// The number of rows in `table` (a name of the schema).
    func rowCount(_ table: String) throws(FolioError) -> Int64 {
        try fetchOne("SELECT count(*) AS n FROM \(identifier: table)", table: table) { row throws(FolioError) in
            try row.integer("n")
        } ?? 0
    }
}

#if canImport(Glibc)
import Glibc
#endif

func chmodPath(_ path: String, _ mode: UInt32) -> Bool { chmod(path, mode_t(mode)) == 0 }
