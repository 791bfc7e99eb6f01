/// The column widths of a table on a terminal, and its rows laid out in them.
///
/// The rule (the one place it is made):
/// - each column is as wide as its widest cell or header, two spaces between columns;
/// - when that is wider than the terminal, free-text columns (names, labels, buyers, commands:
///   `Column(text:)`) give up columns, the widest one first, one column at a time, until the
///   table fits or each is down to `minimumTextWidth` (or its header, if wider); a cut cell
///   ends with `…`;
/// - ids, times, codes, amounts and paths are never cut: when they alone are wider than the
///   terminal, the row is as long as they make it (the terminal wraps it; cutting an id
///   would show a wrong one);
/// - a cell never breaks onto a second line.
/// Piped output never gets here: it is tab-separated and whole.
struct TableLayout: Equatable {
    /// A free-text column is never cut narrower than this (a name cut to three letters says nothing).
    static let minimumTextWidth = 10
    static let gap = 2

    /// Each column's width in terminal columns.
    private(set) var widths: [Int]
    /// Which columns may be cut.
    let freeText: [Bool]

    /// The layout of `rows` (the header among them, if shown) under `headers`, fitted to
    /// `maxWidth` columns (nil: no limit, as when the width is unknown). `textRoom`: for a
    /// table printed in parts whose later rows are not known yet, free-text columns narrower
    /// than this take the room the terminal has spare, up to it, so that a longer name later
    /// is not cut to the width of the first part's shortest.
    init(headers: [String], freeText: [Bool], rows: [[String]], maxWidth: Int?, textRoom: Int = 0) {
        var widths = headers.map(DisplayWidth.of)
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], DisplayWidth.of(cell))
            }
        }
        let cuttable = headers.indices.map { $0 < freeText.count && freeText[$0] }
        if let maxWidth {
            let floors = headers.indices.map { max(Self.minimumTextWidth, DisplayWidth.of(headers[$0])) }
            var excess = Self.total(widths) - maxWidth
            // One column at a time from the widest: a long name gives way before a short label.
            while excess > 0 {
                let candidates = widths.indices.filter { cuttable[$0] && widths[$0] > floors[$0] }
                guard let widest = candidates.max(by: { widths[$0] < widths[$1] }) else { break }
                let next = candidates.filter { $0 != widest }.map { widths[$0] }.max() ?? 0
                // Down to the next widest (so that they then shrink together), its floor, or the
                // fit, whichever comes first; by one column when two are equally wide.
                let target = max(floors[widest], next, widths[widest] - excess)
                let cut = max(widths[widest] - target, 1)
                widths[widest] -= cut
                excess -= cut
            }
            var spare = maxWidth - Self.total(widths)
            for index in widths.indices where cuttable[index] && spare > 0 && widths[index] < textRoom {
                let grow = min(textRoom - widths[index], spare)
                widths[index] += grow
                spare -= grow
            }
        }
        self.widths = widths
        self.freeText = cuttable
    }

    /// The width of a table whose columns are `widths` wide.
    static func total(_ widths: [Int]) -> Int {
        widths.reduce(0, +) + gap * max(widths.count - 1, 0)
    }

    /// One row: free-text cells cut to their column, every cell but the last padded to its
    /// column. A value wider than its column (a later group of a streamed table holding a
    /// longer total than the first) is written whole, and the column widens for the rows after.
    mutating func line(_ cells: [String]) -> String {
        var line = ""
        for (index, cell) in cells.enumerated() {
            var text = cell
            if index < widths.count {
                if freeText[index] {
                    text = DisplayWidth.truncated(cell, to: widths[index])
                } else {
                    widths[index] = max(widths[index], DisplayWidth.of(cell))
                }
            }
            let isLast = index == cells.count - 1
            line += isLast ? text : DisplayWidth.padded(text, to: index < widths.count ? widths[index] : 0)
                + String(repeating: " ", count: Self.gap)
        }
        return line
    }
}
