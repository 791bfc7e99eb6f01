/// SQLite's SQL: every placeholder is `?` (bound by position), the schema is
/// `SQLiteMigrations`, upserts use the `ON CONFLICT` syntax shared with PostgreSQL.
struct SQLiteDialect: SQLDialect {
    var placeholders: PlaceholderStyle { .questionMark }
    var migrations: [String] { SQLiteMigrations.all }
}
