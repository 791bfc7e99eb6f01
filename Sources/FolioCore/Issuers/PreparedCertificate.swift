import FolioCrypto
import FolioSupport

/// What a generated certificate's subject is made of. It is read before the write transaction
/// (the key and certificate are made then) and checked again inside it, against the issuer as
/// it is at that moment.
struct CertificateSubject: Equatable, Sendable {
    var legalName: String
    var ruc: String

    init(_ issuer: Issuer) {
        legalName = issuer.legalName
        ruc = issuer.ruc
    }

    /// X.509 subject attributes: country, organization and common name, and the RUC as
    /// serialNumber (how Ecuadorian certificates carry it).
    var attributes: [(String, String)] {
        [("C", "EC"), ("O", legalName), ("CN", legalName), ("serialNumber", ruc)]
    }
}

/// A private key and its certificate, generated or taken from a PKCS#12 file before the write
/// transaction (the slow part of `cert generate`, `cert import` and `tenants register` with a
/// RUC), not sealed or stored yet.
public struct PreparedCertificate: Sendable {
    let key: PrivateKey
    let certificate: Certificate
    /// The subject a generated certificate was made for; nil for an imported one.
    let subject: CertificateSubject?

    /// A new RSA-2048 key and a self-signed X.509 v3 certificate for `subject`, valid `days`
    /// days from `now`.
    static func generate(for subject: CertificateSubject, days: Int, now: Timestamp) throws(FolioError) -> PreparedCertificate {
        do throws(CryptoError) {
            return try SlowStep.keyGeneration.run { () throws(CryptoError) -> PreparedCertificate in
                let key = try PrivateKey.generateRSA(bits: 2048)
                let certificate = try Certificate.selfSigned(key: key, subject: subject.attributes, notBefore: now.seconds, days: days)
                return PreparedCertificate(key: key, certificate: certificate, subject: subject)
            }
        } catch {
            throw .server("cannot generate the certificate: \(error.message)")
        }
    }

    /// The signing certificate and key of a PKCS#12 file. A wrong password fails
    /// `validation_failed` naming `password`; a file without a usable RSA signing pair names `p12`.
    static func open(p12: [UInt8], password: String) throws(FolioError) -> PreparedCertificate {
        let contents: PKCS12Contents
        do throws(CryptoError) {
            contents = try SlowStep.pkcs12Opening.run { () throws(CryptoError) in try PKCS12Contents.parse(p12, password: password) }
        } catch {
            switch error.kind {
            case .wrongPassword:
                throw .validation("the password does not open this PKCS#12 file", field: "password")
            case .noMatchingKey:
                throw .validation("the PKCS#12 file holds no signing certificate (digitalSignature) that matches its private key",
                                  field: "p12")
            default:
                throw .validation("cannot read the PKCS#12 file: \(error.message)", field: "p12")
            }
        }
        guard !contents.certificate.publicKey.rsaModulus.isEmpty else {
            throw .validation("the certificate's key is not RSA; SRI signatures need RSA", field: "p12")
        }
        return PreparedCertificate(key: contents.privateKey, certificate: contents.certificate, subject: nil)
    }

    /// This generated certificate when it was made for `subject`, else nil: the issuer read
    /// before the write transaction is not the one found in it, so the caller generates anew.
    func madeFor(_ subject: CertificateSubject) -> PreparedCertificate? {
        self.subject == subject ? self : nil
    }
}
