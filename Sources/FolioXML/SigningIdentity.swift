import FolioCrypto
import FolioSupport

/// A signing key with its certificate, and the certificate's facts that every signature
/// repeats (its base64 DER, RSA modulus and exponent, issuer, serial number, digests),
/// worked out once. A batch signs thousands of documents with one identity.
public final class SigningIdentity: @unchecked Sendable {
    // @unchecked Sendable: immutable after init; PrivateKey and Certificate are thread-safe to read.
    public let key: PrivateKey
    public let certificate: Certificate
    let certificateBase64: String
    let modulusBase64: String
    let exponentBase64: String
    let issuerName: String
    let serialNumber: String
    /// The content of ds:KeyInfo (X509Data, KeyValue), in canonical form: the same in every signature.
    let keyInfoContent: [UInt8]
    private let sha1Digest: String
    private let sha256Digest: String

    /// Fails when the certificate does not belong to the key.
    public init(key: PrivateKey, certificate: Certificate) throws(XMLError) {
        guard certificate.matches(key) else {
            throw XMLError("the certificate does not belong to the signing key")
        }
        self.key = key
        self.certificate = certificate
        let der = certificate.der
        certificateBase64 = Base64.encode(der)
        let publicKey = certificate.publicKey
        modulusBase64 = Base64.encode(publicKey.rsaModulus)
        exponentBase64 = Base64.encode(publicKey.rsaExponent)
        issuerName = certificate.issuer
        serialNumber = certificate.serialNumberDecimal
        sha1Digest = Base64.encode(Digest.hash(der, .sha1))
        sha256Digest = Base64.encode(Digest.hash(der, .sha256))
        var w = CanonicalXMLWriter(capacity: certificateBase64.utf8.count + modulusBase64.utf8.count + 256)
        w.open("ds:X509Data")
        w.element("ds:X509Certificate", certificateBase64)
        w.close()
        w.open("ds:KeyValue")
        w.open("ds:RSAKeyValue")
        w.element("ds:Modulus", modulusBase64)
        w.element("ds:Exponent", exponentBase64)
        w.close()
        w.close()
        keyInfoContent = try w.content()
    }

    /// The certificate's digest under `algorithm`, base64.
    func certificateDigest(_ algorithm: DigestAlgorithm) -> String {
        switch algorithm {
        case .sha1: return sha1Digest
        case .sha256: return sha256Digest
        }
    }
}
