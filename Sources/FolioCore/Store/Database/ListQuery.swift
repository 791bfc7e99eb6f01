/// A list read in the order of a unique key, a page at a time (keyset pagination):
///
///     SELECT … FROM … WHERE filters AND key > cursor ORDER BY key LIMIT limit + 1
///
/// (or `key < cursor ORDER BY key DESC` when descending).
/// The extra row only tells that another page exists. Unlike OFFSET, a page deep in the list
/// costs what the first one does (an index seek on the key), and rows written between pages
/// neither repeat nor go missing. Every list of the store (tenants, keys, issuers, documents,
/// audit) is one of these.
struct ListQuery {
    /// `SELECT … FROM …`, without WHERE, ORDER BY or LIMIT.
    let select: SQLQuery
    /// The table the rows come from, for decoding errors.
    let table: String
    /// The unique column the list is ordered and paged by.
    let key: SQLQuery
    /// Newest first: `key < cursor ORDER BY key DESC` (the audit log's default order).
    let descending: Bool
    private(set) var filters: [SQLQuery] = []

    init(_ select: SQLQuery, table: String, key: SQLQuery, descending: Bool = false) {
        self.select = select
        self.table = table
        self.key = key
        self.descending = descending
    }

    /// Keeps only rows matching `condition` (`list.filter("tier = \(tier)")`); filters add up.
    mutating func filter(_ condition: SQLQuery) {
        filters.append(condition)
    }

    /// The statement for the rows after `cursor` (all rows when nil), at most `limit` (nil: no limit).
    func query<Cursor: SQLBindable>(after cursor: Cursor?, limit: Int?) -> SQLQuery {
        var conditions = filters
        if let cursor { conditions.append(descending ? "\(key) < \(cursor)" : "\(key) > \(cursor)") }
        var query = select
        if !conditions.isEmpty { query.append(" WHERE \(SQLQuery.joined(conditions, separator: " AND "))") }
        query.append(descending ? " ORDER BY \(key) DESC" : " ORDER BY \(key)")
        if let limit { query.append(" LIMIT \(limit)") }
        return query
    }
}

extension StoreTransaction {
    /// One page of `list`: at most `limit` items after `cursor` (nil: every item), and the
    /// cursor of the next page when there is one.
    func page<Item, Cursor: SQLBindable>(_ list: ListQuery, after cursor: Cursor?, limit: Int?,
                                         _ decode: (SQLRow) throws(FolioError) -> Item,
                                         cursor cursorOf: (Item) -> String) throws(FolioError) -> Page<Item> {
        let rows = try fetchAll(list.query(after: cursor, limit: limit.map { $0 + 1 }), table: list.table, decode)
        return Page(items: rows, limit: limit, cursor: cursorOf)
    }

    /// Every row of `list`, one at a time, without holding them all (`audit verify` reads the
    /// whole chain this way).
    func forEachRow(_ list: ListQuery, _ body: (SQLRow) throws(FolioError) -> Void) throws(FolioError) {
        try forEachRow(list.query(after: String?.none, limit: nil), table: list.table, body)
    }
}
