import FolioCore
import FolioSupport

/// Turns results into the bytes of the chosen format. The one place that knows the formats;
/// it writes nothing itself, so that a mutation can store its exact output for replay.
struct Renderer {
    var format: OutputFormat
    var quiet: Bool
    /// Whether stdout is a terminal: tables get a header, aligned columns and relative times.
    var terminal: Bool
    var color: Bool
    var now: Timestamp

    func one<T: Presentable>(_ item: T) -> [UInt8] {
        if quiet || format == .id { return Array((item.id + "\n").utf8) }
        switch format {
        case .json: return item.json.prettyBytes() + [UInt8(ascii: "\n")]
        case .jsonl: return item.json.compactBytes() + [UInt8(ascii: "\n")]
        case .csv: return Array(csv([item], header: true).utf8)
        case .table, .id: return Array(table([item], header: terminal).utf8)
        }
    }

    /// One page of a list, as a whole document (`json` wraps it in items/nextCursor/hasMore).
    func page<T: Presentable>(_ items: [T], nextCursor: String?) -> [UInt8] {
        if format == .json && !quiet {
            let doc = JSONValue.object([
                JSONMember("items", .array(items.map(\.json))),
                JSONMember("nextCursor", nextCursor.map(JSONValue.string) ?? .null),
                JSONMember("hasMore", .bool(nextCursor != nil)),
            ])
            return Array((doc.prettyText() + "\n").utf8)
        }
        return chunk(items, first: true)
    }

    /// Part of a streamed list (`--all` with jsonl, id, csv, piped table): only the first chunk
    /// carries the CSV header.
    func chunk<T: Presentable>(_ items: [T], first: Bool) -> [UInt8] {
        if quiet || format == .id { return Array(items.map { $0.id + "\n" }.joined().utf8) }
        switch format {
        case .jsonl: return Array(items.map { $0.json.compactBytes() + [UInt8(ascii: "\n")] }.joined())
        case .csv: return Array(csv(items, header: first).utf8)
        default: return Array(table(items, header: terminal && first).utf8)
        }
    }

    /// A table: aligned with a header on a terminal; tab-separated, no header, nothing
    /// truncated or made relative when piped (like gh).
    func table<T: Presentable>(_ items: [T], header: Bool) -> String {
        let columns = T.columns
        if !terminal {
            return items.map { item in
                columns.map { clean($0.value(item)) }.joined(separator: "\t") + "\n"
            }.joined()
        }
        var rows: [[String]] = items.map { item in
            columns.map { column in
                if let time = column.time { return time(item).map { $0.relative(to: now) } ?? "-" }
                let v = clean(column.value(item))
                return v.isEmpty ? "-" : v
            }
        }
        if header { rows.insert(columns.map(\.header), at: 0) }
        var widths = [Int](repeating: 0, count: columns.count)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        var out = ""
        for (r, row) in rows.enumerated() {
            var line = ""
            for (i, cell) in row.enumerated() {
                let isLast = i == row.count - 1
                let padded = isLast ? cell : cell + String(repeating: " ", count: widths[i] - cell.count + 2)
                line += padded
            }
            if r == 0 && header && color { line = "\u{1B}[1m" + line + "\u{1B}[0m" }
            out += line + "\n"
        }
        return out
    }

    /// RFC 4180: CRLF line ends, fields quoted when they hold a comma, quote or line break.
    func csv<T: Presentable>(_ items: [T], header: Bool) -> String {
        let columns = T.columns
        var out = ""
        if header { out += columns.map { quote($0.header.lowercased()) }.joined(separator: ",") + "\r\n" }
        for item in items { out += columns.map { quote($0.value(item)) }.joined(separator: ",") + "\r\n" }
        return out
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

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for c in self { if c == target { out += replacement } else { out.append(c) } }
        return out
    }
}
