import FolioSupport

/// Where a page of documents ends: the sort it was made in, the last document's sort key and
/// its id. The next page seeks past that pair in the sort's index, so a page deep in the list
/// costs what the first one does (no OFFSET), and documents written between pages neither
/// repeat nor go missing. Given out opaque (base64url of `sort|key|id`): nothing outside
/// builds or reads one, and one made in another order is refused rather than misread.
struct DocumentCursor: Equatable {
    var sort: DocumentSort
    /// `YYYY-MM-DD` when sorted by date; cents when by total.
    var key: SQLValue
    var id: String

    init(sort: DocumentSort, key: SQLValue, id: String) {
        self.sort = sort
        self.key = key
        self.id = id
    }

    /// The cursor after `document` in `sort`.
    init(after document: StoredDocument, sort: DocumentSort) {
        self.sort = sort
        id = document.id
        key = sort.byTotal ? .integer(DocumentListColumns(document).totalCents) : .text(document.issueDate)
    }

    var text: String {
        let keyText: String
        switch key {
        case .integer(let cents): keyText = String(cents)
        case .text(let date): keyText = date
        default: keyText = ""
        }
        return Self.base64URL(Array("\(sort.rawValue)|\(keyText)|\(id)".utf8))
    }

    /// Reads a cursor that `text` made for a list in `sort`; fails naming what to do about it.
    init(parsing text: String, for sort: DocumentSort) throws(FolioError) {
        let foreign = FolioError.validation("the cursor '\(text)' is not one this command gave out", field: "cursor",
                                            remedy: .restartList(sortedBy: nil))
        guard text.utf8.count <= 200, let bytes = Self.bytes(base64URL: text), let decoded = String(validating: bytes, as: UTF8.self)
        else { throw foreign }
        let parts = decoded.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3, let made = DocumentSort(rawValue: parts[0]), ULID.isValid(parts[2], prefix: .document)
        else { throw foreign }
        guard made == sort else {
            throw .validation("the cursor '\(text)' continues a list sorted by \(made.rawValue), not by \(sort.rawValue)",
                              field: "cursor", remedy: .restartList(sortedBy: made.rawValue))
        }
        if made.byTotal {
            guard let cents = Int64(parts[1]), cents >= 0 else { throw foreign }
            key = .integer(cents)
        } else {
            guard CalendarDate(iso: parts[1]) != nil else { throw foreign }
            key = .text(parts[1])
        }
        self.sort = made
        id = parts[2]
    }

    /// Base64url without padding (RFC 4648 §5): a cursor is pasted into command lines and URLs.
    private static func base64URL(_ bytes: [UInt8]) -> String {
        String(Base64.encode(bytes).compactMap { (c: Character) -> Character? in
            c == "+" ? "-" : c == "/" ? "_" : c == "=" ? nil : c
        })
    }

    private static func bytes(base64URL text: String) -> [UInt8]? {
        guard text.utf8.allSatisfy({ $0 != UInt8(ascii: "+") && $0 != UInt8(ascii: "/") && $0 != UInt8(ascii: "=") })
        else { return nil }
        let standard = String(text.map { (c: Character) -> Character in c == "-" ? "+" : c == "_" ? "/" : c })
        return Base64.decode(standard + String(repeating: "=", count: (4 - text.utf8.count % 4) % 4))
    }
}

/// SQL of the documents list: filters that indexes of migration 6 serve, ordered by the sort's
/// key and id, and paged by seeking past the cursor's pair.
extension StoreTransaction {
    func documents(_ query: DocumentListQuery, after cursor: DocumentCursor?, limit: Int?) throws(FolioError) -> Page<StoredDocument> {
        let rows = try fetchAll(Self.documentList(query, after: cursor, limit: limit.map { $0 + 1 }), table: "documents",
                                StoredDocument.init(row:))
        return Page(items: rows, limit: limit) { DocumentCursor(after: $0, sort: query.sort).text }
    }

