internal import CLibXML2
import FolioCrypto
import FolioSupport

/// Verifies enveloped XML-DSig / XAdES-BES signatures, Folio's own and other software's.
public enum XAdESVerifier {
    /// Verifies any enveloped XML-DSig/XAdES-BES signature in `xml` — not only Folio's own:
    /// resolves each Reference (URI "" = whole document, "#id" = element whose id/Id/ID attribute matches),
    /// applies its Transforms (enveloped-signature, inclusive C14N 1.0/1.1 with or without comments,
    /// exclusive C14N), recomputes DigestValue (sha1/sha256), canonicalizes SignedInfo per its
    /// CanonicalizationMethod, checks SignatureValue (rsa-sha1/rsa-sha256) with the certificate's public
    /// key from KeyInfo/X509Data, and checks the certificate was valid at the XAdES SigningTime (or `now`,
    /// Unix seconds, when absent). When SignedProperties are present, also checks that a Reference covers
    /// them and that their SigningCertificate digest names the KeyInfo certificate.
    ///
    /// The first ds:Signature in document order is the one verified.
    /// Throws only for unparseable input or a document without ds:Signature.
    public static func verify(_ xml: [UInt8], now: Int64) throws(XMLError) -> SignatureReport {
        let document = try XMLDocument(bytes: xml)
        var found: xmlNodePtr?
        document.root.forEachElement { element in
            if found == nil, element.isElement("Signature", XMLDSig.ns) { found = element }
        }
        guard let signature = found else { throw XMLError("the document has no ds:Signature") }
        var report = SignatureReport(valid: false, failures: [], signingTime: nil, signatureAlgorithm: "",
                                     certificateSubject: nil, referenceCount: 0)
        guard let signedInfo = signature.child("SignedInfo", XMLDSig.ns) else {
            report.failures = ["ds:Signature has no SignedInfo"]
            return report
        }
        let ids = IDIndex(document.root)

        // References.
        let references = signedInfo.childElements.filter { $0.isElement("Reference", XMLDSig.ns) }
        report.referenceCount = references.count
        if references.isEmpty { report.failures.append("SignedInfo has no Reference") }
        for reference in references {
            if let failure = checkReference(reference, document: document, signature: signature, ids: ids) {
                report.failures.append(failure)
            }
        }

        // SignatureValue over the canonical SignedInfo, tried with each certificate in KeyInfo.
        let signatureMethod = signedInfo.child("SignatureMethod", XMLDSig.ns)?.attribute("Algorithm") ?? ""
        report.signatureAlgorithm = signatureMethod
        let certificates = keyInfoCertificates(signature, failures: &report.failures)
        var certificate = certificates.first
        let c14nElement = signedInfo.child("CanonicalizationMethod", XMLDSig.ns)
        let c14nURI = c14nElement?.attribute("Algorithm") ?? ""
        let method = c14nElement.flatMap { C14NMethod(element: $0) }
        if let method, let digest = XMLDSig.rsaSignatureDigest(signatureMethod) {
            let value = signature.child("SignatureValue", XMLDSig.ns).flatMap { Base64.decode($0.textContent) }
            if let value, let canonical = try? document.canonicalize(element: signedInfo, method: method) {
                let signer = certificates.first {
                    $0.publicKey.verify(signature: value, data: canonical, digest: digest)
                }
                if let signer { certificate = signer } else if !certificates.isEmpty {
                    report.failures.append("SignatureValue does not verify")
                }
            } else {
                report.failures.append(value == nil ? "SignatureValue is missing or not Base64"
                                                    : "SignedInfo cannot be canonicalized")
            }
        } else if method == nil {
            report.failures.append("unsupported CanonicalizationMethod \(c14nURI)")
        } else {
            report.failures.append("unsupported SignatureMethod \(signatureMethod)")
        }

        // XAdES signed properties and certificate validity.
        checkQualifyingProperties(signature, certificate: certificate, references: references, ids: ids,
                                  report: &report)
        if let certificate {
            report.certificateSubject = certificate.subject
            let at = report.signingTime ?? now
            let when = report.signingTime == nil ? "at verification time" : "at signing time"
            if at > certificate.notAfter {
                report.failures.append("certificate expired \(when) (notAfter \(XMLDateTime.format(certificate.notAfter)))")
            } else if at < certificate.notBefore {
                report.failures.append("certificate not yet valid \(when) (notBefore \(XMLDateTime.format(certificate.notBefore)))")
            }
        }
        report.valid = report.failures.isEmpty
        return report
    }

    /// The certificates under KeyInfo/X509Data/X509Certificate, in order.
    private static func keyInfoCertificates(_ signature: xmlNodePtr, failures: inout [String]) -> [Certificate] {
        guard let keyInfo = signature.child("KeyInfo", XMLDSig.ns) else {
            failures.append("ds:KeyInfo is missing (no certificate to verify with)")
            return []
        }
        var certificates: [Certificate] = []
        for data in keyInfo.childElements where data.isElement("X509Data", XMLDSig.ns) {
            for element in data.childElements where element.isElement("X509Certificate", XMLDSig.ns) {
                guard let der = Base64.decode(element.textContent), let certificate = try? Certificate(der: der) else {
                    failures.append("KeyInfo X509Certificate cannot be decoded")
                    continue
                }
                certificates.append(certificate)
            }
        }
        if certificates.isEmpty { failures.append("KeyInfo carries no X509Certificate") }
        return certificates
    }

    /// Reads xades:SigningTime and checks SignedProperties coverage and the SigningCertificate digest.
    private static func checkQualifyingProperties(_ signature: xmlNodePtr, certificate: Certificate?,
                                                  references: [xmlNodePtr], ids: IDIndex,
                                                  report: inout SignatureReport) {
        var signedProperties: xmlNodePtr?
        for object in signature.childElements where object.isElement("Object", XMLDSig.ns) {
            for qualifying in object.childElements where qualifying.localName == "QualifyingProperties" {
                let ns = qualifying.namespaceURI
                guard ns == XMLDSig.xadesNS || ns == XMLDSig.xades141NS else { continue }
                signedProperties = qualifying.child("SignedProperties", ns)
            }
        }
        guard let signedProperties else { return }
        let ns = signedProperties.namespaceURI
        let covered = references.contains { reference in
            guard let uri = reference.attribute("URI"), uri.hasPrefix("#") else { return false }
            let targets = ids.elements(withID: String(uri.dropFirst()))
            return targets.count == 1 && targets[0] == signedProperties
        }
        if !covered { report.failures.append("xades:SignedProperties are not covered by a Reference") }
        let properties = signedProperties.child("SignedSignatureProperties", ns)
        if let time = properties?.child("SigningTime", ns) {
            if let seconds = XMLDateTime.parse(time.textContent) {
                report.signingTime = seconds
            } else {
                report.failures.append("xades:SigningTime is not an xsd:dateTime: \(time.textContent)")
            }
        }
        guard let certificate, let certs = properties?.child("SigningCertificate", ns) else { return }
        let matches = certs.childElements.contains { cert in
            guard let digest = cert.child("CertDigest", ns),
                  let uri = digest.child("DigestMethod", XMLDSig.ns)?.attribute("Algorithm"),
                  let algorithm = XMLDSig.digestAlgorithm(uri),
                  let value = digest.child("DigestValue", XMLDSig.ns).flatMap({ Base64.decode($0.textContent) })
            else { return false }
            return certificate.fingerprint(algorithm) == value
        }
        if !matches { report.failures.append("xades:SigningCertificate does not match the KeyInfo certificate") }
    }
}
