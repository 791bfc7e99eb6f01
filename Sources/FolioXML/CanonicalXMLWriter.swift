/// Writes XML directly in its canonical form (Canonical XML 1.0, inclusive, without comments):
/// no XML declaration, every element as a start/end tag pair, attributes in canonical order,
/// text and attribute values escaped exactly as C14N escapes them. What it writes is at once a
/// well-formed document and the canonical bytes a verifier computes for the element, so a signer
/// can digest it without parsing it back (tests compare it with libxml2's C14N).
///
/// Element and attribute names are static: only values come from input, and every value is
/// escaped, so no input can change the structure. Values must not hold characters XML cannot
/// carry (C0 controls other than tab, newline and carriage return; U+FFFE, U+FFFF), and
/// attribute names must be unqualified (C14N orders qualified ones by namespace URI, and an
/// `xml:` attribute would be inherited by a signature); `finish()` refuses both.
public struct CanonicalXMLWriter {
    private(set) var bytes: [UInt8] = []
    private var stack: [StaticString] = []
    private let indented: Bool
    private var rootID: String?
    private var rootNamespaces: [(prefix: String, uri: String)] = []
    private var invalidCharacter: UInt32?
    private var qualifiedAttribute = false
    private var rootClosed = false
    private var topLevelElements = 0

    /// `indented`: two spaces per level and one element per line, as people read invoices;
    /// the whitespace is text, and canonical form keeps it.
    public init(indented: Bool = false, capacity: Int = 4096) {
        self.indented = indented
        bytes.reserveCapacity(capacity)
    }

    /// `<name a="…">`; children follow until `close()`. Attributes may come in any order.
    public mutating func open(_ name: StaticString, _ attributes: [(StaticString, String)] = []) {
        startTag(name, namespaces: [], attributes)
        if indented { bytes.append(UInt8(ascii: "\n")) }
        stack.append(name)
    }

    /// Closes the innermost open element.
    public mutating func close() {
        let name = stack.removeLast()
        indent()
        endTag(name)
    }

    /// `<name a="…">text</name>`.
    public mutating func element(_ name: StaticString, _ text: String, _ attributes: [(StaticString, String)] = []) {
        startTag(name, namespaces: [], attributes)
        escape(text, attribute: false)
        endTag(name)
    }

    /// `<name>text</name>` when `text` is present, nothing otherwise.
    public mutating func element(_ name: StaticString, optional text: String?) {
        if let text { element(name, text) }
    }

    /// An element without content: `<name a="…"></name>` (canonical form has no empty-element tags).
    public mutating func empty(_ name: StaticString, _ attributes: [(StaticString, String)] = []) {
        startTag(name, namespaces: [], attributes)
        endTag(name)
    }

    /// The finished element. Fails when an element is still open or a value held a character
    /// that XML cannot carry.
    public func finish() throws(XMLError) -> CanonicalXML {
        guard stack.isEmpty, rootClosed else { throw XMLError("the XML writer has unclosed elements") }
        guard topLevelElements == 1 else { throw XMLError("a document has one root element; \(topLevelElements) were written") }
        try checkCharacters()
        return CanonicalXML(bytes: bytes, rootID: rootID, rootNamespaces: rootNamespaces)
    }

    // MARK: - Internal: what the signer needs beyond a plain document

    /// A start tag with namespace declarations (written first, sorted by prefix, the default
    /// namespace first) and attributes (sorted by name; only unqualified attributes are used).
    mutating func open(_ name: StaticString, namespaces: [(prefix: String, uri: String)],
                       _ attributes: [(StaticString, String)] = []) {
        startTag(name, namespaces: namespaces, attributes)
        if indented { bytes.append(UInt8(ascii: "\n")) }
        stack.append(name)
    }

    /// What was written, as content for another element (any number of sibling elements).
    func content() throws(XMLError) -> [UInt8] {
        guard stack.isEmpty else { throw XMLError("the XML writer has unclosed elements") }
        try checkCharacters()
        return bytes
    }

    private func checkCharacters() throws(XMLError) {
        if qualifiedAttribute {
            throw XMLError("attribute names must be unqualified: canonical order and signing assume it")
        }
        guard let invalidCharacter else { return }
        let code = String(invalidCharacter, radix: 16, uppercase: true)
        throw XMLError("a value holds U+\(String(repeating: "0", count: max(0, 4 - code.count)) + code), which XML cannot carry")
    }

    /// Appends bytes that are already canonical XML content.
    mutating func append<C: Collection>(canonical content: C) where C.Element == UInt8 {
        bytes.append(contentsOf: content)
    }

    // MARK: - Writing

