internal import CSQLite
import FolioCrypto
import FolioSupport

/// The local store of DESIGN §5: a directory holding `folio.db` (SQLite in WAL mode),
/// `master.key`, `outbox/` and `exports/`. One `Store` is one connection to it.
public final class Store {
    public let directory: String
    let connection: SQLiteConnection
    let environment: [String: String]
    private var cachedMasterKey: [UInt8]?
    /// Set while `group` holds one write transaction: transactions inside become savepoints.
    var grouped: GroupState?

    /// How long a writer waits for another process's transaction before giving up with
    /// `store_unavailable`. Long enough for dozens of parallel CI jobs; DESIGN asks for ≥ 5 s.
    static let busyTimeoutMilliseconds: Int32 = 30_000

    public var databasePath: String { directory + "/folio.db" }
    public var outboxDirectory: String { directory + "/outbox" }
    public var exportsDirectory: String { directory + "/exports" }
    var masterKeyPath: String { directory + "/master.key" }

    /// The store directory: `--store`/`FOLIO_STORE`, else `$XDG_DATA_HOME/folio`, else
    /// `~/.local/share/folio`.
    public static func defaultDirectory(environment: [String: String]) -> String {
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty { return xdg + "/folio" }
        return FileSystem.homeDirectory(environment: environment) + "/.local/share/folio"
    }

    private init(directory: String, connection: SQLiteConnection, environment: [String: String]) {
        self.directory = directory
        self.connection = connection
        self.environment = environment
    }

    /// Opens an existing store, running pending migrations. Refuses a missing, unwritable,
    /// corrupt or newer store with `store_unavailable`, leaving it untouched.
    public static func open(directory: String, environment: [String: String]) throws(FolioError) -> Store {
        let dbPath = directory + "/folio.db"
        guard FileSystem.exists(dbPath) else {
            throw .storeUnavailable("no Folio store at \(directory)",
                                    hint: "run 'folio init' to create it, or point --store / FOLIO_STORE at an existing one")
        }
        guard FileSystem.isWritable(directory), FileSystem.isWritable(dbPath) else {
            throw .storeUnavailable("the store at \(directory) is not writable",
                                    hint: "check the permissions of the directory and of folio.db (they should belong to you, mode 0700/0600)")
        }
        let store = try connect(directory: directory, create: false, environment: environment)
        try store.migrate()
        return store
    }

    /// Opens an existing store for reading only: no migration, no write, and a lock held by
    /// another process is waited for at most `busyTimeoutMilliseconds`. For callers that must
    /// answer at once or not at all (shell completion); any failure is `store_unavailable`.
    public static func openReadOnly(directory: String, busyTimeoutMilliseconds: Int32,
                                    environment: [String: String]) throws(FolioError) -> Store {
        guard FileSystem.exists(directory + "/folio.db") else {
            throw .storeUnavailable("no Folio store at \(directory)")
        }
        do throws(SQLiteError) {
            let connection = try SQLiteConnection(path: directory + "/folio.db", flags: SQLITE_OPEN_READONLY)
            connection.setBusyTimeout(milliseconds: busyTimeoutMilliseconds)
            return Store(directory: directory, connection: connection, environment: environment)
        } catch {
            throw error.folioError
        }
    }

