internal import CSQLite
#if canImport(Glibc)
import Glibc
#endif

/// A failure reported by SQLite, with its primary result code kept so that "busy past the
/// timeout" and "corrupt" can be told apart from bugs. It never leaves the SQLite backend:
/// `folioError` turns it into what the rest of Folio handles.
struct SQLiteError: Error, Sendable, CustomStringConvertible {
    let code: Int32
    let message: String
    /// The `errno` of the system call that failed, when SQLite kept it.
    var systemErrno: Int32 = 0
    /// Whether the file system had no room for the write that failed (asked of the system when
    /// the error was made: SQLite often reports a full disk as a plain I/O error).
    var outOfRoom = false
    var description: String { "SQLite error \(code): \(message)" }

    /// No room to write: the disk (or a quota) is full, or the file may not grow (SIGXFSZ is
    /// ignored, so an exceeded file size limit arrives as EFBIG).
    var isDiskFull: Bool {
        code & 0xff == SQLITE_FULL
            || (code & 0xff == SQLITE_IOERR && ([ENOSPC, EDQUOT, EFBIG].contains(systemErrno) || outOfRoom))
    }

    var isBusy: Bool { code & 0xff == SQLITE_BUSY || code & 0xff == SQLITE_LOCKED }
    var isCorrupt: Bool { code & 0xff == SQLITE_CORRUPT || code & 0xff == SQLITE_NOTADB }

    /// The same failure as a FolioError with the DESIGN §4 code it deserves.
    var folioError: FolioError {
        if isBusy {
            return .storeUnavailable("the store is locked by another process past the timeout",
                                     hint: "retry; if it persists, look for a stuck folio process")
        }
        if isDiskFull {
            return .storeUnavailable("the disk is full: the store could not write (\(message))",
                                     hint: "free some space (or raise the file size limit) and try again; "
                                         + "the write that failed was rolled back")
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
