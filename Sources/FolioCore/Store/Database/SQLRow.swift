import FolioSupport

/// One result row, read by column name into typed values. Every accessor checks what it reads:
/// NULL where a value is required, the wrong kind of value, an enum case or timestamp this
/// version cannot parse, all throw `store_unavailable` naming the table, the column and the
/// value, instead of carrying on with a made-up default (a tenant read as `trial`, a time of
/// 1970) that a later write would make permanent.
struct SQLRow {
    /// The table the row comes from, for error messages (the query's caller names it).
    let table: String
    /// The result's column names, shared by every row of one statement.
    let columns: [String]
    let values: [SQLValue]

    func value(_ column: String) throws(FolioError) -> SQLValue {
        guard let index = columns.firstIndex(of: column) else {
            throw .server("a query of \(table) does not return the column \(column)")
        }
        return values[index]
    }

    /// A NOT NULL text column.
    func text(_ column: String) throws(FolioError) -> String {
        guard let text = try optionalText(column) else { throw corrupt(column, .null, expected: "text") }
        return text
    }

    /// A text column that may be NULL.
    func optionalText(_ column: String) throws(FolioError) -> String? {
        switch try value(column) {
        case .null: return nil
        case .text(let text): return text
        case let other: throw corrupt(column, other, expected: "text")
        }
    }

    /// A NOT NULL integer column.
    func integer(_ column: String) throws(FolioError) -> Int64 {
        guard let integer = try optionalInteger(column) else { throw corrupt(column, .null, expected: "an integer") }
        return integer
    }

    func optionalInteger(_ column: String) throws(FolioError) -> Int64? {
        switch try value(column) {
        case .null: return nil
        case .integer(let integer): return integer
        case let other: throw corrupt(column, other, expected: "an integer")
        }
    }

    /// A NOT NULL integer column that fits `Int` and `range`.
    func int(_ column: String, in range: ClosedRange<Int> = Int.min...Int.max) throws(FolioError) -> Int {
        let integer = try integer(column)
        guard let int = Int(exactly: integer), range.contains(int) else {
            throw corrupt(column, .integer(integer), expected: "an integer from \(range.lowerBound) to \(range.upperBound)")
        }
        return int
    }

    /// A NOT NULL 0/1 column.
    func boolean(_ column: String) throws(FolioError) -> Bool {
        switch try integer(column) {
        case 0: return false
        case 1: return true
        case let other: throw corrupt(column, .integer(other), expected: "0 or 1")
        }
    }

    /// A NOT NULL BLOB column.
    func blob(_ column: String) throws(FolioError) -> [UInt8] {
        switch try value(column) {
        case .blob(let bytes): return bytes
        case let other: throw corrupt(column, other, expected: "a BLOB")
        }
    }

    /// A BLOB column that may be NULL.
    func optionalBlob(_ column: String) throws(FolioError) -> [UInt8]? {
        if case .null = try value(column) { return nil }
        return try blob(column)
    }

    /// A NOT NULL RFC 3339 timestamp column.
    func timestamp(_ column: String) throws(FolioError) -> Timestamp {
        guard let time = try optionalTimestamp(column) else { throw corrupt(column, .null, expected: "an RFC 3339 time") }
        return time
    }

    func optionalTimestamp(_ column: String) throws(FolioError) -> Timestamp? {
        guard let text = try optionalText(column) else { return nil }
        guard let time = Timestamp(rfc3339: text) else { throw corrupt(column, .text(text), expected: "an RFC 3339 time") }
        return time
    }

    /// A NOT NULL column holding an enum's raw value.
    func enumeration<E: RawRepresentable & CaseIterable>(_ column: String, _ type: E.Type) throws(FolioError) -> E
        where E.RawValue == String {
        let text = try text(column)
        guard let value = E(rawValue: text) else {
            throw corrupt(column, .text(text), expected: "one of " + E.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return value
    }

    /// A NOT NULL column holding JSON text.
    func json(_ column: String) throws(FolioError) -> JSONValue {
        let text = try text(column)
        do throws(JSONParseError) { return try JSONParser.parse(text) } catch {
            throw corrupt(column, .text(text), expected: "JSON")
        }
    }

    func corrupt(_ column: String, _ found: SQLValue, expected: String) -> FolioError {
        .corruptValue(table: table, column: column, found: found, expected: expected)
    }
}

extension FolioError {
    /// A stored value that this version cannot read. `store_unavailable`: nothing that reads the
    /// row can go on, and the fix is the database's, not the command's.
    static func corruptValue(table: String, column: String, found: SQLValue, expected: String) -> FolioError {
        FolioError(.storeUnavailable,
                   "the database holds a value this version cannot read: "
                       + "\(table).\(column) is \(found.described), expected \(expected)",
                   hint: "restore the database from a backup; if the row was edited by hand, undo the edit",
                   details: [JSONMember("table", .string(table)), JSONMember("column", .string(column))])
    }
}

extension SQLValue {
    /// The value for a message: text quoted and cut at 60 characters, a BLOB by its size only
    /// (its bytes may be a sealed key).
    var described: String {
        switch self {
        case .null: return "NULL"
        case .integer(let integer): return String(integer)
        case .text(let text):
            let cut = text.count > 60 ? String(text.prefix(60)) + "…" : text
            return "'" + cut + "'"
        case .blob(let bytes): return "a BLOB of \(bytes.count) bytes"
        }
    }
}