    /// The statement of one page. Each filter is a column comparison the indexes can serve:
    /// `(tenant_id | issuer_id | buyer_identification, issue_date | total_cents, id)`, or the
    /// sort's own `(issue_date | total_cents, id)` when no such equality is given; then the
    /// rows come in the index's order, the cursor's pair is where the seek starts, and LIMIT
    /// stops the read (no sort of the matches: see `DocumentListQueryTests`).
    static func documentList(_ q: DocumentListQuery, after cursor: DocumentCursor?, limit: Int?,
                             columns: SQLQuery = StoreTransaction.documentColumns) -> SQLQuery {
        var conditions: [SQLQuery] = []
        if let id = q.tenantId { conditions.append("tenant_id = \(id)") }
        if let id = q.issuerId { conditions.append("issuer_id = \(id)") }
        if let type = q.documentType { conditions.append("document_type = \(type)") }
        if let status = q.status { conditions.append("status = \(status.rawValue)") }
        if let buyer = q.buyerIdentification { conditions.append("buyer_identification = \(buyer)") }
        if let name = q.buyerNameFolded {
            // Both sides folded already, so LIKE's case rules play no part; `%`, `_`, `\` escaped.
            conditions.append("buyer_name_folded LIKE \(LikePattern.containing(name)) ESCAPE '\\'")
        }
        if let prefix = q.accessKeyPrefix {
            // A range, not LIKE: the access key's unique index serves it (see `PrefixRange`).
            let range = PrefixRange(prefix)
            conditions.append("access_key >= \(range.lower) AND access_key < \(range.upperBound)")
        }
        // The other order's column is compared as an expression, which no index serves: else the
        // planner may read a date range and sort it when the order is by total (or the reverse)
        // on one page and seek the sort's index on the next, and pages would cost unlike amounts.
        let dates = SortBounds(lower: q.from.map(SQLValue.text), upper: q.to.map(SQLValue.text))
        let totals = SortBounds(lower: q.minCents.map(SQLValue.integer), upper: q.maxCents.map(SQLValue.integer))
        let column: SQLQuery
        let bounds: SortBounds
        if q.sort.byTotal {
            column = "total_cents"
            bounds = totals
            conditions += dates.conditions(on: "(issue_date || '')")
        } else {
            column = "issue_date"
            bounds = dates
            conditions += totals.conditions(on: "(total_cents + 0)")
        }
        conditions += bounds.conditions(on: column, after: cursor, descending: q.sort.descending)
        var query = columns
        if !conditions.isEmpty { query.append(" WHERE \(SQLQuery.joined(conditions, separator: " AND "))") }
        query.append(q.sort.descending ? " ORDER BY \(column) DESC, id DESC" : " ORDER BY \(column), id")
        if let limit { query.append(" LIMIT \(limit)") }
        return query
    }

    /// Writes the list columns of every document (migration 6 adds them empty), a thousand at
    /// a time in id order, so that a large store's summaries are never all in memory at once.
    func fillDocumentListColumns() throws(FolioError) {
        var after = ""
        while true {
            let batch = try fetchAll("""
                SELECT id, total, summary FROM documents WHERE id > \(after) ORDER BY id LIMIT 1000
                """, table: "documents") { row throws(FolioError) in
                (id: try row.text("id"), columns: DocumentListColumns(total: try row.text("total"), summary: try row.json("summary")))
            }
            guard let last = batch.last else { return }
            for row in batch {
                try run("""
                    UPDATE documents SET total_cents = \(row.columns.totalCents),
                        buyer_identification = \(row.columns.buyerIdentification),
                        buyer_name_folded = \(row.columns.buyerNameFolded) WHERE id = \(row.id)
                    """)
            }
            after = last.id
        }
    }
}

/// Inclusive bounds on a column (a date or total range), and the conditions they make.
private struct SortBounds {
    var lower: SQLValue?
    var upper: SQLValue?

    func conditions(on column: SQLQuery) -> [SQLQuery] {
        var conditions: [SQLQuery] = []
        if let lower { conditions.append("\(column) >= \(lower)") }
        if let upper { conditions.append("\(column) <= \(upper)") }
        return conditions
    }

    /// The conditions on the sort's own column, with the cursor. On the side the list moves
    /// towards, the cursor's row value and the range's bound would both be lower (or upper)
    /// bounds, and SQLite seeks on only one of them, filtering by the other: a seek from the
    /// range's start would read every row before the cursor again on each page. One of the two
    /// always implies the other (past a cursor inside the range, the range's start holds; a
    /// cursor before the range is passed by every row of it), so only the tighter one is kept.
    func conditions(on column: SQLQuery, after cursor: DocumentCursor?, descending: Bool) -> [SQLQuery] {
        guard let cursor else { return conditions(on: column) }
        let past: SQLQuery = descending ? "(\(column), id) < (\(cursor.key), \(cursor.id))"
                                        : "(\(column), id) > (\(cursor.key), \(cursor.id))"
        var kept = self
        if descending {
            if let upper, !cursor.key.isBefore(upper) && cursor.key != upper { return conditions(on: column) }
            kept.upper = nil
        } else {
            if let lower, cursor.key.isBefore(lower) { return conditions(on: column) }
            kept.lower = nil
        }
        return kept.conditions(on: column) + [past]
    }
}

extension SQLValue {
    /// Order of two keys of one kind (dates as text, cents as integers).
    func isBefore(_ other: SQLValue) -> Bool {
        switch (self, other) {
        case (.integer(let a), .integer(let b)): return a < b
        case (.text(let a), .text(let b)): return Array(a.utf8).lexicographicallyPrecedes(Array(b.utf8))
        default: return false
        }
    }
}

/// A LIKE pattern for text that holds `text`, LIKE's own characters (`%`, `_` and the escape
/// `\`) escaped; used with `ESCAPE '\'`.
enum LikePattern {
    static func containing(_ text: String) -> String {
        var pattern = "%"
        for character in text {
            if character == "%" || character == "_" || character == "\\" { pattern.append("\\") }
            pattern.append(character)
        }
        return pattern + "%"
    }
}
