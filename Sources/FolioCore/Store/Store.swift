import FolioCrypto
import FolioSupport

/// The local store of DESIGN §5: a data directory holding `master.key`, `outbox/` and
/// `exports/`, and a database (by default `folio.db` in that directory: SQLite in WAL mode).
/// One `Store` is one connection to it.
public final class Store {
    public let location: StoreLocation
    let connection: any DatabaseConnection
    let environment: [String: String]
    /// The master key once opened and verified, with its check value (`Store+MasterKey`).
    var masterKeyCache: (key: [UInt8], check: String)?
    /// Set while `group` holds one write transaction: transactions inside become savepoints.
    var grouped: GroupState?

    /// The data directory.
    public var directory: String { location.dataDirectory }
    public var outboxDirectory: String { location.outboxDirectory }
    public var exportsDirectory: String { location.exportsDirectory }
    var masterKeyPath: String { location.masterKeyPath }

    /// The store directory: `--store`/`FOLIO_STORE`, else `$XDG_DATA_HOME/folio`, else
    /// `~/.local/share/folio`.
    public static func defaultDirectory(environment: [String: String]) -> String {
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty { return xdg + "/folio" }
        return FileSystem.homeDirectory(environment: environment) + "/.local/share/folio"
    }

    /// A store over an open connection (tests wrap the connection this way).
    init(location: StoreLocation, connection: any DatabaseConnection, environment: [String: String]) {
        self.location = location
        self.connection = connection
        self.environment = environment
    }

    /// Opens an existing store, running pending migrations. Refuses a missing, unwritable,
    /// corrupt or newer store with `store_unavailable`, leaving it untouched.
    /// A store whose directory or `master.key` is open to group or others is refused too
    /// (`StorePermissions`). A lock another process holds is waited for as `lockWait` says.
    public static func open(location: StoreLocation, environment: [String: String],
                            lockWait: LockWait = LockWait()) throws(FolioError) -> Store {
        let store = Store(location: location, connection: try location.connect(.readWrite(lockWait)), environment: environment)
        // After connecting, which says first when the store is missing or not the user's to write.
        try StorePermissions.check(location)
        try store.migrate()
        return store
    }

    /// Opens an existing store for reading only: no migration, no write, and a lock held by
    /// another process is waited for at most `busyTimeoutMilliseconds`. For callers that must
    /// answer at once or not at all (shell completion); any failure is `store_unavailable`.
    public static func openReadOnly(location: StoreLocation, busyTimeoutMilliseconds: Int32,
                                    environment: [String: String]) throws(FolioError) -> Store {
        let connection = try location.connect(.readOnly(busyTimeoutMilliseconds: busyTimeoutMilliseconds))
        return Store(location: location, connection: connection, environment: environment)
    }

    /// The schema version recorded in the database.
    public func schemaVersion() throws(FolioError) -> Int {
        try connection.schemaVersion()
    }

    func migrate() throws(FolioError) {
        let current = try schemaVersion()
        if current == Migrations.latestVersion { return }
        if current > Migrations.latestVersion {
            throw .storeUnavailable(
                "the store's schema version \(current) is newer than this folio understands (\(Migrations.latestVersion))",
                hint: "upgrade folio; the store was left untouched")
        }
        let scripts = connection.dialect.migrations
        precondition(scripts.count == Migrations.latestVersion, "every dialect has every migration")
        try write { tx throws(FolioError) in
            // Another process may have migrated while we waited for the write lock.
            let version = try self.schemaVersion()
            guard version < Migrations.latestVersion else { return }
            for index in version..<Migrations.latestVersion {
                try connection.applyMigration(scripts[index])
                try Migrations.afterScript(reaching: index + 1, tx)
            }
            try connection.setSchemaVersion(Migrations.latestVersion)
        }
    }

    /// Runs `body` in one write transaction (SQLite: `BEGIN IMMEDIATE`): all of it commits, or
    /// none of it. The write lock is taken up front, so concurrent writers queue on the busy
    /// timeout instead of failing on a lock upgrade.
    public func write<T>(_ body: (StoreTransaction) throws(FolioError) -> T) throws(FolioError) -> T {
        try transaction(.write, body)
    }

    /// Runs `body` in one read transaction: a consistent snapshot while others write.
    public func read<T>(_ body: (StoreTransaction) throws(FolioError) -> T) throws(FolioError) -> T {
        try transaction(.read, body)
    }

    private func transaction<T>(_ kind: TransactionKind, _ body: (StoreTransaction) throws(FolioError) -> T) throws(FolioError) -> T {
        if grouped != nil { return try savepoint(body) }
        try connection.begin(kind)
        do throws(FolioError) {
            let value = try body(StoreTransaction(connection))
            try connection.commit()
            return value
        } catch {
            connection.rollback()
            throw error
        }
    }

    /// Runs `body` and rolls back whatever it wrote: `--dry-run` validates against real state.
    func rollingBack<T>(_ body: (StoreTransaction) throws(FolioError) -> T) throws(FolioError) -> T {
        let inGroup = grouped != nil
        if inGroup { try connection.savepoint("folio_dry_run") } else { try connection.begin(.write) }
        defer {
            if inGroup {
                connection.rollback(to: "folio_dry_run")
                try? connection.release("folio_dry_run")
            } else {
                connection.rollback()
            }
        }
        return try body(StoreTransaction(connection))
    }
}
