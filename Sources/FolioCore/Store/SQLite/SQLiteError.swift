internal import CSQLite

/// A failure reported by SQLite, with its primary result code kept so that "busy past the
/// timeout" and "corrupt" can be told apart from bugs. It never leaves the SQLite backend:
/// `folioError` turns it into what the rest of Folio handles.
struct SQLiteError: Error, Sendable, CustomStringConvertible {
    let code: Int32
    let message: String
    var description: String { "SQLite error \(code): \(message)" }

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
                                     remedy: .restoreBackup)
        }
        if code & 0xff == SQLITE_READONLY || code & 0xff == SQLITE_CANTOPEN || code & 0xff == SQLITE_IOERR
            || code & 0xff == SQLITE_PERM {
            return .storeUnavailable("the store cannot be written (\(message))",
                                     hint: "check the permissions of the store directory and its files")
        }
        return .server("database error: \(message)")
    }
}

/// Runs `body`, a SQLite failure becoming the FolioError it deserves.
@inline(__always)
func sqliteCall<T>(_ body: () throws(SQLiteError) -> T) throws(FolioError) -> T {
    do throws(SQLiteError) { return try body() } catch { throw error.folioError }
}
