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
    /// Creates the store (data directory 0700, the database, `master.key` 0600, `outbox/`,
    /// `exports/`), or completes a partial one. Running it again changes nothing.
    public static func initialize(location: StoreLocation, environment: [String: String]) throws(FolioError) -> StoreInitResult {
        let directory = location.dataDirectory
        if location.databaseExists {
            // A valid existing store: open it (which refuses newer/corrupt ones) and stop.
            let store = try open(location: location, environment: environment)
            try store.ensureLayout()
            return StoreInitResult(directory: directory, created: false, schemaVersion: try store.schemaVersion())
        }
        try storeFile { () throws(FileSystemError) in try FileSystem.makeDirectory(directory, mode: 0o700) }
        guard FileSystem.isWritable(directory) else {
            throw .storeUnavailable("the store directory \(directory) is not writable",
                                    remedy: .chooseAnotherStore)
        }
        let store = Store(location: location, connection: try location.connect(.create), environment: environment)
        try store.migrate()
        try store.ensureLayout()
        return StoreInitResult(directory: directory, created: true, schemaVersion: try store.schemaVersion())
    }

    func ensureLayout() throws(FolioError) {
        try storeFile { () throws(FileSystemError) in
            try FileSystem.makeDirectory(outboxDirectory, mode: 0o700)
            try FileSystem.makeDirectory(exportsDirectory, mode: 0o700)
        }
        switch location.database {
        case .sqlite(let path): _ = chmodIfPresent(path, 0o600)
        }
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
                                expectedSchemaVersion: Migrations.latestVersion, audit: audit)
    }

    /// Copies the database to `path`: a consistent snapshot even while other processes write
    /// (SQLite's online backup API). Refuses to overwrite an existing file.
    public func backup(to path: String) throws(FolioError) -> Int64 {
        if FileSystem.exists(path) {
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
