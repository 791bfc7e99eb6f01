/// What differs in SQL text between database engines. The typed queries (`TenantSQL.swift`…)
/// are written in the SQL that SQLite and PostgreSQL share (TEXT timestamps in RFC 3339 UTC,
/// TEXT ids, `LIMIT`, `ON CONFLICT`); what they do not share is asked of the dialect:
///
/// - placeholders: SQLite binds `?` by position, PostgreSQL wants `$1…$n`;
/// - upserts (`upsert(_:)`), so that a dialect whose syntax differs overrides one function;
/// - the schema: each dialect carries its own DDL (`migrations`), with its own column types
///   (SQLite's INTEGER/BLOB would be BIGINT/BYTEA in PostgreSQL) and its own index names.
///
/// `SQLiteDialect` is the one implementation; a PostgreSQL backend adds its own next to its
/// connection (see `DatabaseConnection`).
protocol SQLDialect: Sendable {
    /// How a bound value is marked in the SQL text.
    var placeholders: PlaceholderStyle { get }

    /// The schema as forward migrations, oldest first: script `i` takes a database from
    /// version `i` to `i + 1`. Every dialect has `Migrations.latestVersion` of them, version
    /// for version the same tables, columns and constraints.
    var migrations: [String] { get }

    /// The statement for `upsert`.
    func upsert(_ upsert: Upsert) -> SQLQuery
}

extension SQLDialect {
    /// `INSERT … ON CONFLICT (key) DO UPDATE SET column = excluded.column` (or `DO NOTHING`):
    /// the syntax SQLite (3.24+) and PostgreSQL (9.5+) share.
    func upsert(_ upsert: Upsert) -> SQLQuery {
        let columns = upsert.values.map { $0.column.description }.joined(separator: ", ")
        var query = SQLQuery(unsafeRaw: "INSERT INTO \(upsert.table) (\(columns)) VALUES (")
        query.append(.joined(upsert.values.map { pair -> SQLQuery in "\(pair.value)" }, separator: ", "))
        let key = upsert.conflict.map(\.description).joined(separator: ", ")
        if upsert.update.isEmpty {
            query.append(SQLQuery(unsafeRaw: ") ON CONFLICT (\(key)) DO NOTHING"))
        } else {
            let sets = upsert.update.map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
            query.append(SQLQuery(unsafeRaw: ") ON CONFLICT (\(key)) DO UPDATE SET \(sets)"))
        }
        return query
    }
}

/// How a dialect marks bound values in SQL text.
enum PlaceholderStyle: Sendable {
    /// `?` for every value, bound by position (SQLite; `SQLQuery.text` is written this way).
    case questionMark
    /// `$1`, `$2`… (PostgreSQL).
    case dollarNumbered
}

/// An insert that, when a row with the same `conflict` key exists, updates that row's `update`
/// columns to the new values, or (no `update` columns) leaves it alone. Names are `StaticString`
/// so that they can only be literals of the code, never input.
struct Upsert {
    var table: StaticString
    var values: [(column: StaticString, value: SQLValue)]
    var conflict: [StaticString]
    var update: [StaticString] = []
}
