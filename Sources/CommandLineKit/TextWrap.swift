/// Word wrapping for help text. Widths count characters (grapheme clusters). Lines break
/// between words only: a word longer than the line stays whole.
public enum TextWrap {
    /// The width of help that is not shown on a terminal (piped to a file, `less`, a document):
    /// fixed, so that the same help is the same text anywhere, and 80 because that is the
    /// narrowest terminal it is likely to be read on.
    public static let fixedWidth = 80
    /// Help on a terminal is wrapped to its width, but no wider than this (longer lines are
    /// harder to read) and no narrower than `minimumWidth`.
    public static let maximumWidth = 100
    public static let minimumWidth = 20

    /// The width to wrap help at: the terminal's columns (within the bounds above) when it
    /// goes to a terminal, else `fixedWidth`.
    public static func helpWidth(terminalColumns: Int?) -> Int {
        guard let columns = terminalColumns else { return fixedWidth }
        return min(max(columns, minimumWidth), maximumWidth)
    }

    /// Wraps one line of text into lines of at most `width` columns, the first starting after
    /// `firstIndent` columns already used, the rest indented by `indent` spaces. Lines are
    /// returned without the first indent (the caller has written it) but with the others.
    /// A word longer than the line stays whole rather than being cut.
    static func wrap(_ text: String, firstIndent: Int, indent: Int, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        var column = firstIndent
        var lineHasWord = false
        let pad = String(repeating: " ", count: indent)
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let length = word.count
            if lineHasWord, column + 1 + length > width {
                lines.append(line)
                line = pad
                column = indent
                lineHasWord = false
            }
            if lineHasWord {
                line += " "
                column += 1
            }
            line += word
            column += length
            lineHasWord = true
        }
        lines.append(line)
        return lines
    }

    /// Wraps a block of prose at `width`: the author's line breaks are kept (blank lines separate
    /// paragraphs); each line is wrapped on its own, keeping its leading spaces as indentation.
    static func block(_ text: String, indent: Int, width: Int) -> String {
        var out = ""
        let pad = String(repeating: " ", count: indent)
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let leading = rawLine.prefix(while: { $0 == " " }).count
            let content = rawLine.dropFirst(leading)
            if content.trimmingSpaces.isEmpty {
                out += "\n"
                continue
            }
            let lineIndent = indent + leading
            let wrapped = wrap(String(content), firstIndent: lineIndent, indent: lineIndent, width: width)
            out += pad + String(repeating: " ", count: leading) + wrapped.joined(separator: "\n") + "\n"
        }
        return out
    }
}

extension Substring {
    /// The text without trailing spaces and tabs.
    var trimmingSpaces: Substring {
        var end = endIndex
        while end > startIndex {
            let before = index(before: end)
            guard self[before] == " " || self[before] == "\t" else { break }
            end = before
        }
        return self[startIndex..<end]
    }
}
