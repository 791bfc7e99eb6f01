/// One page's content stream, drawn in PDF user space (points, origin at the bottom left):
/// text in Helvetica (`/F1`) or Helvetica-Bold (`/F2`), lines and rectangles. Coordinates are
/// written with two decimals, so the same drawing gives the same bytes.
public struct PDFPage: Sendable {
    public private(set) var content: [UInt8] = []

    public init() {}

    /// `text` with its baseline starting at (`x`, `y`).
    public mutating func text(_ text: String, x: Double, y: Double, size: Double, bold: Bool = false) {
        draw(WinAnsi.encode(text), x: x, y: y, size: size, bold: bold)
    }

    /// `text` ending at `right`.
    public mutating func text(_ text: String, right: Double, y: Double, size: Double, bold: Bool = false) {
        let bytes = WinAnsi.encode(text)
        draw(bytes, x: right - HelveticaMetrics.width(bytes, size: size, bold: bold), y: y, size: size, bold: bold)
    }

    /// `text` centred on `center`.
    public mutating func text(_ text: String, center: Double, y: Double, size: Double, bold: Bool = false) {
        let bytes = WinAnsi.encode(text)
        draw(bytes, x: center - HelveticaMetrics.width(bytes, size: size, bold: bold) / 2, y: y, size: size, bold: bold)
    }

    mutating func draw(_ bytes: [UInt8], x: Double, y: Double, size: Double, bold: Bool) {
        guard !bytes.isEmpty else { return }
        append("BT /\(bold ? "F2" : "F1") \(Self.number(size)) Tf \(Self.number(x)) \(Self.number(y)) Td ")
        content += WinAnsi.literal(bytes)
        append(" Tj ET\n")
    }

    /// A filled rectangle in `gray` (0 black, 1 white).
    public mutating func fill(x: Double, y: Double, width: Double, height: Double, gray: Double = 0) {
        append("\(Self.number(gray)) g \(Self.number(x)) \(Self.number(y)) \(Self.number(width)) \(Self.number(height)) re f 0 g\n")
    }

    /// A rectangle's outline.
    public mutating func stroke(x: Double, y: Double, width: Double, height: Double, lineWidth: Double = 0.5) {
        append("\(Self.number(lineWidth)) w \(Self.number(x)) \(Self.number(y)) \(Self.number(width)) \(Self.number(height)) re S\n")
    }

    /// A straight line.
    public mutating func line(from a: (Double, Double), to b: (Double, Double), lineWidth: Double = 0.5) {
        append("\(Self.number(lineWidth)) w \(Self.number(a.0)) \(Self.number(a.1)) m \(Self.number(b.0)) \(Self.number(b.1)) l S\n")
    }

    /// Bars of a barcode from `widths` in modules (bar first, then alternating), as filled
    /// rectangles from (`x`, `y`), one path filled once.
    public mutating func bars(_ widths: [Int], x: Double, y: Double, module: Double, height: Double) {
        var position = x
        for (index, width) in widths.enumerated() {
            let w = Double(width) * module
            if index % 2 == 0 {
                append("\(Self.number(position)) \(Self.number(y)) \(Self.number(w)) \(Self.number(height)) re\n")
            }
            position += w
        }
        append("f\n")
    }

    private mutating func append(_ s: String) { content += s.utf8 }

    /// `value` with at most two decimals, no exponent and no trailing zeros (`12.5`, `-3`, `0.72`).
    static func number(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let negative = hundredths < 0
        let magnitude = negative ? -hundredths : hundredths
        var text = String(magnitude / 100)
        let fraction = magnitude % 100
        if fraction != 0 {
            text += fraction % 10 == 0 ? "." + String(fraction / 10) : (fraction < 10 ? ".0" : ".") + String(fraction)
        }
        return negative && magnitude != 0 ? "-" + text : text
    }
}
