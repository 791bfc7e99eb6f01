import FolioCore
import FolioSupport

/// One thing shown whole, for a person at a terminal: a title, its facts as label/value lines,
/// then sections (a key's scopes, an issuer's certificate, a document's history). `show`
/// commands print it on a terminal instead of the list row, which is made to be compared
/// line by line with others and leaves most of a thing out; piped output, CSV and JSON keep
/// the row and the object (`DetailView.replaces`).
///
///     Tenant ten_01KB…
///       E-mail     ana@example.com
///       Status     active (verified 2026-11-23T10:20:00Z, 3 hours ago)
///
///     Issuers
///       iss_01KB…  1790011674001  001-001  Matriz
struct DetailView {
    /// A value: text, or a time (shown absolute and relative), or the words for none.
    enum Value {
        case text(String)
        /// A time, or nil shown as `none` (a key never used: "never").
        case time(Timestamp?, none: String)
    }

    /// A labelled value.
    struct Field {
        var label: String
        var value: Value
        init(_ label: String, _ value: Value) {
            self.label = label
            self.value = value
        }
        init(_ label: String, _ text: String) { self.init(label, .text(text)) }
    }

    /// A titled part: label/value lines, or rows of columns (aligned, no header), or `empty`
    /// when it has neither.
    struct Section {
        var title: String
        var fields: [Field] = []
        var rows: [[Value]] = []
        var empty = "none"
    }

    var title: String
    var fields: [Field]
    var sections: [Section] = []

    /// Whether `renderer` shows a detail view instead of what it renders for one item: a table
    /// on a terminal, without `-q`.
    static func replaces(_ renderer: Renderer) -> Bool {
        renderer.format == .table && renderer.terminal && !renderer.quiet
    }

    /// The view as text for a terminal: times relative to `renderer.now`, titles bold when
    /// colour is on, and every value made visible (stored text cannot act on the terminal).
    func render(_ renderer: Renderer) -> [UInt8] {
        var lines = [bold(title, renderer)] + block(fields, renderer)
        for section in sections {
            lines += ["", bold(section.title, renderer)]
            var body = block(section.fields, renderer)
            body += aligned(section.rows.map { $0.map { text($0, renderer) } })
            lines += body.isEmpty ? ["  " + section.empty] : body
        }
        return Array(lines.map { $0 + "\n" }.joined().utf8)
    }

    /// Label/value lines, the values aligned.
    private func block(_ fields: [Field], _ renderer: Renderer) -> [String] {
        aligned(fields.map { [Value.text($0.label), $0.value] }.map { $0.map { text($0, renderer) } })
    }

    /// Rows of cells as indented lines, each column as wide as its widest cell.
    private func aligned(_ rows: [[String]]) -> [String] {
        var widths: [Int] = []
        for row in rows {
            for (i, cell) in row.enumerated() {
                if i == widths.count { widths.append(0) }
                widths[i] = max(widths[i], cell.count)
            }
        }
        return rows.map { row in
            var line = "  "
            for (i, cell) in row.enumerated() {
                line += i == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[i] - cell.count + 2)
            }
            return line
        }
    }

    private func text(_ value: Value, _ renderer: Renderer) -> String {
        switch value {
        case .text(let text):
            // Text stored before FreeTextRule refused control and bidi characters is shown, not
            // obeyed; a line break would break the layout, so it is shown too.
            return text.isEmpty ? "-" : FreeTextRule.visible(text)
        case .time(let time, let none):
            guard let time else { return none }
            return time.rfc3339 + " (" + time.relative(to: renderer.now) + ")"
        }
    }

    private func bold(_ text: String, _ renderer: Renderer) -> String {
        let visible = FreeTextRule.visible(text)
        return renderer.color ? "\u{1B}[1m" + visible + "\u{1B}[0m" : visible
    }
}

/// A result that `show` prints on a terminal as a `DetailView` rather than its list row.
protocol Detailed {
    var detail: DetailView { get }
}