    static func connect(directory: String, create: Bool, environment: [String: String]) throws(FolioError) -> Store {
        let flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0)
        do throws(SQLiteError) {
            let connection = try SQLiteConnection(path: directory + "/folio.db", flags: flags)
            connection.setBusyTimeout(milliseconds: busyTimeoutMilliseconds)
            // temp_store = MEMORY: savepoints of a group commit keep their sub-journal in memory
            // instead of a temporary file (one write per page touched).
            try connection.execute("PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA temp_store = MEMORY;")
            return Store(directory: directory, connection: connection, environment: environment)
        } catch {
            throw error.folioError
        }
    }

    /// The schema version recorded in the database (`PRAGMA user_version`).
    public func schemaVersion() throws(FolioError) -> Int {
        let tx = StoreTransaction(connection: connection)
        return Int(try tx.queryOne("PRAGMA user_version")?.values.first.flatMap { v -> Int64? in
            if case .integer(let i) = v { return i }
            return nil
        } ?? 0)
    }

    func migrate() throws(FolioError) {
        let current = try schemaVersion()
        if current == Migrations.latestVersion { return }
        if current > Migrations.latestVersion {
            throw .storeUnavailable(
                "the store's schema version \(current) is newer than this folio understands (\(Migrations.latestVersion))",
                hint: "upgrade folio; the store was left untouched")
        }
        try write { tx throws(FolioError) in
            // Another process may have migrated while we waited for the write lock.
            let version = try self.schemaVersion()
            guard version < Migrations.latestVersion else { return }
            for index in version..<Migrations.latestVersion {
                do throws(SQLiteError) { try tx.connection.execute(Migrations.all[index]) } catch { throw error.folioError }
            }
            try tx.run("PRAGMA user_version = \(Migrations.latestVersion)")
        }
    }

    /// Runs `body` in one `BEGIN IMMEDIATE` transaction: all of it commits, or none of it.
    /// IMMEDIATE takes the write lock up front, so concurrent writers queue on the busy
    /// timeout instead of failing on a lock upgrade.
    public func write<T>(_ body: (StoreTransaction) throws(FolioError) -> T) throws(FolioError) -> T {
        try transaction("BEGIN IMMEDIATE", body)
    }

    /// Runs `body` in one read transaction: a consistent snapshot while others write.
    public func read<T>(_ body: (StoreTransaction) throws(FolioError) -> T) throws(FolioError) -> T {
        try transaction("BEGIN DEFERRED", body)
    }

    private func transaction<T>(_ begin: String, _ body: (StoreTransaction) throws(FolioError) -> T) throws(FolioError) -> T {
        if grouped != nil { return try savepoint(body) }
        do throws(SQLiteError) { try connection.execute(begin) } catch { throw error.folioError }
        let tx = StoreTransaction(connection: connection)
        do throws(FolioError) {
            let value = try body(tx)
            do throws(SQLiteError) { try connection.execute("COMMIT") } catch { throw error.folioError }
            return value
        } catch {
            try? connection.execute("ROLLBACK")
            throw error
        }
    }

    /// Runs `body` and rolls back whatever it wrote: `--dry-run` validates against real state.
    func rollingBack<T>(_ body: (StoreTransaction) throws(FolioError) -> T) throws(FolioError) -> T {
        let inGroup = grouped != nil
        do throws(SQLiteError) { try connection.execute(inGroup ? "SAVEPOINT folio_dry_run" : "BEGIN IMMEDIATE") } catch {
            throw error.folioError
        }
        defer {
            if inGroup { try? connection.execute("ROLLBACK TO folio_dry_run; RELEASE folio_dry_run") }
            else { try? connection.execute("ROLLBACK") }
        }
        return try body(StoreTransaction(connection: connection))
    }

    /// The 32-byte key that encrypts secrets at rest: `FOLIO_MASTER_KEY` (64 hex characters or
    /// base64) when set, else `master.key`.
    public func masterKey() throws(FolioError) -> [UInt8] {
        if let cachedMasterKey { return cachedMasterKey }
        let key: [UInt8]
        if let text = environment["FOLIO_MASTER_KEY"], !text.isEmpty {
            guard let decoded = Hex.decode(text) ?? Base64.decode(text), decoded.count == 32 else {
                throw .validation("FOLIO_MASTER_KEY must hold 32 bytes as 64 hex characters or base64",
                                  field: "FOLIO_MASTER_KEY")
            }
            key = decoded
        } else {
            let bytes: [UInt8]
            do throws(FileSystemError) { bytes = try FileSystem.readFile(masterKeyPath) } catch {
                throw .storeUnavailable("cannot read the store's master.key", hint: "restore master.key from your backup, or set FOLIO_MASTER_KEY")
            }
            guard bytes.count == 32 else {
                throw .storeUnavailable("master.key is damaged (expected 32 bytes, found \(bytes.count))",
                                        hint: "restore master.key from your backup")
            }
            key = bytes
        }
        cachedMasterKey = key
        return key
    }
}
