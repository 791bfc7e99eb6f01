internal import CSQLite

/// A prepared statement. Owns the `sqlite3_stmt*` and finalizes it in `deinit`.
final class SQLiteStatement {
    private let stmt: OpaquePointer
    /// Unowned: the connection outlives its statements (its cache empties before it closes).
    private unowned let connection: SQLiteConnection
    /// Whether a caller is stepping through it now: the cache hands it to nobody else meanwhile.
    var inUse = false
    /// When it was last handed out, in the cache's ticks (for least-recently-used eviction).
    var lastUse: UInt64 = 0

    init(_ stmt: OpaquePointer, connection: SQLiteConnection) {
        self.stmt = stmt
        self.connection = connection
    }

    deinit { sqlite3_finalize(stmt) }

    /// The result's column names; the same for every run of the statement.
    private(set) lazy var columnNames: [String] = (0..<Int(sqlite3_column_count(stmt))).map {
        String(cString: sqlite3_column_name(stmt, Int32($0)))
    }

    /// Ends the current run, so that the statement holds no read snapshot between uses, and
    /// drops the bound values (which may be secrets).
    func reset() {
        sqlite3_reset(stmt)
        sqlite3_clear_bindings(stmt)
    }

    /// The virtual-machine steps run since the last call (the counter is reset).
    func takeVirtualMachineSteps() -> Int {
        Int(sqlite3_stmt_status(stmt, Int32(SQLITE_STMTSTATUS_VM_STEP), 1))
    }

    func bind(_ values: [SQLValue]) throws(SQLiteError) {
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

    /// The values of the current row.
    func row() -> [SQLValue] {
        (0..<columnNames.count).map(value)
    }

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
