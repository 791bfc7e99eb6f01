internal import CSQLite
import FolioSupport

/// What `store info`, `store check` and `store backup` ask of SQLite.
extension SQLiteConnection {
    var engineVersion: String { String(cString: sqlite3_libversion()) }

    func journalMode() throws(FolioError) -> String {
        try pragmaTexts("PRAGMA journal_mode", column: "journal_mode").first ?? "unknown"
    }

    func databaseBytes() -> Int64 { FileSystem.size(path) ?? 0 }

    func integrityCheck() throws(FolioError) -> [String] {
        try pragmaTexts("PRAGMA integrity_check", column: "integrity_check")
    }

    func tableExists(_ name: String) throws(FolioError) -> Bool {
        var found = false
        try forEachRow("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = \(name)", table: "sqlite_master") { _ in
            found = true
            return false
        }
        return found
    }

    private func pragmaTexts(_ pragma: SQLQuery, column: String) throws(FolioError) -> [String] {
        var texts: [String] = []
        try forEachRow(pragma, table: "pragma") { row throws(FolioError) in
            texts.append(try row.text(column))
            return true
        }
        return texts
    }

    /// Copies the database to a new file at `path` with SQLite's online backup API: a
    /// consistent snapshot even while other processes write. The copy uses the rollback
    /// journal, so that it is one self-contained file.
    func backup(to path: String) throws(FolioError) {
        do throws(SQLiteError) {
            let destination = try SQLiteConnection(path: path, flags: SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
            guard let backup = sqlite3_backup_init(destination.handle, "main", handle, "main") else {
                throw destination.lastError(sqlite3_errcode(destination.handle))
            }
            // One step copies every page under one read transaction: a single consistent snapshot.
            var rc = sqlite3_backup_step(backup, -1)
            while rc == SQLITE_BUSY || rc == SQLITE_LOCKED {
                sqlite3_sleep(50)
                rc = sqlite3_backup_step(backup, -1)
            }
            sqlite3_backup_finish(backup)
            guard rc == SQLITE_DONE else { throw destination.lastError(rc) }
            try destination.execute(script: "PRAGMA journal_mode = DELETE")
        } catch {
            throw FolioError.server("backup failed: \(error.message) — is the destination directory writable?")
        }
    }
}
