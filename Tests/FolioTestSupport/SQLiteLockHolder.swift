import CSQLite

/// Another writer of a store's database, as a second process would be: its own SQLite
/// connection, which takes the write lock with `BEGIN IMMEDIATE` and holds it until `release()`
/// (SQLite's locks hold between connections of one process as between processes).
public final class SQLiteLockHolder: @unchecked Sendable {
    private var db: OpaquePointer?

    /// Opens `path` and takes its write lock.
    public init(path: String) throws {
        guard sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, nil) == SQLITE_OK, let db else {
            sqlite3_close(db)
            throw HarnessError(message: "sqlite \(path): cannot open")
        }
        guard sqlite3_exec(db, "BEGIN IMMEDIATE", nil, nil, nil) == SQLITE_OK else {
            let message = String(cString: sqlite3_errmsg(db))
            sqlite3_close(db)
            self.db = nil
            throw HarnessError(message: "sqlite \(path): cannot take the write lock: \(message)")
        }
    }

    /// Ends the transaction (nothing was written) and closes the connection; once only.
    public func release() {
        guard let db else { return }
        sqlite3_exec(db, "ROLLBACK", nil, nil, nil)
        sqlite3_close(db)
        self.db = nil
    }

    deinit { release() }
}
