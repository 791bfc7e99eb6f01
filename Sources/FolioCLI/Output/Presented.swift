import FolioCore
import FolioSupport

/// A result in the form every output format renders from: the JSON document, the JSON lines,
/// and the rows of a table. Commands print results through it, and an idempotent command
/// records it (`recorded`), so that a replay prints the first result in the format asked for
/// now — a table on a terminal, JSON in a pipe — exactly as the first call would have.
struct Presented: Sendable, Equatable {
    /// A row of `table`/`csv` output, with the id `-q`/`-o id` prints.
    struct Row: Sendable, Equatable {
        var id: String
        var cells: [Cell]
    }

    /// A cell: text, or a time (relative on a terminal, RFC 3339 otherwise).
    enum Cell: Sendable, Equatable {
        case text(String)
        case time(Timestamp?)
    }

    /// What `-o json` prints: one object, or `{"items": …, "nextCursor": …, "hasMore": …}`.
    var document: JSONValue
    /// What `-o jsonl` prints, one object a line.
    var lines: [JSONValue]
    var headers: [String]
    /// Per column, whether it is free text that a terminal table may cut (`Column.freeText`).
    var freeText: [Bool]
    var rows: [Row]

    /// One resource.
    init<T: Presentable>(one item: T) {
        document = item.json
        lines = [item.json]
        headers = T.columns.map(\.header)
        freeText = T.columns.map(\.freeText)
        rows = [Presented.row(item)]
    }

    /// One page of a list.
    init<T: Presentable>(list items: [T], nextCursor: String?) {
        let objects = items.map(\.json)
        document = .object([JSONMember("items", .array(objects)),
                            JSONMember("nextCursor", nextCursor.map(JSONValue.string) ?? .null),
                            JSONMember("hasMore", .bool(nextCursor != nil))])
        lines = objects
        headers = T.columns.map(\.header)
        freeText = T.columns.map(\.freeText)
        rows = items.map(Presented.row)
    }

    /// A result whose JSON is one object and whose table lists its parts (a promotion: the
    /// tenant with its new keys as JSON; the new keys as rows).
    init<D: Presentable, T: Presentable>(document item: D, rows parts: [T]) {
        document = item.json
        lines = [item.json]
        headers = T.columns.map(\.header)
        freeText = T.columns.map(\.freeText)
        rows = parts.map(Presented.row)
    }

    init(document: JSONValue, lines: [JSONValue], headers: [String], freeText: [Bool] = [], rows: [Row]) {
        self.document = document
        self.lines = lines
        self.headers = headers
        self.freeText = headers.indices.map { $0 < freeText.count && freeText[$0] }
        self.rows = rows
    }

    private static func row<T: Presentable>(_ item: T) -> Row {
        Row(id: item.id, cells: T.columns.map { column in
            if let time = column.time { return .time(time(item)) }
            return .text(column.value(item))
        })
    }
}

extension Presented {
    /// The record an idempotent command keeps: this value as compact JSON. `freeText` lists
    /// the indices of the columns a terminal may cut.
    var recorded: [UInt8] {
        let rows: [JSONValue] = self.rows.map { row in
            .object([JSONMember("id", .string(row.id)),
                     JSONMember("cells", .array(row.cells.map { cell in
                         switch cell {
                         case .text(let text): return .string(text)
                         case .time(let time): return .object([JSONMember("time", time.map { .string($0.rfc3339) } ?? .null)])
                         }
                     }))])
        }
        return JSONValue.object([JSONMember("presented", .int(1)), JSONMember("document", document),
                                 JSONMember("lines", .array(lines)),
                                 JSONMember("headers", .array(headers.map(JSONValue.string))),
                                 JSONMember("freeText", .array(freeText.indices.filter { freeText[$0] }.map { .int($0) })),
                                 JSONMember("rows", .array(rows))]).compactBytes()
    }

    /// A record made by `recorded`; nil for anything else (such as the raw output that folio
    /// 0.1 recorded, which a replay prints as it is). A record made before `freeText` was kept
    /// has no column that may be cut.
    init?(recorded bytes: [UInt8]) {
        guard let value = try? JSONParser.parse(bytes), value["presented"] == .int(1),
              let document = value["document"], case .array(let lines)? = value["lines"],
              case .array(let headerValues)? = value["headers"], case .array(let rowValues)? = value["rows"] else { return nil }
        var rows: [Row] = []
        for rowValue in rowValues {
            guard let id = rowValue["id"]?.stringValue, case .array(let cellValues)? = rowValue["cells"] else { return nil }
            var cells: [Cell] = []
            for cell in cellValues {
                if let text = cell.stringValue {
                    cells.append(.text(text))
                } else if let time = cell["time"] {
                    cells.append(.time(time.stringValue.flatMap(Timestamp.init(rfc3339:))))
                } else {
                    return nil
                }
            }
            rows.append(Row(id: id, cells: cells))
        }
        var freeText = [Bool](repeating: false, count: headerValues.count)
        if case .array(let indices)? = value["freeText"] {
            for case .number(let text) in indices {
                if let index = Int(text), freeText.indices.contains(index) { freeText[index] = true }
            }
        }
        self.init(document: document, lines: lines, headers: headerValues.compactMap(\.stringValue), freeText: freeText,
                  rows: rows)
    }
}
