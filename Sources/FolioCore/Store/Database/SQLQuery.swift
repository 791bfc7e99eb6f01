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
    /// The SQL with a `?` where each value binds: SQLite's own syntax, so that the statement
    /// SQLite runs is built as the query is, with no second pass (a batch of documents runs a
    /// dozen statements per document). Other syntaxes are rendered from it by `sql(for:)`.
    private(set) var text: String
    /// The bound values, in the order of their `?`.
    private(set) var values: [SQLValue]

    init(stringLiteral sql: String) {
        text = sql
        values = []
    }

    init(stringInterpolation: StringInterpolation) {
        text = stringInterpolation.text
        values = stringInterpolation.values
    }

    /// SQL text made at run time, taken as is. Only for text that holds no input: a dialect's
    /// generated fragments (`Upsert`), or a constant of the code. Values go in as
    /// interpolations, names of tables and columns as `\(identifier:)`.
    init(unsafeRaw sql: String) {
        self.init(stringLiteral: sql)
    }

    /// Appends `other`, its values after this query's (`query.append(" AND tier = \(tier)")`).
    mutating func append(_ other: SQLQuery) {
        text += other.text
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

    /// The SQL text in `dialect`'s placeholder syntax; the values bind in `values` order.
    /// Numbered placeholders replace each `?` outside quotes: literal SQL holds no other `?`
    /// (values never are literal SQL, and names are quoted), and Folio's SQL has no comments.
    func sql(for dialect: some SQLDialect) -> String {
        switch dialect.placeholders {
        case .questionMark:
            return text
        case .dollarNumbered:
            var rendered = ""
            rendered.reserveCapacity(text.utf8.count + 2 * values.count)
            var quote: Character?
            var position = 0
            for character in text {
                if let open = quote {
                    if character == open { quote = nil }
                } else if character == "'" || character == "\"" {
                    quote = character
                } else if character == "?" {
                    position += 1
                    rendered += "$\(position)"
                    continue
                }
                rendered.append(character)
            }
            return rendered
        }
    }

    struct StringInterpolation: StringInterpolationProtocol {
        fileprivate(set) var text = ""
        fileprivate(set) var values: [SQLValue] = []

        init(literalCapacity: Int, interpolationCount: Int) {
            text.reserveCapacity(literalCapacity + interpolationCount)
            values.reserveCapacity(interpolationCount)
        }

        mutating func appendLiteral(_ literal: String) {
            text += literal
        }

        /// A bound value.
        mutating func appendInterpolation(_ value: some SQLBindable) {
            values.append(value.sqlValue)
            text += "?"
        }

        /// A bound value, NULL when nil.
        mutating func appendInterpolation<Value: SQLBindable>(_ value: Value?) {
            values.append(value?.sqlValue ?? .null)
            text += "?"
        }

        /// Another query spliced in, its values with it (`WHERE \(conditions)`).
        mutating func appendInterpolation(_ query: SQLQuery) {
            text += query.text
            values += query.values
        }

        /// The name of a table or column known only at run time, double-quoted (quotes inside
        /// doubled) as both SQLite and PostgreSQL read identifiers: it can name nothing else.
        mutating func appendInterpolation(identifier name: String) {
            text += "\"" + name.replacing("\"", with: "\"\"") + "\""
        }
    }
}
