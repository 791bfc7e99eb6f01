internal import CSQLite
import FolioSupport

/// The SQLite backend: one open connection to the store's `folio.db`. Owns the `sqlite3*`
/// handle and closes it in `deinit`. Opened with SQLITE_OPEN_NOMUTEX: one `Store` is used
/// by one thread at a time.
final class SQLiteConnection: DatabaseConnection {
    let handle: OpaquePointer
    let path: String
    let dialect: any SQLDialect = SQLiteDialect()
    private let statements = SQLiteStatementCache(capacity: 128)
    /// How a read-write connection waits for another process's lock (`LockWait`); a read-only
    /// one uses SQLite's plain busy timeout instead.
    private var busy: SQLiteBusyHandler?

    init(path: String, flags: Int32) throws(SQLiteError) {
        var db: OpaquePointer?
        let rc = sqlite3_open_v2(path, &db, flags | SQLITE_OPEN_NOMUTEX, nil)
        guard rc == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open database"
            if let db { sqlite3_close_v2(db) }
            throw SQLiteError(code: rc, message: message)
        }
        handle = db
        self.path = path
        sqlite3_extended_result_codes(db, 1)
    }

    deinit {
        statements.removeAll()  // finalize before closing
        sqlite3_close_v2(handle)
    }

    /// Opens the store's database at `path` (the store's files are in `dataDirectory`).
    /// Refuses a missing or unwritable database with `store_unavailable`, touching nothing.
    static func open(path: String, dataDirectory: String, mode: ConnectionMode) throws(FolioError) -> SQLiteConnection {
        switch mode {
        case .readOnly(let busyTimeout):
            guard FileSystem.exists(path) else { throw .storeUnavailable("no Folio store at \(dataDirectory)") }
            let connection = try sqliteCall { () throws(SQLiteError) in try SQLiteConnection(path: path, flags: SQLITE_OPEN_READONLY) }
            sqlite3_busy_timeout(connection.handle, busyTimeout)
            return connection
        case .readWrite(let lockWait):
            guard FileSystem.exists(path) else {
                throw .storeUnavailable("no Folio store at \(dataDirectory)",
                                        remedy: .createStore)
            }
            // SQLite takes an empty file for an empty database and would write a new schema into
            // it; a store's database never is one (WAL mode writes its header at creation), so
            // this is a store that lost its data, or another file.
            guard FileSystem.size(path) != 0 else {
                throw .storeUnavailable("the database \(path) is empty (0 bytes): it is not a Folio store, and it was left as it is",
                                        remedy: .restoreBackup)
            }
            // The directory too: SQLite creates the -wal and -shm files beside the database.
            guard FileSystem.isWritable(dataDirectory), FileSystem.isWritable(FileSystem.parentDirectory(path)),
                  FileSystem.isWritable(path) else {
                throw .storeUnavailable("the store at \(dataDirectory) is not writable",
                                        hint: "check the permissions of the directory and of folio.db (they should belong to you, mode 0700/0600)")
            }
            return try connect(path, flags: SQLITE_OPEN_READWRITE, lockWait: lockWait)
        case .create:
            let connection = try connect(path, flags: SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, lockWait: LockWait())
            try connection.script("PRAGMA journal_mode = WAL")
            return connection
        }
    }

    private static func connect(_ path: String, flags: Int32, lockWait: LockWait) throws(FolioError) -> SQLiteConnection {
        try sqliteCall { () throws(SQLiteError) in
            let connection = try SQLiteConnection(path: path, flags: flags)
            let busy = SQLiteBusyHandler(lockWait)
            busy.install(on: connection.handle)
            connection.busy = busy
            // temp_store = MEMORY: savepoints of a group commit keep their sub-journal in memory
            // instead of a temporary file (one write per page touched).
            try connection.execute(script: "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA temp_store = MEMORY;")
            return connection
        }
    }

    /// Runs SQL text that binds nothing and returns no rows, possibly several statements:
    /// transaction control, pragmas, migrations. Never for text holding a value.
    func execute(script sql: String) throws(SQLiteError) {
        var errmsg: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &errmsg)
        if rc != SQLITE_OK {
            let message = errmsg.map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(handle))
            sqlite3_free(errmsg)
            throw lastError(rc, message: message)
        }
    }

    func script(_ sql: String) throws(FolioError) {
        try call { () throws(SQLiteError) in try execute(script: sql) }
    }

    /// Runs `body`, a SQLite failure becoming the FolioError it deserves. A call that gave up
    /// waiting for another process's lock says why: the wait timed out (`store_unavailable`,
    /// with the timeout) or was cancelled (`interrupted`). After the call, a wait that was
    /// reported is reported over.
    func call<T>(_ body: () throws(SQLiteError) -> T) throws(FolioError) -> T {
        defer { busy?.settle() }
        do throws(SQLiteError) { return try body() } catch {
            if error.isBusy, let outcome = busy?.outcome { throw outcome.folioError }
            throw error.folioError
        }
    }

    func prepare(_ sql: String) throws(SQLiteError) -> SQLiteStatement {
        var stmt: OpaquePointer?
        let rc = sqlite3_prepare_v2(handle, sql, -1, &stmt, nil)
        guard rc == SQLITE_OK, let stmt else { throw lastError(rc) }
        return SQLiteStatement(stmt, connection: self)
    }

    func lastError(_ rc: Int32, message: String? = nil) -> SQLiteError {
        var error = SQLiteError(code: rc, message: message ?? String(cString: sqlite3_errmsg(handle)),
                                systemErrno: sqlite3_system_errno(handle))
        if rc & 0xff == SQLITE_IOERR, let file = sqlite3_db_filename(handle, "main") {
            error.outOfRoom = FileSystem.isOutOfRoom(for: String(cString: file))
        }
        return error
    }

    // MARK: SQLExecutor

    func execute(_ query: SQLQuery) throws(FolioError) -> Int {
        let statement = try checkOut(query)
        defer { statements.checkIn(statement) }
        try call { () throws(SQLiteError) in while try statement.step() {} }
        return Int(sqlite3_changes(handle))
    }

    func forEachRow(_ query: SQLQuery, table: String, _ body: (SQLRow) throws(FolioError) -> Bool) throws(FolioError) {
        let statement = try checkOut(query)
        defer {
            virtualMachineSteps += statement.takeVirtualMachineSteps()
            statements.checkIn(statement)
        }
        let columns = statement.columnNames
        while try call({ () throws(SQLiteError) in try statement.step() }) {
            guard try body(SQLRow(table: table, columns: columns, values: statement.row())) else { return }
        }
    }

    /// Checks, and otherwise does nothing: SQLite has one writer per database, and a write
    /// transaction (`BEGIN IMMEDIATE`) holds that right from its start to its end, so whatever
    /// `resource` names is held already. The check keeps the call honest: a lock asked for in
    /// a read transaction is a bug that SQLite would hide and a row-locking backend would not.
    func lock(_ resource: StoreLock) throws(FolioError) {
        guard sqlite3_txn_state(handle, nil) == SQLITE_TXN_WRITE else {
            throw .server("the store lock \(resource.name) was asked for outside a write transaction")
        }
    }

    /// The statement for `query` from the cache, its values bound.
    private func checkOut(_ query: SQLQuery) throws(FolioError) -> SQLiteStatement {
        let sql = query.sql(for: SQLiteDialect())
        return try call { () throws(SQLiteError) in
            let statement = try statements.checkOut(sql) { () throws(SQLiteError) in try prepare(sql) }
            do throws(SQLiteError) { try statement.bind(query.values) } catch {
                statements.checkIn(statement)
                throw error
            }
            return statement
        }
    }

    /// Cached statements now, for tests of the bound.
    var cachedStatementCount: Int { statements.count }

    /// The virtual-machine steps SQLite ran for the rows read so far (`SQLITE_STMTSTATUS_VM_STEP`):
    /// a measure of a query's work that, unlike time, is the same on every machine and run, so
    /// tests can hold a page deep in a list to the cost of the first.
    private(set) var virtualMachineSteps = 0

    // MARK: Transactions

    func begin(_ kind: TransactionKind) throws(FolioError) {
        try script(kind == .write ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED")
    }

    func commit() throws(FolioError) { try script("COMMIT") }

    func rollback() { try? execute(script: "ROLLBACK") }

    func savepoint(_ name: StaticString) throws(FolioError) { try script("SAVEPOINT \(name)") }

    func release(_ name: StaticString) throws(FolioError) { try script("RELEASE \(name)") }

    func rollback(to name: StaticString) { try? execute(script: "ROLLBACK TO \(name)") }

    func makeCommitsDurable() throws(FolioError) { try script("PRAGMA synchronous = FULL") }

    // MARK: Schema: the version is `PRAGMA user_version`, kept in the database header.

    func schemaVersion() throws(FolioError) -> Int {
        var version = 0
        try forEachRow("PRAGMA user_version", table: "pragma") { row throws(FolioError) in
            version = try row.int("user_version")
            return false
        }
        return version
    }

    func applyMigration(_ script: String) throws(FolioError) { try self.script(script) }

    func setSchemaVersion(_ version: Int) throws(FolioError) { try script("PRAGMA user_version = \(version)") }
}
