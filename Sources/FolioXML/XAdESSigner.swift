import CLibXML2
import FolioCrypto

/// Signs SRI comprobantes as XAdES-BES, the way Ecuadorian invoicing software does.
///
/// Layout (enveloped, inclusive C14N 1.0 everywhere), `ds:Signature` appended as the last child
/// of the root, three references in SignedInfo:
/// 1. `#comprobante` with the enveloped-signature transform (the root without the signature);
/// 2. the `xades:SignedProperties` (Type `http://uri.etsi.org/01903#SignedProperties`);
/// 3. the `ds:KeyInfo`, which carries the certificate and its RSA key value.
///
/// Every digest is taken by canonicalizing the real node inside the one parsed document, so the
/// namespaces a subtree inherits from its ancestors are exactly what a verifier will see.
public enum XAdESSigner {
    /// Signs an SRI comprobante (root element carrying id="comprobante") as XAdES-BES, enveloped:
    /// ds:Signature appended as the last child of the root. Returns the signed bytes (UTF-8, with XML declaration).
    public static func sign(_ unsigned: [UInt8], key: PrivateKey, certificate: Certificate,
                            profile: SignatureProfile, signingTime: Int64) throws(XMLError) -> [UInt8] {
        try sign(unsigned, identity: SigningIdentity(key: key, certificate: certificate), profile: profile,
                 signingTime: signingTime)
    }

    /// Signs with an identity prepared once (see `SigningIdentity`), as a batch does.
    public static func sign(_ unsigned: [UInt8], identity: SigningIdentity,
                            profile: SignatureProfile, signingTime: Int64) throws(XMLError) -> [UInt8] {
        let document = try XMLDocument(bytes: unsigned)
        let root = document.root
        guard let rootID = root.attribute("id"), !rootID.isEmpty else {
            throw XMLError("the root element <\(root.localName)> has no id attribute (expected id=\"comprobante\")")
        }
        if root.child("Signature", XMLDSig.ns) != nil {
            throw XMLError("the document is already signed")
        }

        let ids = SignatureIDs()
        let time = XMLDateTime.format(signingTime, offsetMinutes: profile == .sri ? -5 * 60 : 0)
        let parts = buildSignature(in: root, rootID: rootID, ids: ids, profile: profile,
                                   identity: identity, signingTime: time)

        // The three references; none depends on SignedInfo, so their order does not matter.
        let algorithm = profile.digest
        let comprobante = try document.canonicalize(element: root, excluding: parts.signature)
        parts.comprobanteDigest.setText(Base64.encode(Digest.hash(comprobante, algorithm)))
        let signedInfo = try withSiblingsSetAside(of: parts.signature, in: root) { () throws(XMLError) -> [UInt8] in
            let properties = try document.canonicalize(element: parts.signedProperties)
            parts.propertiesDigest.setText(Base64.encode(Digest.hash(properties, algorithm)))
            let keyInfo = try document.canonicalize(element: parts.keyInfo)
            parts.keyInfoDigest.setText(Base64.encode(Digest.hash(keyInfo, algorithm)))
            return try document.canonicalize(element: parts.signedInfo)
        }
        let signature: [UInt8]
        do {
            signature = try identity.key.sign(signedInfo, digest: algorithm)
        } catch {
            throw XMLError("RSA signing failed: \(error.message)")
        }
        parts.signatureValue.setText(Base64.encode(signature))
        return document.serialize()
    }

    /// Runs `body` with the children of `root` that precede `signature` (the invoice itself)
    /// unlinked, then puts them back in their order. libxml2's C14N walks the whole document
    /// and asks the visibility callback about every node, so the three small parts of the
    /// signature cost as much as the invoice each; without the invoice beside them their
    /// canonical form is the same (their ancestors, hence inherited namespaces and xml:
    /// attributes, do not change), and the walk is short.
    private static func withSiblingsSetAside<T>(of signature: xmlNodePtr, in root: xmlNodePtr,
                                                _ body: () throws(XMLError) -> T) throws(XMLError) -> T {
        var aside: [xmlNodePtr] = []
        var next = root.pointee.children
        while let node = next, node != signature {
            next = node.pointee.next
            xmlUnlinkNode(node)
            aside.append(node)
        }
        // A parsed document has no two adjacent text nodes, so re-inserting merges nothing.
        defer { for node in aside { xmlAddPrevSibling(signature, node) } }
        return try body()
    }

    /// The nodes whose content is filled in after the template is in the tree.
    private struct SignatureParts {
        var signature: xmlNodePtr
        var signedInfo: xmlNodePtr
        var comprobanteDigest: xmlNodePtr
        var propertiesDigest: xmlNodePtr
        var keyInfoDigest: xmlNodePtr
        var signatureValue: xmlNodePtr
        var keyInfo: xmlNodePtr
        var signedProperties: xmlNodePtr
    }

