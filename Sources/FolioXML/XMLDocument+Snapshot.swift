internal import CLibXML2

extension XMLDocument {
    /// A copy of the document element and its subtree as plain values (see `XMLElementSnapshot`).
    public var rootSnapshot: XMLElementSnapshot { XMLDocument.snapshot(root, skipping: nil) }

    /// The same without the elements in namespace `skipped` and their subtrees: a reader of a
    /// signed document's content need not copy its signature (certificate, values, digests).
    public func rootSnapshot(skippingNamespace skipped: String) -> XMLElementSnapshot {
        XMLDocument.snapshot(root, skipping: skipped)
    }

    /// Recursion is bounded: libxml2 refuses documents nested deeper than 256 levels unless told
    /// otherwise (XML_PARSE_HUGE), and `init(bytes:)` does not tell it.
    static func snapshot(_ element: xmlNodePtr, skipping skipped: String?) -> XMLElementSnapshot {
        var attributes: [XMLElementSnapshot.XMLAttribute] = []
        var attribute = element.pointee.properties
        while let a = attribute {
            let name = a.pointee.name.map { String(cString: $0) } ?? ""
            var value = ""
            if let content = xmlNodeGetContent(UnsafeMutableRawPointer(a).assumingMemoryBound(to: xmlNode.self)) {
                value = String(cString: content)
                folio_xmlFree(content)
            }
            attributes.append(XMLElementSnapshot.XMLAttribute(name: name, value: value))
            attribute = a.pointee.next
        }
        var text = ""
        var children: [XMLElementSnapshot] = []
        var child = element.pointee.children
        while let c = child {
            switch c.pointee.type {
            case XML_ELEMENT_NODE:
                if skipped == nil || c.namespaceURI != skipped { children.append(snapshot(c, skipping: skipped)) }
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = c.pointee.content { text += String(cString: content) }
            default: break
            }
            child = c.pointee.next
        }
        return XMLElementSnapshot(name: element.localName, namespaceURI: element.namespaceURI,
                                  attributes: attributes, text: text, children: children)
    }
}
