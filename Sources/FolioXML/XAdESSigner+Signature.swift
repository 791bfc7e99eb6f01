import FolioCrypto
import FolioSupport

extension XAdESSigner {
    /// A signed document and the canonical bytes its signature covers: the three reference
    /// targets and SignedInfo. Tests compare each with libxml2's C14N of the signed document.
    struct SignedDocument {
        var document: [UInt8]
        var comprobante: [UInt8]
        var signedProperties: [UInt8]
        var keyInfo: [UInt8]
        var signedInfo: [UInt8]
    }

    /// An element of the signature whose canonical form is digested or signed: its apex element
    /// (name and attributes) and its content, already canonical.
    private struct Part {
        let name: StaticString
        let attributes: [(StaticString, String)]
        let content: [UInt8]

        /// The part as inclusive C14N outputs it on its own: the apex element declares every
        /// namespace in scope (sorted), the descendants none, since none redeclares.
        func canonical(inScope namespaces: [(prefix: String, uri: String)]) -> [UInt8] {
            var w = CanonicalXMLWriter(capacity: content.count + 256)
            write(into: &w, namespaces: namespaces)
            return w.bytes
        }

        /// The part inside the document, where ds:Signature declares the namespaces.
        func write(into w: inout CanonicalXMLWriter, namespaces: [(prefix: String, uri: String)] = []) {
            w.open(name, namespaces: namespaces, attributes)
            w.append(canonical: content)
            w.close()
        }
    }

    /// ds:Signature declares the two prefixes its elements use.
    private static let signatureNamespaces: [(prefix: String, uri: String)] = [("ds", XMLDSig.ns), ("etsi", XMLDSig.xadesNS)]

    static func signature(_ root: CanonicalXML, identity: SigningIdentity, profile: SignatureProfile,
                          signingTime: Int64) throws(XMLError) -> SignedDocument {
        guard let rootID = root.rootID, !rootID.isEmpty else {
            throw XMLError("the root element has no id attribute (expected id=\"comprobante\")")
        }
        let ids = SignatureIDs()
        let algorithm = profile.digest
        // In scope inside ds:Signature: its own declarations, and those of the root that it does
        // not override (an empty default namespace declares nothing).
        let inScope = root.rootNamespaces.filter { declared in
            !(declared.prefix.isEmpty && declared.uri.isEmpty)
                && !signatureNamespaces.contains { $0.prefix == declared.prefix }
        } + signatureNamespaces

        let keyInfo = Part(name: "ds:KeyInfo", attributes: [("Id", ids.certificate)], content: identity.keyInfoContent)
        let properties = Part(name: "etsi:SignedProperties", attributes: [("Id", ids.signedProperties)],
                              content: try signedPropertiesContent(ids: ids, identity: identity, profile: profile,
                                                                   signingTime: signingTime))
        let propertiesForm = properties.canonical(inScope: inScope)
        let keyInfoForm = keyInfo.canonical(inScope: inScope)

        var references = CanonicalXMLWriter(capacity: 1024)
        references.empty("ds:CanonicalizationMethod", [("Algorithm", XMLDSig.c14n)])
        references.empty("ds:SignatureMethod", [("Algorithm", profile.signatureURI)])
        func reference(id: String?, type: String?, uri: String, enveloped: Bool, digesting form: [UInt8]) {
            var attributes: [(StaticString, String)] = [("URI", uri)]
            if let id { attributes.append(("Id", id)) }
            if let type { attributes.append(("Type", type)) }
            references.open("ds:Reference", attributes)
            if enveloped {
                references.open("ds:Transforms")
                references.empty("ds:Transform", [("Algorithm", XMLDSig.envelopedSignature)])
                references.close()
            }
            references.empty("ds:DigestMethod", [("Algorithm", profile.digestURI)])
            references.element("ds:DigestValue", Base64.encode(Digest.hash(form, algorithm)))
            references.close()
        }
        reference(id: ids.reference, type: nil, uri: "#" + rootID, enveloped: true, digesting: root.bytes)
        reference(id: ids.signedPropertiesReference, type: XMLDSig.signedPropertiesType,
                  uri: "#" + ids.signedProperties, enveloped: false, digesting: propertiesForm)
        reference(id: nil, type: nil, uri: "#" + ids.certificate, enveloped: false, digesting: keyInfoForm)
        let signedInfo = Part(name: "ds:SignedInfo", attributes: [("Id", ids.signedInfo)], content: try references.content())
        let signedInfoForm = signedInfo.canonical(inScope: inScope)

        let signatureValue: [UInt8]
        do {
            signatureValue = try identity.key.sign(signedInfoForm, digest: algorithm)
        } catch {
            throw XMLError("RSA signing failed: \(error.message)")
        }

        var out = CanonicalXMLWriter(capacity: root.bytes.count + identity.keyInfoContent.count + 3072)
        let endTag = root.rootEndTagStart
        out.append(canonical: CanonicalXML.declaration)
        out.append(canonical: root.bytes[..<endTag])
        out.open("ds:Signature", namespaces: signatureNamespaces, [("Id", ids.signature)])
        signedInfo.write(into: &out)
        out.element("ds:SignatureValue", Base64.encode(signatureValue), [("Id", ids.signatureValue)])
        keyInfo.write(into: &out)
        out.open("ds:Object", [("Id", ids.object)])
        out.open("etsi:QualifyingProperties", [("Target", "#" + ids.signature)])
        properties.write(into: &out)
        out.close()
        out.close()
        out.close()
        out.append(canonical: root.bytes[endTag...])
        out.append(canonical: CollectionOfOne(UInt8(ascii: "\n")))
        return SignedDocument(document: out.bytes, comprobante: root.bytes, signedProperties: propertiesForm,
                              keyInfo: keyInfoForm, signedInfo: signedInfoForm)
    }

    /// The content of etsi:SignedProperties: signing time, the certificate's digest and
    /// issuer/serial, and what the signed object is.
    private static func signedPropertiesContent(ids: SignatureIDs, identity: SigningIdentity, profile: SignatureProfile,
                                                signingTime: Int64) throws(XMLError) -> [UInt8] {
        var w = CanonicalXMLWriter(capacity: 1024)
        w.open("etsi:SignedSignatureProperties")
        w.element("etsi:SigningTime", XMLDateTime.format(signingTime, offsetMinutes: profile == .sri ? -5 * 60 : 0))
        w.open("etsi:SigningCertificate")
        w.open("etsi:Cert")
        w.open("etsi:CertDigest")
        w.empty("ds:DigestMethod", [("Algorithm", profile.digestURI)])
        w.element("ds:DigestValue", identity.certificateDigest(profile.digest))
        w.close()
        w.open("etsi:IssuerSerial")
        w.element("ds:X509IssuerName", identity.issuerName)
        w.element("ds:X509SerialNumber", identity.serialNumber)
        w.close()
        w.close()
        w.close()
        w.close()
        w.open("etsi:SignedDataObjectProperties")
        w.open("etsi:DataObjectFormat", [("ObjectReference", "#" + ids.reference)])
        w.element("etsi:Description", "contenido comprobante")
        w.element("etsi:MimeType", "text/xml")
        w.close()
        w.close()
        return try w.content()
    }
}
