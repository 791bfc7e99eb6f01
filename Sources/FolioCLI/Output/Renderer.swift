import FolioCore
import FolioSupport

/// Turns results into the bytes of the chosen format. The one place that knows the formats;
/// it writes nothing itself.
struct Renderer {
    var format: OutputFormat
    var quiet: Bool
    /// Whether stdout is a terminal: tables get a header, aligned columns and relative times.
    var terminal: Bool
    /// The terminal's columns, which a table is fitted to (nil: unknown, nothing is cut).
    var width: Int? = nil
    var color: Bool
    var now: Timestamp

    func one<T: Presentable>(_ item: T) -> [UInt8] {
        // The formats that need one part of a result skip making the others (a batch prints
        // thousands of these).
        if quiet || format == .id { return Array((item.id + "\n").utf8) }
        if format == .jsonl { return item.json.compactBytes() + [UInt8(ascii: "\n")] }
        return render(Presented(one: item))
    }

    /// One page of a list, as a whole document (`json` wraps it in items/nextCursor/hasMore).
    func page<T: Presentable>(_ items: [T], nextCursor: String?) -> [UInt8] {
        render(Presented(list: items, nextCursor: nextCursor))
    }

    /// Part of a streamed list (`--all` with jsonl, id, csv, piped table): only the first chunk
    /// carries the CSV header (and a terminal table's).
    func chunk<T: Presentable>(_ items: [T], first: Bool) -> [UInt8] {
        if quiet || format == .id { return Array(items.map { $0.id + "\n" }.joined().utf8) }
        if format == .jsonl { return Array(items.map { $0.json.compactBytes() + [UInt8(ascii: "\n")] }.joined()) }
        return render(Presented(list: items, nextCursor: nil), first: first)
    }

    /// `presented` in this renderer's format; `first` is false for the later chunks of a stream.
    func render(_ presented: Presented, first: Bool = true) -> [UInt8] {
        if quiet || format == .id { return Array(presented.rows.map { $0.id + "\n" }.joined().utf8) }
        switch format {
        case .json: return presented.document.prettyBytes() + [UInt8(ascii: "\n")]
        case .jsonl: return Array(presented.lines.map { $0.compactBytes() + [UInt8(ascii: "\n")] }.joined())
        case .csv: return Array(csv(presented, header: first).utf8)
        case .table, .id: return Array(table(presented, header: terminal && first).utf8)
        }
    }

    /// A table: aligned with a header on a terminal, fitted to its width (`TableLayout`);
    /// tab-separated, no header, nothing cut or made relative when piped (like gh).
    func table(_ presented: Presented, header: Bool) -> String {
        if !terminal {
            return presented.rows.map { row in
                row.cells.map { clean(plain($0)) }.joined(separator: "\t") + "\n"
            }.joined()
        }
        var layout = self.layout(for: presented, header: header)
        return table(presented, header: header, layout: &layout)
    }

    /// The layout of `presented` on this terminal, its header counted when `header`; `textRoom`
    /// for the first part of a table printed in parts (`TableLayout.init`).
    func layout(for presented: Presented, header: Bool, textRoom: Int = 0) -> TableLayout {
        TableLayout(headers: presented.headers, freeText: presented.freeText,
                    rows: presented.rows.map(terminalCells) + (header ? [presented.headers] : []), maxWidth: width,
                    textRoom: textRoom)
    }

    /// The rows of a terminal table in `layout`: a stream printed in parts (a batch, group by
    /// group) lays every part out in the layout of its first, so its columns stay aligned.
    func table(_ presented: Presented, header: Bool, layout: inout TableLayout) -> String {
        var out = ""
        if header, !presented.rows.isEmpty {
            let line = layout.line(presented.headers)
            out += (color ? "\u{1B}[1m" + line + "\u{1B}[0m" : line) + "\n"
        }
        for row in presented.rows { out += layout.line(terminalCells(row)) + "\n" }
        return out
    }

    /// A row's cells as a terminal shows them: relative times, `-` for nothing.
    private func terminalCells(_ row: Presented.Row) -> [String] {
        row.cells.map { cell in
            if case .time(let time) = cell { return time.map { $0.relative(to: now) } ?? "-" }
            // A terminal acts on escape sequences and bidi overrides: text stored before
            // FreeTextRule refused them is shown, not obeyed.
            let v = FreeTextRule.visible(clean(plain(cell)))
            return v.isEmpty ? "-" : v
        }
    }

    /// RFC 4180: CRLF line ends, fields quoted when they hold a comma, quote or line break.
    /// Cells are neutralised against CSV injection (`neutralised`).
    func csv(_ presented: Presented, header: Bool) -> String {
        var out = ""
        if header { out += presented.headers.map { quote($0.lowercased()) }.joined(separator: ",") + "\r\n" }
        for row in presented.rows { out += row.cells.map { quote(neutralised(plain($0))) }.joined(separator: ",") + "\r\n" }
        return out
    }

    /// The characters that make a spreadsheet read a cell as a formula (OWASP, "CSV Injection"):
    /// `=`, `+`, `-`, `@`, and tab and CR, which some spreadsheets skip before looking.
    static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    /// `cell` with a `'` before it when it starts like a formula, so that a tenant named
    /// `=HYPERLINK(…)` is shown as text by the spreadsheet that opens the export instead of
    /// run. No value Folio makes itself starts so (ids, times, amounts, codes); a reader
    /// that wants the name as typed strips the one leading quote from such cells.
    func neutralised(_ cell: String) -> String {
        guard let first = cell.first, Self.formulaStarts.contains(first) else { return cell }
        return "'" + cell
    }

    /// A cell as piped output and CSV show it (times in RFC 3339).
    private func plain(_ cell: Presented.Cell) -> String {
        switch cell {
        case .text(let text): return text
        case .time(let time): return time?.rfc3339 ?? ""
        }
    }

    private func quote(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingAll("\"", with: "\"\"") + "\""
    }

    private func clean(_ s: String) -> String {
        guard s.contains(where: { $0 == "\t" || $0 == "\n" || $0 == "\r" }) else { return s }
        return String(s.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 })
    }
}
