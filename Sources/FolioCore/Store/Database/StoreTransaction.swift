/// SQL access inside one transaction: what services and the typed queries (`TenantSQL.swift`…)
/// use. It knows no engine: statements are `SQLQuery` values, run by the connection's
/// `SQLExecutor`, and rows come back as `SQLRow`s decoded by the caller.
public final class StoreTransaction {
    let executor: any SQLExecutor

    init(_ executor: any SQLExecutor) { self.executor = executor }

    /// Runs a statement that returns no rows; the number of rows it changed.
    @discardableResult
    func run(_ query: SQLQuery) throws(FolioError) -> Int {
        try executor.execute(query)
    }

    /// Every row of `query`, decoded. For lists of unknown length prefer `forEachRow`.
    func fetchAll<T>(_ query: SQLQuery, table: String,
                     _ decode: (SQLRow) throws(FolioError) -> T) throws(FolioError) -> [T] {
        var items: [T] = []
        try executor.forEachRow(query, table: table) { row throws(FolioError) in
            items.append(try decode(row))
            return true
        }
        return items
    }

    /// The first row of `query`, decoded; the rest are not read.
    func fetchOne<T>(_ query: SQLQuery, table: String,
                     _ decode: (SQLRow) throws(FolioError) -> T) throws(FolioError) -> T? {
        var item: T?
        try executor.forEachRow(query, table: table) { row throws(FolioError) in
            item = try decode(row)
            return false
        }
        return item
    }

    /// Calls `body` with each row of `query` as it is read: memory stays flat however many rows
    /// there are. `body` may run other queries of this transaction.
    func forEachRow(_ query: SQLQuery, table: String, _ body: (SQLRow) throws(FolioError) -> Void) throws(FolioError) {
        try executor.forEachRow(query, table: table) { row throws(FolioError) in
            try body(row)
            return true
        }
    }

    /// Holds `resource` until this transaction ends; see `StoreLock`. Ask before reading what
    /// the lock protects.
    func lock(_ resource: StoreLock) throws(FolioError) {
        try executor.lock(resource)
    }

    /// Inserts a row, or updates (or keeps) the one with the same key, in the dialect's syntax.
    func upsert(_ upsert: Upsert) throws(FolioError) {
        _ = try executor.execute(executor.dialect.upsert(upsert))
    }
}
