/// One result row, read by column name. Store code turns rows into domain values.
struct SQLRow {
    let names: [String]
    let values: [SQLValue]

    func value(_ name: String) -> SQLValue {
        guard let i = names.firstIndex(of: name) else { return .null }
        return values[i]
    }

    func string(_ name: String) -> String? {
        switch value(name) {
        case .text(let s): return s
        case .integer(let i): return String(i)
        default: return nil
        }
    }

    /// A NOT NULL text column; empty when the schema was violated, which `store check` reports.
    func text(_ name: String) -> String { string(name) ?? "" }

    func int(_ name: String) -> Int64? {
        if case .integer(let i) = value(name) { return i }
        return nil
    }

    func blob(_ name: String) -> [UInt8]? {
        switch value(name) {
        case .blob(let b): return b
        case .text(let s): return Array(s.utf8)
        default: return nil
        }
    }
}

/// SQL access inside one transaction. Every query of the store goes through here, so SQLite
/// specifics stay in the Store folder.
public final class StoreTransaction {
    let connection: SQLiteConnection

    init(connection: SQLiteConnection) { self.connection = connection }

    private func statement(_ sql: String) throws(FolioError) -> SQLiteStatement {
        do throws(SQLiteError) { return try connection.cachedStatement(sql) } catch { throw error.folioError }
    }

    /// Runs a statement that returns no rows; returns the number of rows changed.
    @discardableResult
    func run(_ sql: String, _ values: [SQLValue] = []) throws(FolioError) -> Int {
        let stmt = try statement(sql)
        do throws(SQLiteError) {
            defer { stmt.reset() }
            try stmt.bind(values)
            while try stmt.step() {}
        } catch { throw error.folioError }
        return connection.changes
    }

    func query(_ sql: String, _ values: [SQLValue] = []) throws(FolioError) -> [SQLRow] {
        let stmt = try statement(sql)
        var rows: [SQLRow] = []
        do throws(SQLiteError) {
            defer { stmt.reset() }
            try stmt.bind(values)
            var names: [String]?
            while try stmt.step() {
                let n = names ?? (0..<stmt.columnCount).map(stmt.columnName)
                names = n
                rows.append(SQLRow(names: n, values: (0..<n.count).map(stmt.value)))
            }
        } catch { throw error.folioError }
        return rows
    }

    func queryOne(_ sql: String, _ values: [SQLValue] = []) throws(FolioError) -> SQLRow? {
        try query(sql, values).first
    }
}

extension SQLValue {
    /// Text, or NULL for nil.
    static func optional(_ s: String?) -> SQLValue { s.map { .text($0) } ?? .null }
}
