import FolioSupport

/// Where a store lives: a data directory for its files (`master.key`, `outbox/`, `exports/`)
/// and a database, by default the SQLite file `folio.db` in that directory. The two are named
/// apart so that a database elsewhere (a server's, later) keeps the same files beside it.
public struct StoreLocation: Sendable, Equatable {
    /// Which database, and where.
    public enum Database: Sendable, Equatable {
        /// An SQLite file, in WAL mode (its `-wal` and `-shm` files beside it).
        case sqlite(path: String)
    }

    public var dataDirectory: String
    public var database: Database

    /// The store in `dataDirectory`, its database `dataDirectory/folio.db` unless `database` says otherwise.
    public init(dataDirectory: String, database: Database? = nil) {
        self.dataDirectory = dataDirectory
        self.database = database ?? .sqlite(path: dataDirectory + "/folio.db")
    }

    public var masterKeyPath: String { dataDirectory + "/master.key" }
    public var outboxDirectory: String { dataDirectory + "/outbox" }
    public var exportsDirectory: String { dataDirectory + "/exports" }

    /// Whether the database was created already (for SQLite, whether its file exists).
    var databaseExists: Bool {
        switch database {
        case .sqlite(let path): return FileSystem.exists(path)
        }
    }

    /// Opens the database: the one place that picks a backend by location.
    func connect(_ mode: ConnectionMode) throws(FolioError) -> any DatabaseConnection {
        switch database {
        case .sqlite(let path): return try SQLiteConnection.open(path: path, dataDirectory: dataDirectory, mode: mode)
        }
    }
}

/// How a store opens its database.
enum ConnectionMode {
    /// Created when missing (`Store.initialize`).
    case create
    /// An existing database, read and written; refused when missing or not writable. Another
    /// process's lock is waited for as `LockWait` says.
    case readWrite(LockWait)
    /// An existing database, only read, waiting at most this long for another's lock.
    case readOnly(busyTimeoutMilliseconds: Int32)
}
