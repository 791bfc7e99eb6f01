internal import CLibXML2
import FolioCrypto

/// Signs SRI comprobantes as XAdES-BES, the way Ecuadorian invoicing software does.
///
/// Layout (enveloped, inclusive C14N 1.0 everywhere), `ds:Signature` appended as the last child
/// of the root, three references in SignedInfo:
/// 1. `#comprobante` with the enveloped-signature transform (the root without the signature);
/// 2. the `xades:SignedProperties` (Type `http://uri.etsi.org/01903#SignedProperties`);
/// 3. the `ds:KeyInfo`, which carries the certificate and its RSA key value.
///
/// The signature is written directly in canonical form (`CanonicalXMLWriter`), and so is the
/// comprobante it signs: the bytes digested are the bytes written, with no parse, tree or C14N
/// pass in between — that pass cost more than the RSA signature itself. What a verifier
/// computes for each part is its inclusive C14N inside the finished document, which differs
/// from the written part only by the namespace declarations in scope, added to the part's apex
/// element here. Tests hold every digested form against libxml2's C14N of the signed document,
/// and external verifiers (xmlsec1, signxml) check the result.
public enum XAdESSigner {
    /// Signs an XML document whose root element carries an `id` attribute. The signed document
    /// is the canonical form of the input (libxml2's C14N of the root: no DOCTYPE, comments or
    /// insignificant differences kept) with ds:Signature appended as the root's last child.
    public static func sign(_ unsigned: [UInt8], key: PrivateKey, certificate: Certificate,
                            profile: SignatureProfile, signingTime: Int64) throws(XMLError) -> [UInt8] {
        try sign(unsigned, identity: SigningIdentity(key: key, certificate: certificate), profile: profile,
                 signingTime: signingTime)
    }

    /// As above, with an identity prepared once (see `SigningIdentity`).
    public static func sign(_ unsigned: [UInt8], identity: SigningIdentity,
                            profile: SignatureProfile, signingTime: Int64) throws(XMLError) -> [UInt8] {
        try sign(canonicalRoot(of: XMLDocument(bytes: unsigned)), identity: identity, profile: profile,
                 signingTime: signingTime)
    }

    /// Signs an element written by `CanonicalXMLWriter`, as a batch does: UTF-8 bytes with an
    /// XML declaration, the element, ds:Signature as its last child.
    public static func sign(_ root: CanonicalXML, identity: SigningIdentity,
                            profile: SignatureProfile, signingTime: Int64) throws(XMLError) -> [UInt8] {
        try signature(root, identity: identity, profile: profile, signingTime: signingTime).document
    }

    /// The root element of a parsed document in canonical form, with the namespaces it declares.
    /// Refuses what a signature cannot be appended to faithfully: no id, already signed, or
    /// `xml:` attributes on the root (inclusive C14N would copy them into every signed part).
    static func canonicalRoot(of document: XMLDocument) throws(XMLError) -> CanonicalXML {
        let root = document.root
        guard let rootID = root.attribute("id"), !rootID.isEmpty else {
            throw XMLError("the root element <\(root.localName)> has no id attribute (expected id=\"comprobante\")")
        }
        if root.child("Signature", XMLDSig.ns) != nil {
            throw XMLError("the document is already signed")
        }
        var attribute = root.pointee.properties
        while let a = attribute {
            if let prefix = a.pointee.ns?.pointee.prefix, String(cString: prefix) == "xml" {
                throw XMLError("the root element carries xml:\(String(cString: a.pointee.name)), which Folio does not sign")
            }
            attribute = a.pointee.next
        }
        let bytes = try document.canonicalize(element: root)
        return CanonicalXML(bytes: bytes, rootID: rootID, rootNamespaces: CanonicalXML.rootNamespaceDeclarations(in: bytes))
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
