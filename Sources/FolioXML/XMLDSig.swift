import FolioCrypto

/// Namespace and algorithm URIs of XML-DSig and XAdES.
enum XMLDSig {
    static let ns = "http://www.w3.org/2000/09/xmldsig#"
    static let xadesNS = "http://uri.etsi.org/01903/v1.3.2#"
    static let xades141NS = "http://uri.etsi.org/01903/v1.4.1#"
    static let signedPropertiesType = "http://uri.etsi.org/01903#SignedProperties"

    static let c14n = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315"
    static let c14nWithComments = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments"
    static let excC14n = "http://www.w3.org/2001/10/xml-exc-c14n#"
    static let excC14nWithComments = "http://www.w3.org/2001/10/xml-exc-c14n#WithComments"
    static let c14n11 = "http://www.w3.org/2006/12/xml-c14n11"
    static let c14n11WithComments = "http://www.w3.org/2006/12/xml-c14n11#WithComments"
    static let envelopedSignature = "http://www.w3.org/2000/09/xmldsig#enveloped-signature"

    static let sha1 = "http://www.w3.org/2000/09/xmldsig#sha1"
    static let sha256 = "http://www.w3.org/2001/04/xmlenc#sha256"
    static let sha512 = "http://www.w3.org/2001/04/xmlenc#sha512"
    static let rsaSHA1 = "http://www.w3.org/2000/09/xmldsig#rsa-sha1"
    static let rsaSHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"

    /// The digest for a DigestMethod Algorithm URI, when FolioCrypto offers it.
    static func digestAlgorithm(_ uri: String) -> DigestAlgorithm? {
        switch uri {
        case sha1: .sha1
        case sha256: .sha256
        default: nil
        }
    }

    /// The digest behind an RSA SignatureMethod Algorithm URI.
    static func rsaSignatureDigest(_ uri: String) -> DigestAlgorithm? {
        switch uri {
        case rsaSHA1: .sha1
        case rsaSHA256: .sha256
        default: nil
        }
    }
}

/// Which algorithms a Folio signature uses.
public enum SignatureProfile: String, Sendable, CaseIterable {
    /// What the SRI requires: RSA-SHA1 signature, SHA-1 digests.
    case sri
    /// RSA-SHA256 signature, SHA-256 digests, for non-SRI use.
    case modern

    var digest: DigestAlgorithm { self == .sri ? .sha1 : .sha256 }
    var digestURI: String { self == .sri ? XMLDSig.sha1 : XMLDSig.sha256 }
    var signatureURI: String { self == .sri ? XMLDSig.rsaSHA1 : XMLDSig.rsaSHA256 }
}
