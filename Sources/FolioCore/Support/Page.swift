/// What a list command asked for: `--limit N` (default 50, at most 200), `--cursor C`, or
/// `--all` (limit nil: every row).
public struct PageRequest: Sendable {
    public var limit: Int?
    public var cursor: String?
    public init(limit: Int?, cursor: String?) {
        self.limit = limit
        self.cursor = cursor
    }
    public static let maximumLimit = 200
    public static let defaultLimit = 50
}

/// One page of a list: the items, and the cursor of the next page when there is one.
public struct Page<Item> {
    public var items: [Item]
    public var nextCursor: String?
    public var hasMore: Bool { nextCursor != nil }

    /// Builds a page from up to `limit + 1` fetched rows: the extra row only tells that more exist.
    init(items fetched: [Item], limit: Int?, cursor: (Item) -> String) {
        if let limit, fetched.count > limit {
            items = Array(fetched.prefix(limit))
            nextCursor = items.last.map(cursor)
        } else {
            items = fetched
            nextCursor = nil
        }
    }

    public init(items: [Item], nextCursor: String?) {
        self.items = items
        self.nextCursor = nextCursor
    }
}
