/// A read-only copy of one element of a parsed document and of everything beneath it: its name,
/// namespace, attributes, own text and child elements.
///
/// libxml2's nodes are borrowed from their `XMLDocument` and must not outlive it, so code outside
/// this module (reading the amounts of an invoice, tests reading back what was written) gets
/// plain values instead; they stay valid after the document is gone.
public struct XMLElementSnapshot: Sendable, Equatable {
    /// The local name (`valor`, `Signature`).
    public let name: String
    /// The namespace URI, or "" when the element has none.
    public let namespaceURI: String
    /// The attributes in document order, as (local name, value).
    public let attributes: [XMLAttribute]
    /// The element's own text nodes concatenated, without the text of its child elements;
    /// for a leaf element such as `<valor>0.06</valor>` that is its content (`0.06`).
    public let text: String
    /// The child elements in document order.
    public let children: [XMLElementSnapshot]

    /// One attribute: its local name and value.
    public struct XMLAttribute: Sendable, Equatable {
        public let name: String
        public let value: String
    }

    public init(name: String, namespaceURI: String = "", attributes: [XMLAttribute] = [], text: String = "",
                children: [XMLElementSnapshot] = []) {
        self.name = name
        self.namespaceURI = namespaceURI
        self.attributes = attributes
        self.text = text
        self.children = children
    }

    /// The first child element named `name` in `namespaceURI` (default: no namespace).
    public func child(_ name: String, namespaceURI: String = "") -> XMLElementSnapshot? {
        children.first { $0.name == name && $0.namespaceURI == namespaceURI }
    }

    /// Every child element named `name` in `namespaceURI` (default: no namespace), in order.
    public func children(_ name: String, namespaceURI: String = "") -> [XMLElementSnapshot] {
        children.filter { $0.name == name && $0.namespaceURI == namespaceURI }
    }

    /// Follows a path of child elements without a namespace, the first match at each step:
    /// `root.path("infoFactura", "importeTotal")`.
    public func path(_ names: String...) -> XMLElementSnapshot? {
        var element: XMLElementSnapshot? = self
        for name in names { element = element?.child(name) }
        return element
    }

    /// The value of the attribute `name` (matched by local name), or nil.
    public func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }
}
