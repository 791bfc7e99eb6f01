/// An element in canonical form (inclusive C14N 1.0, no comments) with nothing around it that
/// could change that form: its bytes are what a verifier computes for it, so they can be
/// digested as they are. Made only by `CanonicalXMLWriter`, or by the signer from libxml2's C14N.
public struct CanonicalXML: Sendable, Equatable {
    /// The canonical bytes of the element: `<name …>…</name>`.
    public let bytes: [UInt8]
    /// The root element's `id` attribute, which the enveloped reference points at.
    let rootID: String?
    /// Namespaces the root element declares, every part of a signature inside it inherits them;
    /// each URI as canonical attribute text (escaped), exactly as the root's start tag has it.
    let rootNamespaces: [(prefix: String, uri: String)]

    init(bytes: [UInt8], rootID: String?, rootNamespaces: [(prefix: String, uri: String)]) {
        self.bytes = bytes
        self.rootID = rootID
        self.rootNamespaces = rootNamespaces
    }

    /// The bytes determine the rest (id and declarations are read from the root's start tag).
    public static func == (a: CanonicalXML, b: CanonicalXML) -> Bool { a.bytes == b.bytes }

    /// A standalone document: the XML declaration, the element, a final newline.
    public var document: [UInt8] { Self.declaration + bytes + [UInt8(ascii: "\n")] }

    static let declaration = Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n".utf8)

    /// The namespace declarations of the root's start tag in canonical bytes, values as written
    /// there. Taken from the bytes rather than libxml2's tree, which keeps a URI's character
    /// references unexpanded (`&#38;`), so the tree's text is not what C14N writes.
    static func rootNamespaceDeclarations(in bytes: [UInt8]) -> [(prefix: String, uri: String)] {
        var declarations: [(prefix: String, uri: String)] = []
        var i = 1
        while i < bytes.count, bytes[i] != UInt8(ascii: " "), bytes[i] != UInt8(ascii: ">") { i += 1 }  // the name
        // Canonical attributes: ` name="value"`, `"` inside a value is always `&quot;`.
        while i < bytes.count, bytes[i] == UInt8(ascii: " ") {
            let nameStart = i + 1
            guard let equals = bytes[nameStart...].firstIndex(of: UInt8(ascii: "=")),
                  let close = bytes[(equals + 2)...].firstIndex(of: UInt8(ascii: "\"")) else { break }
            let name = String(decoding: bytes[nameStart..<equals], as: UTF8.self)
            let value = String(decoding: bytes[(equals + 2)..<close], as: UTF8.self)
            if name == "xmlns" { declarations.append(("", value)) }
            else if name.hasPrefix("xmlns:") { declarations.append((String(name.dropFirst(6)), value)) }
            i = close + 1
        }
        return declarations
    }

    /// Where the root's end tag starts: the last `<` (a `<` in text or attributes is escaped).
    var rootEndTagStart: Int { bytes.lastIndex(of: UInt8(ascii: "<")) ?? bytes.count }
}
