/// Prepared statements by SQL text, so that a batch of documents prepares the few statements
/// it runs thousands of times once. Bounded, least recently used out first: statements are
/// keyed by text and no value is ever in the text (`SQLQuery`), so the set is small, but a
/// long-running process must not grow without limit if a caller ever builds texts freely.
final class SQLiteStatementCache {
    let capacity: Int
    private var statements: [String: SQLiteStatement] = [:]
    private var clock: UInt64 = 0

    init(capacity: Int) { self.capacity = capacity }

    var count: Int { statements.count }

    /// A statement for `sql` that nobody is stepping through: the cached one, else one that
    /// `prepare` makes. While the cached one is in use (a row callback running a query of the
    /// same text), the new one is not cached and is finalized after its use.
    func checkOut(_ sql: String, prepare: () throws(SQLiteError) -> SQLiteStatement) throws(SQLiteError) -> SQLiteStatement {
        clock += 1
        if let cached = statements[sql], !cached.inUse {
            cached.inUse = true
            cached.lastUse = clock
            return cached
        }
        let statement = try prepare()
        statement.inUse = true
        statement.lastUse = clock
        if statements[sql] == nil {
            if statements.count >= capacity { evictLeastRecentlyUsed() }
            statements[sql] = statement
        }
        return statement
    }

    /// Gives `statement` back, reset.
    func checkIn(_ statement: SQLiteStatement) {
        statement.reset()
        statement.inUse = false
    }

    func removeAll() { statements.removeAll() }

    /// A linear scan, but only on a miss with a full cache, which steady use never reaches.
    private func evictLeastRecentlyUsed() {
        var oldest: (sql: String, lastUse: UInt64)?
        for (sql, statement) in statements where !statement.inUse && statement.lastUse < (oldest?.lastUse ?? .max) {
            oldest = (sql, statement.lastUse)
        }
        if let oldest { statements[oldest.sql] = nil }
    }
}
