/// Breaks text into lines that fit a width in Helvetica: at spaces, and inside a word only when
/// the word alone is wider than the line (a long code or URL).
public enum TextWrap {
    public static func lines(_ text: String, width: Double, size: Double, bold: Bool = false) -> [String] {
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lines += wrap(String(paragraph), width: width, size: size, bold: bold)
        }
        return lines.isEmpty ? [""] : lines
    }

    static func wrap(_ text: String, width: Double, size: Double, bold: Bool) -> [String] {
        let limit = width * 1000 / size
        func measure(_ s: Substring) -> Double {
            var total = 0
            for byte in WinAnsi.encode(String(s)) { total += HelveticaMetrics.width(byte, bold: bold) }
            return Double(total)
        }
        let space = Double(HelveticaMetrics.width(32, bold: bold))
        var lines: [String] = []
        var current = ""
        var currentWidth = 0.0
        for word in text.split(separator: " ") {
            var word = word
            var w = measure(word)
            if !current.isEmpty, currentWidth + space + w <= limit {
                current += " " + word
                currentWidth += space + w
                continue
            }
            if !current.isEmpty { lines.append(current) }
            // A word wider than the line is cut where it no longer fits.
            while w > limit, word.count > 1 {
                var cut = word.startIndex
                var used = 0.0
                while cut < word.endIndex {
                    let next = word.index(after: cut)
                    let cw = measure(word[cut..<next])
                    if used + cw > limit, cut > word.startIndex { break }
                    used += cw
                    cut = next
                }
                lines.append(String(word[..<cut]))
                word = word[cut...]
                w = measure(word)
            }
            current = String(word)
            currentWidth = w
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        return lines
    }
}
