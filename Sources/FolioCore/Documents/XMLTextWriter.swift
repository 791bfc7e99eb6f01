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
        append(String(repeating: "  ", count: stack.count))
    }

    private mutating func openTag(_ name: String, _ attributes: [(String, String)]) {
        append("<" + name)
        for (key, value) in attributes {
            append(" " + key + "=\"" + XMLTextWriter.escape(value, attribute: true) + "\"")
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
        append("</" + name + ">\n")
    }

    /// `<name>text</name>`.
    mutating func element(_ name: String, _ text: String, _ attributes: [(String, String)] = []) {
        indent()
        openTag(name, attributes)
        append(">" + XMLTextWriter.escape(text, attribute: false) + "</" + name + ">\n")
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
    /// attribute-value normalization would otherwise turn into spaces.
    static func escape(_ s: String, attribute: Bool) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "\t" where attribute: out += "&#9;"
            case "\n" where attribute: out += "&#10;"
            case "\r": out += "&#13;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
