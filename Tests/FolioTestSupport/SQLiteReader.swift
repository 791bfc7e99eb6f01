import Foundation
import CSQLite

/// Reads (and, for tampering tests, edits) a store's database straight through SQLite's C API,
/// independent of Folio's own store layer. Output is shaped like the sqlite3 shell's default
/// list mode: columns joined by `|`, NULL as nothing, one row a line.
public enum SQLiteReader {
    /// Runs `sql` (one or more statements) on the database at `path`; the rows of every statement.
    public static func query(_ path: String, _ sql: String) throws -> String {
        var db: OpaquePointer?
        guard sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, nil) == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            sqlite3_close(db)
            throw HarnessError(message: "sqlite \(path): \(message)")
        }
        defer { sqlite3_close(db) }
        sqlite3_busy_timeout(db, 10_000)
        var output = ""
        var rest = sql
        while !rest.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            var statement: OpaquePointer?
            var tailOffset = 0
            let prepared = rest.withCString { text -> Int32 in
                var tail: UnsafePointer<CChar>?
                let status = sqlite3_prepare_v2(db, text, -1, &statement, &tail)
                tailOffset = tail.map { $0 - text } ?? strlen(text)
                return status
            }
            guard prepared == SQLITE_OK else { throw HarnessError(message: "sqlite: \(String(cString: sqlite3_errmsg(db)))") }
            rest = String(decoding: Array(rest.utf8).dropFirst(tailOffset), as: UTF8.self)
            guard let statement else { continue }   // only whitespace or a comment
            defer { sqlite3_finalize(statement) }
            while true {
                let step = sqlite3_step(statement)
                if step == SQLITE_DONE { break }
                guard step == SQLITE_ROW else { throw HarnessError(message: "sqlite: \(String(cString: sqlite3_errmsg(db)))") }
                let columns = (0..<sqlite3_column_count(statement)).map { column -> String in
                    guard let text = sqlite3_column_text(statement, column) else { return "" }
                    return String(cString: text)
                }
                output += columns.joined(separator: "|") + "\n"
            }
        }
        return output
    }

    /// Every table's schema and rows in a fixed order, each value `quote()`d: equal dumps mean
    /// an unchanged database (what the sqlite3 shell's `.dump` is used for in these tests).
    public static func dump(_ path: String) throws -> String {
        let tables = try query(path, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
            .split(separator: "\n").map(String.init)
        var dump = try query(path, "SELECT type || ' ' || name || ': ' || ifnull(sql, '') FROM sqlite_schema ORDER BY type, name")
        dump += try query(path, "PRAGMA user_version")
        for table in tables {
            let columns = try query(path, "SELECT name FROM pragma_table_info('\(table)') ORDER BY cid")
                .split(separator: "\n").map { "quote(\"\($0)\")" }
            dump += "-- \(table)\n"
            dump += try query(path, "SELECT \(columns.joined(separator: " || ',' || ")) FROM \"\(table)\" ORDER BY 1")
        }
        return dump
    }
}
