internal import CSQLite

/// A failure reported by SQLite, with its primary result code kept so callers can tell
/// "busy past the timeout" and "corrupt" apart from bugs.
public struct SQLiteError: Error, Sendable, CustomStringConvertible {
    public let code: Int32
    public let message: String
    public var description: String { "SQLite error \(code): \(message)" }

    var isBusy: Bool { code & 0xff == SQLITE_BUSY || code & 0xff == SQLITE_LOCKED }
    var isCorrupt: Bool { code & 0xff == SQLITE_CORRUPT || code & 0xff == SQLITE_NOTADB }

    /// The same failure as a FolioError with the DESIGN §4 code it deserves.
    var folioError: FolioError {
        if isBusy {
            return .storeUnavailable("the store is locked by another process past the timeout",
                                     hint: "retry; if it persists, look for a stuck folio process")
        }
        if isCorrupt {
            return .storeUnavailable("the store database is corrupt (\(message))",
                                     hint: "restore it from a backup made with 'folio store backup'")
        }
        if code & 0xff == SQLITE_READONLY || code & 0xff == SQLITE_CANTOPEN || code & 0xff == SQLITE_IOERR
            || code & 0xff == SQLITE_PERM {
            return .storeUnavailable("the store cannot be written (\(message))",
                                     hint: "check the permissions of the store directory and its files")
        }
        return .server("database error: \(message)")
    }
}

/// One open SQLite connection. Owns the `sqlite3*` handle and closes it in `deinit`.
final class SQLiteConnection {
    let handle: OpaquePointer
    /// Prepared statements by SQL text, kept for the connection's life: a batch of documents
    /// runs the same few statements thousands of times.
    private var statements: [String: SQLiteStatement] = [:]

    init(path: String, flags: Int32) throws(SQLiteError) {
        var db: OpaquePointer?
        let rc = sqlite3_open_v2(path, &db, flags | SQLITE_OPEN_NOMUTEX, nil)
        guard rc == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open database"
            if let db { sqlite3_close_v2(db) }
            throw SQLiteError(code: rc, message: message)
        }
        handle = db
        sqlite3_extended_result_codes(db, 1)
    }

    deinit {
        statements.removeAll()  // finalize before closing
        sqlite3_close_v2(handle)
    }

    /// A cached prepared statement for `sql`.
    func cachedStatement(_ sql: String) throws(SQLiteError) -> SQLiteStatement {
        if let cached = statements[sql] { return cached }
        let stmt = try prepare(sql)
        statements[sql] = stmt
        return stmt
    }

    func setBusyTimeout(milliseconds: Int32) { sqlite3_busy_timeout(handle, milliseconds) }

    /// Runs SQL that returns no rows (may hold several statements).
    func execute(_ sql: String) throws(SQLiteError) {
        var errmsg: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &errmsg)
        if rc != SQLITE_OK {
            let message = errmsg.map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(handle))
            sqlite3_free(errmsg)
            throw SQLiteError(code: rc, message: message)
        }
    }

    func prepare(_ sql: String) throws(SQLiteError) -> SQLiteStatement {
        var stmt: OpaquePointer?
        let rc = sqlite3_prepare_v2(handle, sql, -1, &stmt, nil)
        guard rc == SQLITE_OK, let stmt else { throw lastError(rc) }
        return SQLiteStatement(stmt, connection: self)
    }

    func lastError(_ rc: Int32) -> SQLiteError {
        SQLiteError(code: rc, message: String(cString: sqlite3_errmsg(handle)))
    }

    var changes: Int { Int(sqlite3_changes(handle)) }
}

/// A value bound to or read from SQL.
enum SQLValue: Equatable {
    case null
    case integer(Int64)
    case text(String)
    case blob([UInt8])
}

/// A prepared statement. Owns the `sqlite3_stmt*` and finalizes it in `deinit`.
final class SQLiteStatement {
    private let stmt: OpaquePointer
    /// Unowned: the connection caches its statements, and finalizes them before it closes.
    private unowned let connection: SQLiteConnection

    init(_ stmt: OpaquePointer, connection: SQLiteConnection) {
        self.stmt = stmt
        self.connection = connection
    }

    deinit { sqlite3_finalize(stmt) }

    /// Ends the statement's current run so that it holds no read snapshot between uses.
    func reset() { sqlite3_reset(stmt) }

    func bind(_ values: [SQLValue]) throws(SQLiteError) {
        sqlite3_reset(stmt)
        sqlite3_clear_bindings(stmt)
        for (i, value) in values.enumerated() {
            let index = Int32(i + 1)
            let rc: Int32
            switch value {
            case .null: rc = sqlite3_bind_null(stmt, index)
            case .integer(let v): rc = sqlite3_bind_int64(stmt, index, v)
            case .text(let s): rc = sqlite3_bind_text(stmt, index, s, -1, folio_sqlite_transient())
            case .blob(let b):
                rc = b.withUnsafeBytes { raw in
                    sqlite3_bind_blob(stmt, index, raw.baseAddress, Int32(raw.count), folio_sqlite_transient())
                }
            }
            if rc != SQLITE_OK { throw connection.lastError(rc) }
        }
    }

    /// Advances one row; false when done.
    func step() throws(SQLiteError) -> Bool {
        let rc = sqlite3_step(stmt)
        if rc == SQLITE_ROW { return true }
        if rc == SQLITE_DONE { return false }
        throw connection.lastError(rc)
    }

    var columnCount: Int { Int(sqlite3_column_count(stmt)) }

    func columnName(_ i: Int) -> String { String(cString: sqlite3_column_name(stmt, Int32(i))) }

    func value(_ i: Int) -> SQLValue {
        let index = Int32(i)
        switch sqlite3_column_type(stmt, index) {
        case SQLITE_NULL: return .null
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(stmt, index))
        case SQLITE_BLOB:
            let count = Int(sqlite3_column_bytes(stmt, index))
            guard count > 0, let base = sqlite3_column_blob(stmt, index) else { return .blob([]) }
            return .blob(Array(UnsafeRawBufferPointer(start: base, count: count)))
        default:
            guard let text = sqlite3_column_text(stmt, index) else { return .null }
            return .text(String(cString: text))
        }
    }
}
