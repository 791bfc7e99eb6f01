import FolioCrypto
import FolioSupport

/// A certificate with its private key, opened for signing.
public struct SigningMaterial: @unchecked Sendable {
    public var certificate: Certificate
    public var key: PrivateKey
    public var info: IssuerCertificate
}

/// An issuer together with its certificate, the result of `cert generate|import|show`.
public struct IssuerCertificateView: Sendable {
    public var issuer: Issuer
    public var certificate: IssuerCertificate
}

extension Issuers {
    /// `cert generate`: a new RSA-2048 key and a self-signed X.509 v3 certificate (digitalSignature
    /// + nonRepudiation, subject carrying the RUC), valid `days` days from now.
    public static func generateCertificate(_ handle: String, days: Int, masterKey: [UInt8]) -> Mutation<IssuerCertificateView> {
        Mutation { tx, ctx throws(FolioError) in
            guard (1...3650).contains(days) else { throw .validation("a certificate's validity must be 1 to 3650 days", field: "days") }
            let issuer = try find(handle, in: tx, now: ctx.now)
            let record = try generatedCertificate(for: issuer, days: days, masterKey: masterKey, now: ctx.now, ids: ctx.ids)
            return try attach(record, to: issuer, action: "issuer.cert_generate", tx: tx, ctx: ctx)
        }
    }

    /// `cert import`: the signing certificate and key of a PKCS#12 file. A wrong password fails
    /// `validation_failed` naming `password`; nothing is stored.
    public static func importCertificate(_ handle: String, p12: [UInt8], password: String,
                                         masterKey: [UInt8]) -> Mutation<IssuerCertificateView> {
        Mutation { tx, ctx throws(FolioError) in
            let issuer = try find(handle, in: tx, now: ctx.now)
            let contents: PKCS12Contents
            do throws(CryptoError) { contents = try PKCS12Contents.parse(p12, password: password) } catch {
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
            let record = try sealedRecord(certificate: contents.certificate, key: contents.privateKey, tenantId: issuer.tenantId,
                                          source: "imported", masterKey: masterKey, now: ctx.now, ids: ctx.ids)
            return try attach(record, to: issuer, action: "issuer.cert_import", tx: tx, ctx: ctx)
        }
    }

    public static func showCertificate(store: Store, handle: String, now: Timestamp) throws(FolioError) -> IssuerCertificateView {
        let issuer = try show(store: store, handle: handle, now: now)
        guard let certificate = issuer.certificate else {
            throw .notFound("issuer \(issuer.id) has no certificate",
                            remedy: .giveCertificate(issuer: issuer.id))
        }
        return IssuerCertificateView(issuer: issuer, certificate: certificate)
    }

    /// The issuer's certificate and private key, ready to sign at `ctx.now`: fails
    /// `validation_failed` when there is none, or it has expired or is not valid yet.
    static func signingMaterial(for issuer: Issuer, masterKey: [UInt8], tx: StoreTransaction,
                                now: Timestamp) throws(FolioError) -> SigningMaterial {
        guard let id = issuer.certificateId, let record = try tx.certificate(id: id, now: now) else {
            throw .validation("issuer \(issuer.id) has no signing certificate", field: "certificate",
                              remedy: .giveCertificate(issuer: issuer.id))
        }
        if record.info.expired {
            throw .validation("the certificate of issuer \(issuer.id) expired at \(record.info.notAfter.rfc3339) (notAfter)",
                              field: "certificate.notAfter", remedy: .importCurrentCertificate(issuer: issuer.id))
        }
        if record.info.notYetValid {
            throw .validation("the certificate of issuer \(issuer.id) is not valid before \(record.info.notBefore.rfc3339)",
                              field: "certificate.notBefore")
        }
        do throws(CryptoError) {
            let der = try AESGCM.open(record.sealedKey, key: masterKey, aad: Array(id.utf8))
            return SigningMaterial(certificate: try Certificate(der: record.der), key: try PrivateKey(pkcs8DER: der),
                                   info: record.info)
        } catch {
            throw .storeUnavailable("the private key of certificate \(id) cannot be decrypted: \(error.message)",
                                    hint: "was master.key replaced? restore it from your backup")
        }
    }

    static func generatedCertificate(for issuer: Issuer, days: Int, masterKey: [UInt8],
                                     now: Timestamp, ids: IDGenerator) throws(FolioError) -> CertificateRecord {
        let key: PrivateKey, certificate: Certificate
        do throws(CryptoError) {
            key = try PrivateKey.generateRSA(bits: 2048)
            let subject = [("C", "EC"), ("O", issuer.legalName), ("CN", issuer.legalName), ("serialNumber", issuer.ruc)]
            certificate = try Certificate.selfSigned(key: key, subject: subject, notBefore: now.seconds, days: days)
        } catch {
            throw .server("cannot generate the certificate: \(error.message)")
        }
        return try sealedRecord(certificate: certificate, key: key, tenantId: issuer.tenantId, source: "generated",
                                masterKey: masterKey, now: now, ids: ids)
    }

    /// The row to store: the certificate's facts, its DER, and the PKCS#8 key sealed under the
    /// master key with the certificate id as associated data (a sealed key moved to another
    /// row does not open).
    static func sealedRecord(certificate: Certificate, key: PrivateKey, tenantId: String, source: String,
                             masterKey: [UInt8], now: Timestamp, ids: IDGenerator) throws(FolioError) -> CertificateRecord {
        let id = "crt_" + String(ids.make(.issuer).dropFirst(IDPrefix.issuer.rawValue.count))
        let sealed: [UInt8]
        do throws(CryptoError) { sealed = try AESGCM.seal(try key.pkcs8DER(), key: masterKey, aad: Array(id.utf8)) } catch {
            throw .server("cannot seal the private key: \(error.message)")
        }
        let info = IssuerCertificate(id: id, tenantId: tenantId, source: source, subject: certificate.subject,
                                     issuer: certificate.issuer, serial: certificate.serialNumberDecimal,
                                     notBefore: Timestamp(seconds: certificate.notBefore),
                                     notAfter: Timestamp(seconds: certificate.notAfter),
                                     fingerprint: colonHex(certificate.fingerprint(.sha256)), createdAt: now, checkedAt: now)
        return CertificateRecord(info: info, der: certificate.der, sealedKey: sealed)
    }

    private static func attach(_ record: CertificateRecord, to issuer: Issuer, action: String, tx: StoreTransaction,
                               ctx: MutationContext) throws(FolioError) -> Change<IssuerCertificateView> {
        try tx.insertCertificate(record)
        try tx.setIssuerCertificate(issuerId: issuer.id, certificateId: record.info.id, at: ctx.now)
        let updated = try load(issuer.id, tx: tx, now: ctx.now)
        return Change(IssuerCertificateView(issuer: updated, certificate: record.info),
                      audit: [certificateAudit(action, updated, record.info)],
                      events: [event(.issuerCertificateChanged, updated)])
    }

    static func certificateAudit(_ action: String, _ issuer: Issuer, _ c: IssuerCertificate) -> AuditRecord {
        audit(action, issuer, details: .object([JSONMember("certificateId", .string(c.id)),
                                               JSONMember("serial", .string(c.serial)),
                                               JSONMember("notAfter", .string(c.notAfter.rfc3339))]))
    }

    static func colonHex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        for (i, b) in bytes.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ":")) }
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
