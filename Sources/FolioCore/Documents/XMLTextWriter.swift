/// A tiny XML writer that escapes every text and attribute value it is given, so no input can
/// change the document's structure. Indents with two spaces, one element per line.
struct XMLTextWriter {
    private(set) var bytes: [UInt8] = []
    private var stack: [String] = []

    init(declaration: Bool = true) {
        if declaration { append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n") }
    }

    private mutating func append(_ s: String) { bytes.append(contentsOf: s.utf8) }

    private mutating func indent() {
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * stack.count))
    }

    private mutating func openTag(_ name: String, _ attributes: [(String, String)]) {
        bytes.append(UInt8(ascii: "<"))
        append(name)
        for (key, value) in attributes {
            bytes.append(UInt8(ascii: " "))
            append(key)
            append("=\"")
            XMLTextWriter.escape(value, attribute: true, into: &bytes)
            bytes.append(UInt8(ascii: "\""))
        }
    }

    /// `<name attr="…">` on its own line; children follow until `close()`.
    mutating func open(_ name: String, _ attributes: [(String, String)] = []) {
        indent()
        openTag(name, attributes)
        append(">\n")
        stack.append(name)
    }

    mutating func close() {
        let name = stack.removeLast()
        indent()
        append("</")
        append(name)
        append(">\n")
    }

    /// `<name>text</name>`.
    mutating func element(_ name: String, _ text: String, _ attributes: [(String, String)] = []) {
        indent()
        openTag(name, attributes)
        bytes.append(UInt8(ascii: ">"))
        XMLTextWriter.escape(text, attribute: false, into: &bytes)
        append("</")
        append(name)
        append(">\n")
    }

    /// `<name>text</name>` when `text` is present, nothing otherwise.
    mutating func element(_ name: String, optional text: String?) {
        if let text { element(name, text) }
    }

    /// `<name attr="…"/>`.
    mutating func empty(_ name: String, _ attributes: [(String, String)]) {
        indent()
        openTag(name, attributes)
        append("/>\n")
    }

    /// Escapes `&`, `<`, `>` and, in attributes, `"` and the whitespace characters that
    /// attribute-value normalization would otherwise turn into spaces. Works on UTF-8 bytes
    /// (every byte of a multi-byte sequence is ≥ 0x80, so none is mistaken for markup).
    static func escape(_ s: String, attribute: Bool, into out: inout [UInt8]) {
        for byte in s.utf8 {
            switch byte {
            case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\"") where attribute: out.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "\t") where attribute: out.append(contentsOf: "&#9;".utf8)
            case UInt8(ascii: "\n") where attribute: out.append(contentsOf: "&#10;".utf8)
            case UInt8(ascii: "\r"): out.append(contentsOf: "&#13;".utf8)
            default: out.append(byte)
            }
        }
    }
}
