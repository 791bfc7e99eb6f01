/// Breaks text into lines that fit a width in Helvetica: at spaces, and inside a word only when
/// the word alone is wider than the line (a long code or URL). Works on WinAnsi bytes, which
/// are what gets measured and drawn; runs of spaces and line breaks count as one space.
public enum TextWrap {
    public static func lines(_ text: String, width: Double, size: Double, bold: Bool = false) -> [String] {
        wrap(WinAnsi.encode(text), width: width, size: size, bold: bold).map(WinAnsi.decode)
    }

    /// The lines of WinAnsi `bytes`; at least one (empty for empty text).
    public static func wrap(_ bytes: [UInt8], width: Double, size: Double, bold: Bool = false) -> [[UInt8]] {
        let limit = Int(width * 1000 / size)
        let space = HelveticaMetrics.width(32, bold: bold)
        var lines: [[UInt8]] = []
        var current: [UInt8] = []
        var currentWidth = 0
        var start = 0
        while start < bytes.count {
            if bytes[start] == 32 {
                start += 1
                continue
            }
            var end = start, w = 0
            while end < bytes.count, bytes[end] != 32 {
                w += HelveticaMetrics.width(bytes[end], bold: bold)
                end += 1
            }
            if !current.isEmpty, currentWidth + space + w <= limit {
                current.append(32)
                current += bytes[start..<end]
                currentWidth += space + w
                start = end
                continue
            }
            if !current.isEmpty { lines.append(current) }
            // A word wider than the line is cut where it no longer fits.
            while w > limit, end - start > 1 {
                var cut = start, used = 0
                while cut < end {
                    let cw = HelveticaMetrics.width(bytes[cut], bold: bold)
                    if used + cw > limit, cut > start { break }
                    used += cw
                    cut += 1
                }
                lines.append(Array(bytes[start..<cut]))
                w -= used
                start = cut
            }
            current = Array(bytes[start..<end])
            currentWidth = w
            start = end
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        return lines
    }
}
