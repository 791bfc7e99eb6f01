internal import COpenSSL

/// What a PKCS#12 (.p12/.pfx) file holds: the signing key and certificate, plus any other certificates.
public struct PKCS12Contents: Sendable {
    public let privateKey: PrivateKey
    /// The signing certificate.
    public let certificate: Certificate
    /// Every other certificate in the file (CA chain, encryption certificates), in file order.
    public let otherCertificates: [Certificate]

    public init(privateKey: PrivateKey, certificate: Certificate, otherCertificates: [Certificate]) {
        self.privateKey = privateKey
        self.certificate = certificate
        self.otherCertificates = otherCertificates
    }

    /// Parses a .p12/.pfx. Loads OpenSSL's "legacy" provider (alongside "default") when needed so
    /// that old RC2-40/3DES-encrypted files open: the first attempt runs without it, and only a
    /// decryption failure that is not a wrong password loads it (once per process) and retries.
    /// When the file holds several certificates (or key pairs), picks the certificate that has
    /// digitalSignature key usage AND whose public key matches one of the private keys.
    /// A wrong password → CryptoError(kind: .wrongPassword); no cert matching → .noMatchingKey.
    public static func parse(_ data: [UInt8], password: String) throws(CryptoError) -> PKCS12Contents {
        guard !password.utf8.contains(0) else {
            throw CryptoError.invalidInput("PKCS#12 password contains a NUL character")
        }
        let file = try PKCS12File(data)
        let verifiedPassword = try file.checkMAC(password)
        let bags: PKCS12File.Bags
        do {
            bags = try file.unpack(password: verifiedPassword)
        } catch where error.kind == .openssl {
            guard OpenSSLProviders.loadLegacy() else {
                throw CryptoError(kind: .openssl, message: "\(error.message); \(OpenSSLProviders.legacyLoadError ?? "")")
            }
            bags = try file.unpack(password: verifiedPassword)
        }
        return try choose(from: bags)
    }

    /// The first certificate (in file order) usable for signing with one of the keys.
    private static func choose(from bags: PKCS12File.Bags) throws(CryptoError) -> PKCS12Contents {
        guard !bags.keys.isEmpty else {
            throw CryptoError(kind: .noMatchingKey, message: "the PKCS#12 file holds no private key")
        }
        for (index, certificate) in bags.certificates.enumerated() where certificate.hasDigitalSignatureUsage {
            guard let key = bags.keys.first(where: { certificate.matches($0) }) else { continue }
            var others = bags.certificates
            others.remove(at: index)
            return PKCS12Contents(privateKey: key, certificate: certificate, otherCertificates: others)
        }
        let found = bags.certificates.map(\.subject).joined(separator: "; ")
        throw CryptoError(kind: .noMatchingKey,
                          message: "no certificate in the PKCS#12 file both matches its private key and allows digital signatures"
                              + (found.isEmpty ? " (it holds no certificate)" : " (certificates: \(found))"))
    }
}
