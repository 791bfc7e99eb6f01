internal import CLibXML2
import FolioCrypto
import FolioSupport

/// Reference processing: URI dereference, transforms, digest.
extension XAdESVerifier {
    /// Elements by their id / Id / ID / xml:id attribute (several when an id is not unique).
    struct IDIndex {
        private var nodes: [String: [xmlNodePtr]] = [:]

        init(_ root: xmlNodePtr) {
            root.forEachElement { element in
                var attribute = element.pointee.properties
                while let a = attribute {
                    let name = a.pointee.name.map { String(cString: $0) } ?? ""
                    let ns = a.pointee.ns?.pointee.href.map { String(cString: $0) }
                    let isID = ns == nil ? (name == "id" || name == "Id" || name == "ID")
                        : (name == "id" && ns == "http://www.w3.org/XML/1998/namespace")
                    if isID, let value = xmlNodeGetContent(UnsafeMutableRawPointer(a).assumingMemoryBound(to: xmlNode.self)) {
                        nodes[String(cString: value), default: []].append(element)
                        folio_xmlFree(value)
                    }
                    attribute = a.pointee.next
                }
            }
        }

        func elements(withID id: String) -> [xmlNodePtr] { nodes[id] ?? [] }
    }

    /// Checks one ds:Reference; returns a failure naming the reference, or nil when its digest matches.
    static func checkReference(_ reference: xmlNodePtr, document: XMLDocument, signature: xmlNodePtr,
                               ids: IDIndex) -> String? {
        guard let uri = reference.attribute("URI") else {
            return "reference without URI: not supported (only same-document references are followed)"
        }
        let label = "reference " + (uri.isEmpty ? "\"\"" : uri)

        // Dereference: a bare-name or empty URI drops comments; the xpointer forms keep them.
        var subset = C14NSubset()
        var commentsAllowed = false
        var targetID: String?
        if uri.isEmpty {
            targetID = nil
        } else if uri == "#xpointer(/)" {
            commentsAllowed = true
        } else if uri.hasPrefix("#xpointer(id("), uri.hasSuffix("))") {
            let inner = uri.dropFirst("#xpointer(id(".count).dropLast(2)
            guard inner.count >= 2, let quote = inner.first, quote == "'" || quote == "\"", inner.last == quote else {
                return "\(label): unsupported URI"
            }
            targetID = String(inner.dropFirst().dropLast())
            commentsAllowed = true
        } else if uri.hasPrefix("#") {
            targetID = String(uri.dropFirst())
        } else {
            return "\(label): unsupported URI (only same-document references are followed)"
        }
        if let targetID {
            let matches = ids.elements(withID: targetID)
            guard !matches.isEmpty else { return "\(label): no element has id \"\(targetID)\"" }
            guard matches.count == 1 else { return "\(label): id \"\(targetID)\" is not unique" }
            subset.root = matches[0]
        }

        // Transforms: enveloped-signature, then at most one canonicalization as the last step.
        var method = C14NMethod.inclusive
        var canonicalized = false
        for transform in reference.child("Transforms", XMLDSig.ns)?.childElements ?? [] {
            guard transform.isElement("Transform", XMLDSig.ns) else { continue }
            let algorithm = transform.attribute("Algorithm") ?? ""
            if canonicalized { return "\(label): transform after canonicalization is not supported (\(algorithm))" }
            if algorithm == XMLDSig.envelopedSignature {
                subset.excluded = signature
            } else if let c14n = C14NMethod(element: transform) {
                method = c14n
                canonicalized = true
            } else {
                return "\(label): unsupported transform \(algorithm)"
            }
        }
        method.withComments = method.withComments && commentsAllowed

        guard let digestMethod = reference.child("DigestMethod", XMLDSig.ns)?.attribute("Algorithm") else {
            return "\(label): missing DigestMethod"
        }
        guard let algorithm = XMLDSig.digestAlgorithm(digestMethod) else {
            return "\(label): unsupported DigestMethod \(digestMethod)"
        }
        guard let digestValue = reference.child("DigestValue", XMLDSig.ns),
              let expected = Base64.decode(digestValue.textContent) else {
            return "\(label): missing or malformed DigestValue"
        }
        let canonical: [UInt8]
        do { canonical = try document.canonicalize(subset, method: method) } catch {
            return "\(label): \(error.message)"
        }
        return Digest.hash(canonical, algorithm) == expected ? nil : "\(label): digest mismatch"
    }
}