    /// Appends the complete ds:Signature (digests and signature value still empty) to `root`.
    private static func buildSignature(in root: xmlNodePtr, rootID: String, ids: SignatureIDs,
                                       profile: SignatureProfile, identity: SigningIdentity,
                                       signingTime: String) -> SignatureParts {
        let signature = xmlNewDocNode(root.pointee.doc, nil, "Signature", nil)!
        xmlAddChild(root, signature)
        let ds = xmlNewNs(signature, XMLDSig.ns, "ds")
        let etsi = xmlNewNs(signature, XMLDSig.xadesNS, "etsi")
        xmlSetNs(signature, ds)
        signature.setAttribute("Id", ids.signature)

        let signedInfo = signature.addChild("SignedInfo", ds)
        signedInfo.setAttribute("Id", ids.signedInfo)
        signedInfo.addChild("CanonicalizationMethod", ds).setAttribute("Algorithm", XMLDSig.c14n)
        signedInfo.addChild("SignatureMethod", ds).setAttribute("Algorithm", profile.signatureURI)

        func reference(id: String?, type: String?, uri: String, enveloped: Bool) -> xmlNodePtr {
            let reference = signedInfo.addChild("Reference", ds)
            if let id { reference.setAttribute("Id", id) }
            if let type { reference.setAttribute("Type", type) }
            reference.setAttribute("URI", uri)
            if enveloped {
                reference.addChild("Transforms", ds).addChild("Transform", ds)
                    .setAttribute("Algorithm", XMLDSig.envelopedSignature)
            }
            reference.addChild("DigestMethod", ds).setAttribute("Algorithm", profile.digestURI)
            return reference.addChild("DigestValue", ds)
        }
        let comprobanteDigest = reference(id: ids.reference, type: nil, uri: "#" + rootID, enveloped: true)
        let propertiesDigest = reference(id: ids.signedPropertiesReference, type: XMLDSig.signedPropertiesType,
                                         uri: "#" + ids.signedProperties, enveloped: false)
        let keyInfoDigest = reference(id: nil, type: nil, uri: "#" + ids.certificate, enveloped: false)

        let signatureValue = signature.addChild("SignatureValue", ds)
        signatureValue.setAttribute("Id", ids.signatureValue)

        let keyInfo = signature.addChild("KeyInfo", ds)
        keyInfo.setAttribute("Id", ids.certificate)
        keyInfo.addChild("X509Data", ds).addChild("X509Certificate", ds, text: identity.certificateBase64)
        let rsa = keyInfo.addChild("KeyValue", ds).addChild("RSAKeyValue", ds)
        rsa.addChild("Modulus", ds, text: identity.modulusBase64)
        rsa.addChild("Exponent", ds, text: identity.exponentBase64)

        let object = signature.addChild("Object", ds)
        object.setAttribute("Id", ids.object)
        let qualifying = object.addChild("QualifyingProperties", etsi)
        qualifying.setAttribute("Target", "#" + ids.signature)
        let signedProperties = qualifying.addChild("SignedProperties", etsi)
        signedProperties.setAttribute("Id", ids.signedProperties)
        let signatureProperties = signedProperties.addChild("SignedSignatureProperties", etsi)
        signatureProperties.addChild("SigningTime", etsi, text: signingTime)
        let cert = signatureProperties.addChild("SigningCertificate", etsi).addChild("Cert", etsi)
        let certDigest = cert.addChild("CertDigest", etsi)
        certDigest.addChild("DigestMethod", ds).setAttribute("Algorithm", profile.digestURI)
        certDigest.addChild("DigestValue", ds, text: identity.certificateDigest(profile.digest))
        let issuerSerial = cert.addChild("IssuerSerial", etsi)
        issuerSerial.addChild("X509IssuerName", ds, text: identity.issuerName)
        issuerSerial.addChild("X509SerialNumber", ds, text: identity.serialNumber)
        let format = signedProperties.addChild("SignedDataObjectProperties", etsi).addChild("DataObjectFormat", etsi)
        format.setAttribute("ObjectReference", "#" + ids.reference)
        format.addChild("Description", etsi, text: "contenido comprobante")
        format.addChild("MimeType", etsi, text: "text/xml")

        return SignatureParts(signature: signature, signedInfo: signedInfo, comprobanteDigest: comprobanteDigest,
                              propertiesDigest: propertiesDigest, keyInfoDigest: keyInfoDigest,
                              signatureValue: signatureValue, keyInfo: keyInfo, signedProperties: signedProperties)
    }
}

/// The Id attributes of one signature, with random numeric suffixes as SRI software writes them.
struct SignatureIDs {
    let signature, signedInfo, reference, signedPropertiesReference, signedProperties: String
    let signatureValue, certificate, object: String

    init() {
        let random = SecureRandom.bytes(24)
        var suffixes = (0..<8).map { i -> String in
            let word = random[i * 3..<i * 3 + 3].reduce(0) { $0 << 8 | Int($1) }
            return String(word % 1_000_000)
        }
        let base = "Signature" + suffixes.removeFirst()
        signature = base
        signedInfo = base + "-SignedInfo" + suffixes.removeFirst()
        reference = "Reference-ID-" + suffixes.removeFirst()
        signedPropertiesReference = "SignedPropertiesID" + suffixes.removeFirst()
        signedProperties = base + "-SignedProperties" + suffixes.removeFirst()
        signatureValue = "SignatureValue" + suffixes.removeFirst()
        certificate = "Certificate" + suffixes.removeFirst()
        object = base + "-Object" + suffixes.removeFirst()
    }
}
