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
    /// Free text someone typed (a name, a label, a buyer, a command line): the one kind of
    /// cell a terminal table may cut to fit (`TableLayout`). Ids, times, codes, amounts and
    /// paths are never cut, since a cut one reads as another.
    let freeText: Bool

    /// A value column (an id, a code, an amount, a path): never cut.
    init(_ header: String, _ value: @escaping (Item) -> String) {
        self.init(header, freeText: false, value)
    }

    /// A free-text column: cut with `…` when a terminal table is too wide.
    init(text header: String, _ value: @escaping (Item) -> String) {
        self.init(header, freeText: true, value)
    }

    init(_ header: String, freeText: Bool, _ value: @escaping (Item) -> String) {
        self.header = header
        self.value = value
        self.time = nil
        self.freeText = freeText
    }

    init(time header: String, _ time: @escaping (Item) -> Timestamp?) {
        self.header = header
        self.value = { time($0)?.rfc3339 ?? "" }
        self.time = time
        self.freeText = false
    }

    private init(header: String, value: @escaping (Item) -> String, time: ((Item) -> Timestamp?)?, freeText: Bool) {
        self.header = header
        self.value = value
        self.time = time
        self.freeText = freeText
    }

    /// The same column (header, time, free text) for a value that holds an `Item`.
    func reading<Outer>(_ part: @escaping (Outer) -> Item) -> Column<Outer> {
        let value = self.value, time = self.time
        return Column<Outer>(header: header, value: { value(part($0)) }, time: time.map { time in { time(part($0)) } },
                             freeText: freeText)
    }
}

import FolioCore

/// How a result type shows itself in every format.
protocol Presentable {
    var id: String { get }
    var json: JSONValue { get }
    static var columns: [Column<Self>] { get }
}
