internal import COpenSSL
import Glibc
import FolioSupport

/// An X.509 certificate, owning an `X509*`.
public final class Certificate: @unchecked Sendable {
    // @unchecked Sendable: the X509 is never mutated after construction; only read accessors run.
    let raw: OpaquePointer
    public let notBefore: Int64
    public let notAfter: Int64
    public let publicKey: PublicKey

    /// Takes ownership of `raw`; frees it if the certificate is unusable (bad dates, unknown key).
    init(owning raw: OpaquePointer) throws(CryptoError) {
        guard let notBefore = Certificate.unixTime(X509_get0_notBefore(raw)),
              let notAfter = Certificate.unixTime(X509_get0_notAfter(raw)) else {
            X509_free(raw)
            throw CryptoError.openssl("certificate has an unreadable validity period", kind: .invalidInput)
        }
        // X509_get_pubkey returns a new reference (get1), which PublicKey then owns.
        guard let key = X509_get_pubkey(raw) else {
            X509_free(raw)
            throw CryptoError.openssl("certificate public key is unsupported", kind: .invalidInput)
        }
        self.raw = raw
        self.notBefore = notBefore
        self.notAfter = notAfter
        self.publicKey = PublicKey(owning: key)
    }

    deinit { X509_free(raw) }

    /// Parses a DER certificate (no trailing bytes allowed).
    public convenience init(der: [UInt8]) throws(CryptoError) {
        let x509 = try derDecode(der, what: "certificate", free: { X509_free($0) }) { cursor, count in
            d2i_X509(nil, cursor, count)
        }
        try self.init(owning: x509)
    }

    /// Parses the first `-----BEGIN CERTIFICATE-----` block of `pem`.
    public convenience init(pem: String) throws(CryptoError) {
        let bio = try MemoryBIO(Array(pem.utf8))
        guard let x509 = PEM_read_bio_X509(bio.raw, nil, noPasswordCallback, nil) else {
            throw CryptoError.openssl("cannot parse PEM certificate", kind: .invalidInput)
        }
        try self.init(owning: x509)
    }

    /// Takes a new reference to a certificate that something else (e.g. a stack) still owns.
    static func retaining(_ x509: OpaquePointer) throws(CryptoError) -> Certificate {
        X509_up_ref(x509)
        return try Certificate(owning: x509)
    }

    /// DER encoding.
    public var der: [UInt8] {
        do {
            return try derEncode({ i2d_X509(raw, $0) }, what: "certificate")
        } catch {
            // A certificate that was parsed or signed always re-encodes; failing means out of memory.
            fatalError("\(error)")
        }
    }

    /// PEM encoding (`-----BEGIN CERTIFICATE-----`, 64-column Base64, trailing newline).
    public var pem: String {
        "-----BEGIN CERTIFICATE-----\n" + Base64.encode(der).wrapped(every: 64) + "-----END CERTIFICATE-----\n"
    }

    /// Subject DN in RFC 2253 order and escaping (`CN=…,O=…,C=EC`), as XML-DSig's X509IssuerName
    /// wants. Non-ASCII characters stay UTF-8 (as Java's X500Principal prints them) instead of
    /// OpenSSL's default `\C3\93` escapes, which RFC 2253 does not require.
    public var subject: String { Certificate.rfc2253(X509_get_subject_name(raw)) }

    /// Issuer DN, RFC 2253 (see `subject`).
    public var issuer: String { Certificate.rfc2253(X509_get_issuer_name(raw)) }

    /// Serial number in decimal, arbitrary precision (XML-DSig X509SerialNumber).
    public var serialNumberDecimal: String { serial { BN_bn2dec($0) } }

    /// Serial number in uppercase hex, whole bytes (like `openssl x509 -serial`).
    public var serialNumberHex: String { serial { BN_bn2hex($0) } }

    /// Whether keyUsage allows digitalSignature (also true when the extension is absent).
    public var hasDigitalSignatureUsage: Bool { keyUsage & UInt32(KU_DIGITAL_SIGNATURE) != 0 }

    /// Whether keyUsage allows nonRepudiation (also true when the extension is absent).
    public var hasNonRepudiationUsage: Bool { keyUsage & UInt32(KU_NON_REPUDIATION) != 0 }

    /// True when `key` is the private half of this certificate's public key.
    public func matches(_ key: PrivateKey) -> Bool {
        defer { OpenSSLErrorQueue.clear() }
        return EVP_PKEY_eq(publicKey.raw, key.raw) == 1
    }

    /// Digest of the DER encoding (XAdES CertDigest, fingerprints).
    public func fingerprint(_ algorithm: DigestAlgorithm) -> [UInt8] { Digest.hash(der, algorithm) }

    /// X509_get_key_usage returns all bits set when there is no keyUsage extension.
    private var keyUsage: UInt32 {
        defer { OpenSSLErrorQueue.clear() }
        return X509_get_key_usage(raw)
    }

    private func serial(_ format: (OpaquePointer) -> UnsafeMutablePointer<CChar>?) -> String {
        guard let bn = ASN1_INTEGER_to_BN(X509_get0_serialNumber(raw), nil) else {
            fatalError("cannot read serial: \(OpenSSLErrorQueue.drain().map(\.text))")
        }
        defer { BN_free(bn) }
        guard let text = format(bn) else { fatalError("cannot format serial (out of memory)") }
        defer { folio_OPENSSL_free(text) }
        return String(cString: text)
    }

    private static func rfc2253(_ name: OpaquePointer?) -> String {
        guard let name, let bio = try? MemoryBIO() else { return "" }
        let flags = folio_XN_FLAG_RFC2253() & ~UInt(ASN1_STRFLGS_ESC_MSB)
        guard X509_NAME_print_ex(bio.raw, name, 0, flags) >= 0 else {
            OpenSSLErrorQueue.clear()
            return ""
        }
        return bio.string()
    }

    /// Converts an ASN1_TIME (UTCTime or GeneralizedTime, UTC) to Unix seconds.
    static func unixTime(_ time: UnsafePointer<ASN1_TIME>?) -> Int64? {
        guard let time else { return nil }
        var parts = tm()
        guard ASN1_TIME_to_tm(time, &parts) == 1 else { return nil }
        return Int64(timegm(&parts))
    }
}

extension String {
    /// The string broken into lines of at most `width` characters, each ending in "\n".
    func wrapped(every width: Int) -> String {
        var out = ""
        var line = Substring(self)
        while !line.isEmpty {
            out += line.prefix(width) + "\n"
            line = line.dropFirst(width)
        }
        return out
    }
}
