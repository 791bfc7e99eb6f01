/// Runs SQL in the transaction open on a connection. `StoreTransaction`, and through it every
/// typed query and service, reaches the database only through this.
protocol SQLExecutor: AnyObject {
    var dialect: any SQLDialect { get }

    /// Runs a statement that returns no rows; the number of rows it changed.
    func execute(_ query: SQLQuery) throws(FolioError) -> Int

    /// Calls `body` with each row of `query` as it is read, holding one row at a time; `body`
    /// returns false to stop early. `table` names the rows' table in decoding errors. `body`
    /// may run other statements (the same one included) on this executor meanwhile.
    func forEachRow(_ query: SQLQuery, table: String, _ body: (SQLRow) throws(FolioError) -> Bool) throws(FolioError)

    /// Holds `resource` until the transaction ends. Only inside a write transaction.
    func lock(_ resource: StoreLock) throws(FolioError)
}

/// Whether a transaction may write.
enum TransactionKind: Sendable {
    /// A consistent snapshot while others write.
    case read
    /// Takes the right to write when it begins, so that concurrent writers queue (up to the
    /// busy timeout) instead of failing when a reader tries to become a writer.
    case write
}

/// One connection to the store's database: transactions, schema and maintenance, plus the
/// `SQLExecutor` that runs statements inside a transaction. Every failure is a `FolioError`
/// with the code it deserves (`store_unavailable` for busy, corrupt, unreadable, unwritable).
///
/// `SQLiteConnection` (Store/SQLite/) is the one backend. A PostgreSQL backend would add
/// Store/PostgreSQL/: a `PostgresConnection` conforming to this over libpq (a `CLibPQ` system
/// module like CSQLite), a `PostgresDialect` (`$n` placeholders, its DDL in `migrations`),
/// and a `StoreLocation.Database.postgres(url)` case that `StoreLocation.connect` opens.
/// Nothing above Store/ changes: services see `StoreTransaction` only.
protocol DatabaseConnection: SQLExecutor {
    // MARK: Transactions. `Store` decides when; the connection only says how.

    func begin(_ kind: TransactionKind) throws(FolioError)
    func commit() throws(FolioError)
    /// Ends the transaction, undoing it. Never fails: a failed rollback leaves nothing to do.
    func rollback()
    /// A nested transaction inside the open one (group commit, dry runs).
    func savepoint(_ name: StaticString) throws(FolioError)
    func release(_ name: StaticString) throws(FolioError)
    func rollback(to name: StaticString)
    /// From now on, for this connection, a COMMIT is on disk when it returns, even against a
    /// power loss (SQLite in WAL mode with `synchronous=NORMAL` may lose the last commits on
    /// power loss, never on a crash): for a commit that files outside the database then follow.
    func makeCommitsDurable() throws(FolioError)

    // MARK: Schema.

    /// How many of the dialect's migrations the database has run; 0 for a new database.
    func schemaVersion() throws(FolioError) -> Int
    /// Runs one migration script (several DDL statements) in the open write transaction.
    func applyMigration(_ script: String) throws(FolioError)
    func setSchemaVersion(_ version: Int) throws(FolioError)

    // MARK: Maintenance (`store info`, `store check`, `store backup`).

    /// The engine and its version, e.g. SQLite's `3.40.1`.
    var engineVersion: String { get }
    /// How the engine journals writes (SQLite: `wal`).
    func journalMode() throws(FolioError) -> String
    /// The size of the database on disk.
    func databaseBytes() -> Int64
    /// The engine's own consistency check: `["ok"]`, or its complaints.
    func integrityCheck() throws(FolioError) -> [String]
    func tableExists(_ name: String) throws(FolioError) -> Bool
    /// Writes a consistent copy of the database to a new file at `path`.
    func backup(to path: String) throws(FolioError)
}