    private mutating func indent() {
        guard indented, !stack.isEmpty else { return }
        let width = 2 * stack.count
        if width <= Self.spaces.count { bytes.append(contentsOf: Self.spaces[..<width]) }
        else { bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: width)) }
    }

    private static let spaces = [UInt8](repeating: UInt8(ascii: " "), count: 32)

    private mutating func append(_ name: StaticString) {
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    private mutating func startTag(_ name: StaticString, namespaces: [(prefix: String, uri: String)],
                                   _ attributes: [(StaticString, String)]) {
        indent()
        bytes.append(UInt8(ascii: "<"))
        append(name)
        if !namespaces.isEmpty { writeNamespaces(namespaces) }
        if !attributes.isEmpty { writeAttributes(attributes) }
        bytes.append(UInt8(ascii: ">"))
        if stack.isEmpty {
            topLevelElements += 1
            rootID = attributes.first { $0.0 == "id" }?.1
            rootNamespaces = namespaces
        }
    }

    private mutating func writeNamespaces(_ namespaces: [(prefix: String, uri: String)]) {
        // The URIs are canonical attribute text already (see `CanonicalXML.rootNamespaces`).
        for (prefix, uri) in Self.canonicalOrder(namespaces) {
            bytes.append(contentsOf: " xmlns".utf8)
            if !prefix.isEmpty {
                bytes.append(UInt8(ascii: ":"))
                bytes.append(contentsOf: prefix.utf8)
            }
            bytes.append(UInt8(ascii: "="))
            bytes.append(UInt8(ascii: "\""))
            bytes.append(contentsOf: uri.utf8)
            bytes.append(UInt8(ascii: "\""))
        }
    }

    private mutating func writeAttributes(_ attributes: [(StaticString, String)]) {
        for (key, value) in Self.canonicalOrder(attributes) {
            if key.withUTF8Buffer({ $0.contains(UInt8(ascii: ":")) }) { qualifiedAttribute = true }
            bytes.append(UInt8(ascii: " "))
            append(key)
            bytes.append(UInt8(ascii: "="))
            bytes.append(UInt8(ascii: "\""))
            escape(value, attribute: true)
            bytes.append(UInt8(ascii: "\""))
        }
    }

    private mutating func endTag(_ name: StaticString) {
        bytes.append(UInt8(ascii: "<"))
        bytes.append(UInt8(ascii: "/"))
        append(name)
        bytes.append(UInt8(ascii: ">"))
        if stack.isEmpty { rootClosed = true }
        if indented && !stack.isEmpty { bytes.append(UInt8(ascii: "\n")) }
    }

    /// C14N orders attributes by name (all ours are unqualified, so by local name) and
    /// namespace declarations by prefix; both compare code points, which UTF-8 bytes preserve.
    private static func canonicalOrder(_ attributes: [(StaticString, String)]) -> [(StaticString, String)] {
        guard attributes.count > 1 else { return attributes }
        return attributes.sorted { $0.0 < $1.0 }
    }

    private static func canonicalOrder(_ namespaces: [(prefix: String, uri: String)]) -> [(prefix: String, uri: String)] {
        guard namespaces.count > 1 else { return namespaces }
        return namespaces.sorted { $0.prefix.utf8.lexicographicallyPrecedes($1.prefix.utf8) }
    }

    /// Escapes as C14N does: in text `&`, `<`, `>` and CR; in attribute values `&`, `<`, `"`,
    /// tab, LF and CR (as `&#x9;`, `&#xA;`, `&#xD;`, which a parser reads back unnormalized).
    /// Works on UTF-8 bytes: every byte of a multi-byte sequence is ≥ 0x80, never markup.
    private mutating func escape(_ value: String, attribute: Bool) {
        var value = value
        value.withUTF8 { utf8 in
            var start = 0
            for (i, byte) in utf8.enumerated() where byte < 0x3F || byte == 0xEF {
                let replacement: StaticString
                switch byte {
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">") where !attribute: replacement = "&gt;"
                case UInt8(ascii: "\"") where attribute: replacement = "&quot;"
                case 0x09 where attribute: replacement = "&#x9;"
                case 0x0A where attribute: replacement = "&#xA;"
                case 0x0D: replacement = "&#xD;"
                case 0x09, 0x0A: continue
                case 0xEF:  // U+FFFE and U+FFFF (EF BF BE, EF BF BF) are not XML characters either
                    if i + 2 < utf8.count, utf8[i + 1] == 0xBF, utf8[i + 2] >= 0xBE, invalidCharacter == nil {
                        invalidCharacter = 0xFFFE + UInt32(utf8[i + 2] - 0xBE)
                    }
                    continue
                case 0..<0x20:
                    if invalidCharacter == nil { invalidCharacter = UInt32(byte) }
                    continue
                default: continue
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<i]))
                replacement.withUTF8Buffer { bytes.append(contentsOf: $0) }
                start = i + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
    }
}

extension StaticString {
    /// Byte-wise (so code-point) order and equality of names. `withUTF8Buffer`, not `utf8Start`:
    /// a one-character literal may be stored as a scalar, without a pointer.
    fileprivate static func < (a: StaticString, b: StaticString) -> Bool {
        a.withUTF8Buffer { x in b.withUTF8Buffer { y in x.lexicographicallyPrecedes(y) } }
    }

    fileprivate static func == (a: StaticString, b: StaticString) -> Bool {
        a.withUTF8Buffer { x in b.withUTF8Buffer { y in x.elementsEqual(y) } }
    }
}
