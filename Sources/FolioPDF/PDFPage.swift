/// One page's content stream, drawn in PDF user space (points, origin at the bottom left):
/// text in Helvetica (`/F1`) or Helvetica-Bold (`/F2`), lines and rectangles. Coordinates are
/// written with two decimals, so the same drawing gives the same bytes. Everything is appended
/// as bytes, with no intermediate strings: a RIDE is thousands of numbers.
public struct PDFPage: Sendable {
    public private(set) var content: [UInt8] = []

    public init() {
        content.reserveCapacity(8192)
    }

    /// `text` with its baseline starting at (`x`, `y`).
    public mutating func text(_ text: String, x: Double, y: Double, size: Double, bold: Bool = false) {
        draw(WinAnsi.encode(text), x: x, y: y, size: size, bold: bold)
    }

    /// `text` ending at `right`.
    public mutating func text(_ text: String, right: Double, y: Double, size: Double, bold: Bool = false) {
        self.text(WinAnsi.encode(text), right: right, y: y, size: size, bold: bold)
    }

    /// `text` centred on `center`.
    public mutating func text(_ text: String, center: Double, y: Double, size: Double, bold: Bool = false) {
        let bytes = WinAnsi.encode(text)
        draw(bytes, x: center - HelveticaMetrics.width(bytes, size: size, bold: bold) / 2, y: y, size: size, bold: bold)
    }

    /// WinAnsi `bytes` ending at `right`.
    public mutating func text(_ bytes: [UInt8], right: Double, y: Double, size: Double, bold: Bool = false) {
        draw(bytes, x: right - HelveticaMetrics.width(bytes, size: size, bold: bold), y: y, size: size, bold: bold)
    }

    /// WinAnsi `bytes` with the baseline starting at (`x`, `y`).
    public mutating func draw(_ bytes: [UInt8], x: Double, y: Double, size: Double, bold: Bool = false) {
        guard !bytes.isEmpty else { return }
        append(bold ? "BT /F2 " : "BT /F1 ")
        number(size)
        append(" Tf ")
        number(x)
        space()
        number(y)
        append(" Td ")
        WinAnsi.appendLiteral(bytes, to: &content)
        append(" Tj ET\n")
    }

    /// A filled rectangle in `gray` (0 black, 1 white).
    public mutating func fill(x: Double, y: Double, width: Double, height: Double, gray: Double = 0) {
        number(gray)
        append(" g ")
        rectangle(x, y, width, height)
        append(" f 0 g\n")
    }

    /// A rectangle's outline.
    public mutating func stroke(x: Double, y: Double, width: Double, height: Double, lineWidth: Double = 0.5) {
        number(lineWidth)
        append(" w ")
        rectangle(x, y, width, height)
        append(" S\n")
    }

    /// A straight line.
    public mutating func line(from a: (Double, Double), to b: (Double, Double), lineWidth: Double = 0.5) {
        number(lineWidth)
        append(" w ")
        number(a.0)
        space()
        number(a.1)
        append(" m ")
        number(b.0)
        space()
        number(b.1)
        append(" l S\n")
    }

    /// Bars of a barcode from `widths` in modules (bar first, then alternating), as filled
    /// rectangles from (`x`, `y`), one path filled once.
    public mutating func bars(_ widths: [Int], x: Double, y: Double, module: Double, height: Double) {
        var position = x
        for (index, width) in widths.enumerated() {
            let w = Double(width) * module
            if index % 2 == 0 {
                rectangle(position, y, w, height)
                append("\n")
            }
            position += w
        }
        append("f\n")
    }

    private mutating func rectangle(_ x: Double, _ y: Double, _ width: Double, _ height: Double) {
        number(x)
        space()
        number(y)
        space()
        number(width)
        space()
        number(height)
        append(" re")
    }

    private mutating func append(_ s: StaticString) {
        s.withUTF8Buffer { content.append(contentsOf: $0) }
    }

    private mutating func space() { content.append(32) }

    private mutating func number(_ value: Double) { Self.appendNumber(value, to: &content) }

    /// `value` with at most two decimals, no exponent and no trailing zeros (`12.5`, `-3`, `0.72`).
    static func number(_ value: Double) -> String {
        var bytes: [UInt8] = []
        appendNumber(value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    static func appendNumber(_ value: Double, to out: inout [UInt8]) {
        let hundredths = Int((value * 100).rounded())
        if hundredths < 0 { out.append(UInt8(ascii: "-")) }
        let magnitude = hundredths.magnitude
        appendDigits(magnitude / 100, to: &out)
        let fraction = magnitude % 100
        if fraction != 0 {
            out.append(UInt8(ascii: "."))
            out.append(UInt8(ascii: "0") + UInt8(fraction / 10))
            if fraction % 10 != 0 { out.append(UInt8(ascii: "0") + UInt8(fraction % 10)) }
        }
    }

    static func appendDigits(_ n: UInt, to out: inout [UInt8]) {
        // Coordinates are below 10,000: at most four digits, written from the highest.
        guard n >= 10 else {
            out.append(UInt8(ascii: "0") + UInt8(n))
            return
        }
        var divisor: UInt = 10
        while divisor <= n / 10 { divisor *= 10 }
        var rest = n
        while divisor > 0 {
            out.append(UInt8(ascii: "0") + UInt8(rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }
}
