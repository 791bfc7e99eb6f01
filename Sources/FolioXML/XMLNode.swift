internal import CLibXML2

/// Small read/write helpers over libxml2 nodes. Nodes are borrowed from an `XMLDocument`, which
/// must outlive every use; these stay internal for that reason.
extension UnsafeMutablePointer where Pointee == xmlNode {
    var isElement: Bool { pointee.type == XML_ELEMENT_NODE }

    /// The local name of an element or attribute.
    var localName: String { pointee.name.map { String(cString: $0) } ?? "" }

    /// The namespace URI of an element, or "" when it has none.
    var namespaceURI: String { pointee.ns?.pointee.href.map { String(cString: $0) } ?? "" }

    /// Whether this is the element `{namespace}name`.
    func isElement(_ name: String, _ namespace: String) -> Bool {
        isElement && localName == name && namespaceURI == namespace
    }

    /// Child elements in document order.
    var childElements: [xmlNodePtr] {
        var result: [xmlNodePtr] = []
        var child = pointee.children
        while let c = child {
            if c.pointee.type == XML_ELEMENT_NODE { result.append(c) }
            child = c.pointee.next
        }
        return result
    }

    /// The first child element `{namespace}name`.
    func child(_ name: String, _ namespace: String) -> xmlNodePtr? {
        var child = pointee.children
        while let c = child {
            if c.isElement(name, namespace) { return c }
            child = c.pointee.next
        }
        return nil
    }

    /// Follows a path of child elements in one namespace.
    func path(_ names: [String], _ namespace: String) -> xmlNodePtr? {
        var node: xmlNodePtr? = self
        for name in names { node = node?.child(name, namespace) }
        return node
    }

    /// The value of a no-namespace attribute, or nil when absent.
    func attribute(_ name: String) -> String? {
        guard let value = xmlGetNoNsProp(self, name) else { return nil }
        defer { folio_xmlFree(value) }
        return String(cString: value)
    }

    /// All text beneath the node, concatenated.
    var textContent: String {
        guard let value = xmlNodeGetContent(self) else { return "" }
        defer { folio_xmlFree(value) }
        return String(cString: value)
    }

    /// Every element of the subtree (self included) in document order.
    func forEachElement(_ body: (xmlNodePtr) -> Void) {
        guard isElement else { return }
        body(self)
        var child = pointee.children
        while let c = child {
            c.forEachElement(body)
            child = c.pointee.next
        }
    }
}
