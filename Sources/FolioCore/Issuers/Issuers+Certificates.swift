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
    /// + nonRepudiation, subject carrying the RUC), valid `days` days from now. The key is made
    /// before the write transaction; inside it, only sealed and stored.
    public static func generateCertificate(_ handle: String, days: Int, masterKey: [UInt8]) -> Mutation<IssuerCertificateView> {
        Mutation(ahead: { store, ctx throws(FolioError) -> PreparedCertificate in
            try checkValidity(days: days)
            let issuer = try store.read { tx throws(FolioError) in try find(handle, in: tx, now: ctx.now) }
            return try PreparedCertificate.generate(for: CertificateSubject(issuer), days: days, now: ctx.now)
        }, body: { prepared, tx, ctx throws(FolioError) in
            try checkValidity(days: days)
            let issuer = try find(handle, in: tx, now: ctx.now)
            let subject = CertificateSubject(issuer)
            let made: PreparedCertificate
            if let ready = prepared?.madeFor(subject) { made = ready } else {
                made = try PreparedCertificate.generate(for: subject, days: days, now: ctx.now)
            }
            let record = try sealedRecord(made, tenantId: issuer.tenantId, source: "generated", masterKey: masterKey,
                                          now: ctx.now, ids: ctx.ids)
            return try attach(record, to: issuer, action: "issuer.cert_generate", tx: tx, ctx: ctx)
        })
    }

    /// `cert import`: the signing certificate and key of a PKCS#12 file. A wrong password fails
    /// `validation_failed` naming `password`; nothing is stored. The file is opened before the
    /// write transaction (after the issuer is found, so an unknown issuer is reported first).
    public static func importCertificate(_ handle: String, p12: [UInt8], password: String,
                                         masterKey: [UInt8]) -> Mutation<IssuerCertificateView> {
        Mutation(ahead: { store, ctx throws(FolioError) -> PreparedCertificate in
            _ = try store.read { tx throws(FolioError) in try find(handle, in: tx, now: ctx.now) }
            return try PreparedCertificate.open(p12: p12, password: password)
        }, body: { prepared, tx, ctx throws(FolioError) in
            let issuer = try find(handle, in: tx, now: ctx.now)
            // What the file holds does not depend on the store: opened ahead, it stays good.
            let opened: PreparedCertificate
            if let prepared { opened = prepared } else { opened = try PreparedCertificate.open(p12: p12, password: password) }
            let record = try sealedRecord(opened, tenantId: issuer.tenantId, source: "imported", masterKey: masterKey,
                                          now: ctx.now, ids: ctx.ids)
            return try attach(record, to: issuer, action: "issuer.cert_import", tx: tx, ctx: ctx)
        })
    }

    static func checkValidity(days: Int) throws(FolioError) {
        guard (1...3650).contains(days) else { throw .validation("a certificate's validity must be 1 to 3650 days", field: "days") }
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

    /// A generated certificate for `issuer`, sealed: what `cert generate` stores, made all at once.
    static func generatedCertificate(for issuer: Issuer, days: Int, masterKey: [UInt8],
                                     now: Timestamp, ids: IDGenerator) throws(FolioError) -> CertificateRecord {
        let made = try PreparedCertificate.generate(for: CertificateSubject(issuer), days: days, now: now)
        return try sealedRecord(made, tenantId: issuer.tenantId, source: "generated", masterKey: masterKey, now: now, ids: ids)
    }

    /// The row to store: the certificate's facts, its DER, and the PKCS#8 key sealed under the
    /// master key with the certificate id as associated data (a sealed key moved to another
    /// row does not open).
    static func sealedRecord(_ made: PreparedCertificate, tenantId: String, source: String,
                             masterKey: [UInt8], now: Timestamp, ids: IDGenerator) throws(FolioError) -> CertificateRecord {
        let id = "crt_" + String(ids.make(.issuer).dropFirst(IDPrefix.issuer.rawValue.count))
        let certificate = made.certificate
        let sealed: [UInt8]
        do throws(CryptoError) { sealed = try AESGCM.seal(try made.key.pkcs8DER(), key: masterKey, aad: Array(id.utf8)) } catch {
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
