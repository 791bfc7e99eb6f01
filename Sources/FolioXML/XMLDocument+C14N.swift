internal import CLibXML2
import Glibc

/// A canonicalization algorithm as XML-DSig names it by URI.
struct C14NMethod: Sendable {
    enum Mode: Sendable { case inclusive10, exclusive10, inclusive11 }
    var mode: Mode
    var withComments: Bool
    /// For exclusive C14N: the InclusiveNamespaces PrefixList ("#default" for the default namespace).
    var inclusivePrefixes: [String] = []

    static let inclusive = C14NMethod(mode: .inclusive10, withComments: false)

    /// The method for an Algorithm URI, or nil when it is not a canonicalization we support.
    init?(algorithm uri: String) {
        switch uri {
        case XMLDSig.c14n: self.init(mode: .inclusive10, withComments: false)
        case XMLDSig.c14nWithComments: self.init(mode: .inclusive10, withComments: true)
        case XMLDSig.excC14n: self.init(mode: .exclusive10, withComments: false)
        case XMLDSig.excC14nWithComments: self.init(mode: .exclusive10, withComments: true)
        case XMLDSig.c14n11: self.init(mode: .inclusive11, withComments: false)
        case XMLDSig.c14n11WithComments: self.init(mode: .inclusive11, withComments: true)
        default: return nil
        }
    }

    /// The method named by a CanonicalizationMethod or Transform element, including exclusive
    /// C14N's `ec:InclusiveNamespaces PrefixList`.
    init?(element: xmlNodePtr) {
        guard let algorithm = element.attribute("Algorithm") else { return nil }
        self.init(algorithm: algorithm)
        if mode == .exclusive10,
           let list = element.child("InclusiveNamespaces", XMLDSig.excC14n)?.attribute("PrefixList") {
            inclusivePrefixes = list.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
                .map(String.init)
        }
    }

    init(mode: Mode, withComments: Bool, inclusivePrefixes: [String] = []) {
        self.mode = mode
        self.withComments = withComments
        self.inclusivePrefixes = inclusivePrefixes
    }

    var libxmlMode: Int32 {
        switch mode {
        case .inclusive10: Int32(XML_C14N_1_0.rawValue)
        case .exclusive10: Int32(XML_C14N_EXCLUSIVE_1_0.rawValue)
        case .inclusive11: Int32(XML_C14N_1_1.rawValue)
        }
    }
}

/// Which nodes of a document take part in canonicalization (an XPath node-set in XML-DSig terms):
/// the subtree under `root` (the whole document when nil) minus the subtree under `excluded`
/// (the enveloped-signature transform). Ancestors of `root` are not output, but their namespace
/// declarations still reach `root` as inclusive C14N requires — libxml2 does that when it is given
/// the real node in its real document, which is why the verifier never digests a detached string.
struct C14NSubset {
    var root: xmlNodePtr?
    var excluded: xmlNodePtr?
}

/// Whether `node` is `ancestor` or lies beneath it.
func isDescendantOrSelf(_ node: xmlNodePtr?, of ancestor: xmlNodePtr) -> Bool {
    var current = node
    while let n = current {
        if n == ancestor { return true }
        current = n.pointee.parent
    }
    return false
}

/// libxml2 calls this for every element, text, attribute and namespace node. Namespace nodes are
/// really `xmlNs` structs (passed as xmlNodePtr with the owning element in `parent`), so only the
/// `type` field, which sits at the same offset in both structs, is read from `node` directly.
private let visibilityCallback: xmlC14NIsVisibleCallback = { userData, node, parent in
    guard let userData, let node else { return 0 }
    let subset = userData.assumingMemoryBound(to: C14NSubset.self).pointee
    let typeOffset = MemoryLayout<xmlNode>.offset(of: \xmlNode.type)!
    let type = UnsafeRawPointer(node).load(fromByteOffset: typeOffset, as: xmlElementType.self)
    let subject: xmlNodePtr? = (type == XML_NAMESPACE_DECL || type == XML_ATTRIBUTE_NODE) ? parent : node
    if let root = subset.root, !isDescendantOrSelf(subject, of: root) { return 0 }
    if let excluded = subset.excluded, isDescendantOrSelf(subject, of: excluded) { return 0 }
    return 1
}

extension XMLDocument {
    /// Canonicalizes a node-set of this document with libxml2's `xmlC14NExecute`.
    func canonicalize(_ subset: C14NSubset, method: C14NMethod) throws(XMLError) -> [UInt8] {
        guard let output = xmlAllocOutputBuffer(nil) else { throw XMLError("out of memory") }
        defer { xmlOutputBufferClose(output) }
        // NULL-terminated C array of prefixes for exclusive C14N's InclusiveNamespaces.
        var prefixes: [UnsafeMutablePointer<xmlChar>?] = method.inclusivePrefixes.map { prefix in
            let copy = strdup(prefix)!
            return UnsafeMutableRawPointer(copy).assumingMemoryBound(to: xmlChar.self)
        }
        prefixes.append(nil)
        defer { for p in prefixes { free(p) } }
        var context = subset
        let withComments: Int32 = method.withComments ? 1 : 0
        let status: Int32 = prefixes.withUnsafeMutableBufferPointer { prefixBuffer in
            let prefixList = method.mode == .exclusive10 && prefixBuffer.count > 1 ? prefixBuffer.baseAddress : nil
            if subset.root == nil && subset.excluded == nil {
                return xmlC14NExecute(doc, nil, nil, method.libxmlMode, prefixList, withComments, output)
            }
            return withUnsafeMutablePointer(to: &context) { contextPointer in
                xmlC14NExecute(doc, visibilityCallback, contextPointer, method.libxmlMode, prefixList,
                               withComments, output)
            }
        }
        guard status >= 0 else { throw XMLError("canonicalization failed") }
        guard let content = xmlOutputBufferGetContent(output) else { return [] }
        return Array(UnsafeBufferPointer(start: content, count: Int(xmlOutputBufferGetSize(output))))
    }

    /// Canonicalizes one element and everything under it (inclusive C14N 1.0 unless told otherwise).
    func canonicalize(element: xmlNodePtr, excluding excluded: xmlNodePtr? = nil,
                      method: C14NMethod = .inclusive) throws(XMLError) -> [UInt8] {
        try canonicalize(C14NSubset(root: element, excluded: excluded), method: method)
    }
}
