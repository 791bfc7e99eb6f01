internal import CSQLite
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
    public var healthy: Bool { integrity == ["ok"] && schemaVersion == expectedSchemaVersion && audit.valid }
}

extension Store {
    /// Creates the store (directory 0700, `folio.db`, `master.key` 0600, `outbox/`, `exports/`),
    /// or completes a partial one. Running it again changes nothing.
    public static func initialize(directory: String, environment: [String: String]) throws(FolioError) -> StoreInitResult {
        let existed = FileSystem.exists(directory + "/folio.db")
        if existed {
            // A valid existing store: open it (which refuses newer/corrupt ones) and stop.
            let store = try open(directory: directory, environment: environment)
            try store.ensureLayout()
            return StoreInitResult(directory: directory, created: false, schemaVersion: try store.schemaVersion())
        }
        try storeFile { () throws(FileSystemError) in try FileSystem.makeDirectory(directory, mode: 0o700) }
        guard FileSystem.isWritable(directory) else {
            throw .storeUnavailable("the store directory \(directory) is not writable",
                                    hint: "choose another --store, or fix the directory's permissions")
        }
        let store = try connect(directory: directory, create: true, environment: environment)
        do { try store.connection.execute("PRAGMA journal_mode = WAL") } catch { throw error.folioError }
        try store.migrate()
        try store.ensureLayout()
        return StoreInitResult(directory: directory, created: true, schemaVersion: try store.schemaVersion())
    }

    func ensureLayout() throws(FolioError) {
        try storeFile { () throws(FileSystemError) in
            try FileSystem.makeDirectory(outboxDirectory, mode: 0o700)
            try FileSystem.makeDirectory(exportsDirectory, mode: 0o700)
        }
        _ = chmodIfPresent(databasePath, 0o600)
        if !FileSystem.exists(masterKeyPath) && environment["FOLIO_MASTER_KEY"] == nil {
            do {
                try FileSystem.write(SecureRandom.bytes(32), to: masterKeyPath, mode: 0o600, exclusive: true)
            } catch {
                // Another `folio init` won the race; its key stands.
                if !FileSystem.exists(masterKeyPath) { throw FolioError.storeFile(error) }
            }
        }
    }

    private func chmodIfPresent(_ path: String, _ mode: UInt32) -> Bool {
        FileSystem.exists(path) && chmodPath(path, mode)
    }

    public func info() throws(FolioError) -> StoreInfo {
        let version = try schemaVersion()
        return try read { tx throws(FolioError) in
            let mode = try tx.queryOne("PRAGMA journal_mode")?.values.first
            var counts: [(String, Int64)] = []
            for table in ["tenants", "audit_log", "events", "idempotency_records"] {
                let n = try tx.queryOne("SELECT count(*) AS n FROM \(table)")?.int("n") ?? 0
                counts.append((table, n))
            }
            for table in Store.optionalCountedTables {
                if try tx.queryOne("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [.text(table)]) != nil {
                    counts.append((table, try tx.queryOne("SELECT count(*) AS n FROM \(table)")?.int("n") ?? 0))
                }
            }
            var journal = "unknown"
            if case .text(let m)? = mode { journal = m }
            return StoreInfo(directory: directory, schemaVersion: version,
                             sqliteVersion: String(cString: sqlite3_libversion()), journalMode: journal,
                             databaseBytes: FileSystem.size(databasePath) ?? 0, counts: counts)
        }
    }

    /// Tables added by later migrations that `store info` counts when present.
    static let optionalCountedTables = ["api_keys", "issuers", "documents"]

    public func check() throws(FolioError) -> StoreCheckReport {
        let integrity = try read { tx throws(FolioError) in
            try tx.query("PRAGMA integrity_check").compactMap { row -> String? in
                if case .text(let s) = row.values.first { return s }
                return nil
            }
        }
        let audit = try AuditLog.verify(store: self)
        return StoreCheckReport(integrity: integrity, schemaVersion: try schemaVersion(),
                                expectedSchemaVersion: Migrations.latestVersion, audit: audit)
    }

    /// Copies the database to `path` with SQLite's online backup API: a consistent snapshot
    /// even while other processes write. Refuses to overwrite an existing file.
    public func backup(to path: String) throws(FolioError) -> Int64 {
        if FileSystem.exists(path) {
            throw FolioError(.conflict, "\(path) exists already", field: "path",
                             hint: "choose a new file name; backups never overwrite")
        }
        let temp = path + ".partial"
        FileSystem.remove(temp)
        do throws(SQLiteError) {
            let dest = try SQLiteConnection(path: temp, flags: SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
            guard let backup = sqlite3_backup_init(dest.handle, "main", connection.handle, "main") else {
                throw dest.lastError(sqlite3_errcode(dest.handle))
            }
            // One step copies every page under one read transaction: a single consistent snapshot.
            var rc = sqlite3_backup_step(backup, -1)
            while rc == SQLITE_BUSY || rc == SQLITE_LOCKED {
                sqlite3_sleep(50)
                rc = sqlite3_backup_step(backup, -1)
            }
            sqlite3_backup_finish(backup)
            guard rc == SQLITE_DONE else { throw dest.lastError(rc) }
            try dest.execute("PRAGMA journal_mode = DELETE")
        } catch {
            FileSystem.remove(temp)
            throw FolioError.server("backup failed: \(error.message) — is the destination directory writable?")
        }
        _ = chmodPath(temp, 0o600)
        do throws(FileSystemError) { try FileSystem.rename(temp, path) } catch {
            FileSystem.remove(temp)
            throw FolioError.server("backup failed: \(error.description)")
        }
        return FileSystem.size(path) ?? 0
    }
}

#if canImport(Glibc)
import Glibc
#endif

func chmodPath(_ path: String, _ mode: UInt32) -> Bool { chmod(path, mode_t(mode)) == 0 }
