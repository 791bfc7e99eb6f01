internal import CLibXML2

/// A parsed XML document that owns its libxml2 tree (`xmlDocPtr`), freed in `deinit`.
///
/// Parsing never touches the network, never loads an external DTD and never substitutes
/// entities; a document whose DOCTYPE declares entities is refused (signed invoices have
/// none, and entity tricks are a classic way to make a signer and a verifier see different text).
///
/// Not thread-safe for concurrent mutation; `@unchecked Sendable` so a finished document can be
/// handed to another task.
public final class XMLDocument: @unchecked Sendable {
    let doc: xmlDocPtr

    /// Parses UTF-8 (or declared-encoding) XML bytes.
    public init(bytes: [UInt8]) throws(XMLError) {
        LibXML.initialize()
        guard let ctxt = xmlNewParserCtxt() else { throw XMLError("out of memory creating parser") }
        defer { xmlFreeParserCtxt(ctxt) }
        // NOCDATA turns CDATA sections into plain text, which is what C14N outputs anyway.
        let options = Int32(bitPattern: XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue
            | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOCDATA.rawValue)
        let parsed: xmlDocPtr? = bytes.withUnsafeBufferPointer { buf in
            buf.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: buf.count) {
                    xmlCtxtReadMemory(ctxt, $0, Int32(buf.count), nil, nil, options)
                }
            }
        }
        guard let parsed else {
            let error = ctxt.pointee.lastError
            let message = error.message.map { String(cString: $0) } ?? "not well-formed XML"
            throw XMLError(Self.trim(message), line: error.line > 0 ? Int(error.line) : nil)
        }
        if ctxt.pointee.wellFormed == 0 {
            xmlFreeDoc(parsed)
            throw XMLError("not well-formed XML")
        }
        if let subset = parsed.pointee.intSubset,
           subset.pointee.entities != nil || subset.pointee.pentities != nil {
            xmlFreeDoc(parsed)
            throw XMLError("documents that declare entities in a DOCTYPE are not accepted")
        }
        guard xmlDocGetRootElement(parsed) != nil else {
            xmlFreeDoc(parsed)
            throw XMLError("document has no root element")
        }
        doc = parsed
    }

    deinit { xmlFreeDoc(doc) }

    /// The document element.
    var root: xmlNodePtr { xmlDocGetRootElement(doc)! }

    /// The whole document in inclusive Canonical XML 1.0
    /// (http://www.w3.org/TR/2001/REC-xml-c14n-20010315), optionally keeping comments.
    public func canonicalize(withComments: Bool = false) throws(XMLError) -> [UInt8] {
        try canonicalize(C14NSubset(), method: C14NMethod(mode: .inclusive10, withComments: withComments))
    }

    /// The document serialized as UTF-8 with an XML declaration, byte-for-byte as libxml2 writes
    /// the tree (no reformatting, so signed content survives).
    public func serialize() -> [UInt8] {
        var memory: UnsafeMutablePointer<xmlChar>?
        var size: Int32 = 0
        xmlDocDumpMemoryEnc(doc, &memory, &size, "UTF-8")
        guard let memory else { return [] }
        defer { folio_xmlFree(memory) }
        return Array(UnsafeBufferPointer(start: memory, count: Int(size)))
    }

    /// libxml2 messages end with a newline; reports read better without it.
    static func trim(_ message: String) -> String {
        var text = Substring(message)
        while let last = text.last, last == "\n" || last == " " { text = text.dropLast() }
        return String(text)
    }
}

/// libxml2 must be initialized once before threads use it concurrently; a Swift global's
/// initializer runs exactly once, thread-safely. The no-network entity loader also covers what
/// has no per-call option, such as a schema's xsd:import of an http URL.
enum LibXML {
    private static let initialized: Bool = {
        xmlInitParser()
        // Before 2.11, xmlInitParser leaves the built-in XSD types (xs:decimal…) to the first
        // schema parse, which builds them without a lock: two schemas compiled at once on two
        // threads could lose them ("type 'xs:decimal' does not resolve"). Build them here, once.
        xmlSchemaInitTypes()
        xmlSetExternalEntityLoader(xmlNoNetExternalEntityLoader)
        return true
    }()

    static func initialize() { _ = initialized }
}
