import FolioSupport

/// The output formats of DESIGN §3.
public enum OutputFormat: String, CaseIterable, Sendable {
    case table, json, jsonl, csv, id
}

/// A column of `table` and `csv` output.
struct Column<Item> {
    let header: String
    let value: (Item) -> String
    /// A time column: relative ("3 hours ago") on a terminal, RFC 3339 otherwise.
    let time: ((Item) -> Timestamp?)?

    init(_ header: String, _ value: @escaping (Item) -> String) {
        self.header = header
        self.value = value
        self.time = nil
    }

    init(time header: String, _ time: @escaping (Item) -> Timestamp?) {
        self.header = header
        self.value = { time($0)?.rfc3339 ?? "" }
        self.time = time
    }
}

import FolioCore

/// How a result type shows itself in every format.
protocol Presentable {
    var id: String { get }
    var json: JSONValue { get }
    static var columns: [Column<Self>] { get }
}
