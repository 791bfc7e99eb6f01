/// A statement as literal SQL and bound values, kept apart until a backend renders it:
///
///     let query: SQLQuery = "SELECT * FROM tenants WHERE status = \(status) ORDER BY id LIMIT \(limit)"
///
/// Every interpolated value (`SQLBindable`: strings, integers, booleans, bytes, timestamps,
/// stored enums; an optional binds NULL when nil) becomes a placeholder, so no value is ever
/// part of the SQL text. That closes injection, and it keeps the text of a statement the same
/// whatever its values, which is what a statement cache is keyed by (a `LIMIT 50` spliced into
/// the text would be one cached statement per limit ever asked for).
///
/// The SQL between values comes from string literals in the source. `SQLQuery(unsafeRaw:)`
/// and `\(identifier:)` are the two ways to put run-time text into the SQL; see each.
struct SQLQuery: Equatable, Sendable, ExpressibleByStringInterpolation {
    /// The literal SQL before, between and after the values: one more than `values`.
    private(set) var segments: [String]
    /// The bound values, in the order they appear.
    private(set) var values: [SQLValue]

    init(stringLiteral sql: String) {
        segments = [sql]
        values = []
    }

    init(stringInterpolation: StringInterpolation) {
        segments = stringInterpolation.segments
        values = stringInterpolation.values
    }

    /// SQL text made at run time, taken as is. Only for text that holds no input: a dialect's
    /// generated fragments (`Upsert`), or a constant of the code. Values go in as
    /// interpolations, names of tables and columns as `\(identifier:)`.
    init(unsafeRaw sql: String) {
        self.init(stringLiteral: sql)
    }

    var isEmpty: Bool { values.isEmpty && segments == [""] }

    /// Appends `other`, its values after this query's (`query.append(" AND tier = \(tier)")`).
    mutating func append(_ other: SQLQuery) {
        segments[segments.count - 1] += other.segments[0]
        segments += other.segments.dropFirst()
        values += other.values
    }

    static func + (lhs: SQLQuery, rhs: SQLQuery) -> SQLQuery {
        var joined = lhs
        joined.append(rhs)
        return joined
    }

    /// `parts` with `separator` between them (`" AND "` for conditions).
    static func joined(_ parts: [SQLQuery], separator: SQLQuery) -> SQLQuery {
        var result: SQLQuery = ""
        for (index, part) in parts.enumerated() {
            if index > 0 { result.append(separator) }
            result.append(part)
        }
        return result
    }

    /// The SQL text with `dialect`'s placeholders; the values bind in `values` order.
    func sql(for dialect: some SQLDialect) -> String {
        if values.isEmpty { return segments[0] }
        var text = segments[0]
        for index in values.indices {
            text += dialect.placeholder(index + 1)
            text += segments[index + 1]
        }
        return text
    }

    struct StringInterpolation: StringInterpolationProtocol {
        fileprivate(set) var segments: [String] = [""]
        fileprivate(set) var values: [SQLValue] = []

        init(literalCapacity: Int, interpolationCount: Int) {
            segments[0].reserveCapacity(literalCapacity)
            values.reserveCapacity(interpolationCount)
        }

        mutating func appendLiteral(_ literal: String) {
            segments[segments.count - 1] += literal
        }

        /// A bound value.
        mutating func appendInterpolation(_ value: some SQLBindable) {
            values.append(value.sqlValue)
            segments.append("")
        }

        /// A bound value, NULL when nil.
        mutating func appendInterpolation<Value: SQLBindable>(_ value: Value?) {
            values.append(value?.sqlValue ?? .null)
            segments.append("")
        }

        /// Another query spliced in, its values with it (`WHERE \(conditions)`).
        mutating func appendInterpolation(_ query: SQLQuery) {
            segments[segments.count - 1] += query.segments[0]
            segments += query.segments.dropFirst()
            values += query.values
        }

        /// The name of a table or column known only at run time, double-quoted (quotes inside
        /// doubled) as both SQLite and PostgreSQL read identifiers: it can name nothing else.
        mutating func appendInterpolation(identifier name: String) {
            segments[segments.count - 1] += "\"" + name.replacing("\"", with: "\"\"") + "\""
        }
    }
}

