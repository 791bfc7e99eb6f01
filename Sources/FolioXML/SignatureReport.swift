/// The outcome of verifying one XML signature.
public struct SignatureReport: Sendable {
    /// True when every reference digest matches, the SignatureValue verifies with the KeyInfo
    /// certificate, and that certificate was valid at signing time.
    public var valid: Bool
    /// Human-readable reasons, each naming what failed, e.g. "reference #comprobante: digest mismatch",
    /// "SignatureValue does not verify", "certificate expired at signing time (notAfter 2025-…)".
    public var failures: [String]
    /// From xades:SigningTime, as Unix seconds; nil when the signature has none.
    public var signingTime: Int64?
    /// The SignatureMethod Algorithm URI.
    public var signatureAlgorithm: String
    /// The RFC 2253 subject of the certificate used to check the signature.
    public var certificateSubject: String?
    /// How many ds:Reference elements SignedInfo holds.
    public var referenceCount: Int

    public init(valid: Bool, failures: [String], signingTime: Int64?, signatureAlgorithm: String,
                certificateSubject: String?, referenceCount: Int) {
        self.valid = valid
        self.failures = failures
        self.signingTime = signingTime
        self.signatureAlgorithm = signatureAlgorithm
        self.certificateSubject = certificateSubject
        self.referenceCount = referenceCount
    }
}
