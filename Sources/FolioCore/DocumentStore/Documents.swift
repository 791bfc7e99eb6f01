import FolioCrypto
import FolioXML
import FolioSupport

/// Opened signing keys of one command run, by certificate id: a batch decrypts and parses its
/// issuer's key once, not once per document. Expiry is still checked for every document.
public final class SigningKeyCache: @unchecked Sendable {
    var materials: [String: SigningMaterial] = [:]
    var identities: [String: SigningIdentity] = [:]
    public init() {}
}

/// The document service: create and sign, show, read the XML, verify.
public enum Documents {
    /// Validates `input` fully (input, type enabled, tenant not suspended, a valid certificate),
    /// then takes the next sequential, builds the factura, signs it and stores it as `signed`.
    /// Every failure happens before the sequential is taken; and since all of it is one
    /// transaction, a failure after it gives the number back. A production tenant signing with
    /// a self-generated certificate gets the document and a warning (`DocumentWarning`).
    public static func create(issuer handle: String, input: JSONValue, profile: SignatureProfile, masterKey: [UInt8],
                              cache: SigningKeyCache = SigningKeyCache()) -> Mutation<CreatedDocument> {
        Mutation { tx, ctx throws(FolioError) in
            let issuer = try Issuers.find(handle, in: tx, now: ctx.now)
            guard let tenant = try tx.tenant(id: issuer.tenantId) else {
                throw .server("issuer \(issuer.id) names a missing tenant \(issuer.tenantId)")
            }
            guard tenant.status != .suspended else {
                throw FolioError(.forbidden, "tenant \(tenant.id) is suspended (\(tenant.suspendedReason ?? "no reason given")); it cannot issue documents",
                                 field: "tenant", remedy: .activateTenant(tenant.id))
            }
            let type = SRIDocumentType.factura
            guard issuer.documentTypes.contains(type.code) else {
                throw .validation("document type \(type.code) (\(type.spanishName)) is not enabled for issuer \(issuer.id)",
                                  field: "documentType", remedy: .enableDocumentType(issuer: issuer.id, code: type.code))
            }
            let material = try signingMaterial(issuer, masterKey: masterKey, cache: cache, tx: tx, now: ctx.now)
            let validated: InvoiceInput
            do throws(DocumentInputError) {
                validated = try InvoiceBuilder.validate(input: input, today: ecuadorToday(ctx.now))
            } catch { throw error.folioError }

            // Everything is checked: only now is a number taken.
            let sequential = try tx.nextSequential(issuerId: issuer.id, documentType: type.code, series: issuer.series)
            let environment = tenant.environment == .production ? 2 : 1
            let built: BuiltInvoice
            do throws(DocumentInputError) {
                built = try InvoiceBuilder.build(validated: validated, issuer: issuer.invoiceIssuer, environment: environment,
                                                 sequential: sequential, numericCode: numericCode())
            } catch { throw error.folioError }
            let signed: [UInt8]
            do throws(XMLError) {
                let identity: SigningIdentity
                if let cached = cache.identities[material.info.id] { identity = cached } else {
                    identity = try SigningIdentity(key: material.key, certificate: material.certificate)
                    cache.identities[material.info.id] = identity
                }
                signed = try XAdESSigner.sign(built.canonical, identity: identity, profile: profile, signingTime: ctx.now.seconds)
            } catch { throw .server("cannot sign document \(built.accessKey): \(error.message)") }

            let document = StoredDocument(
                id: ctx.ids.make(.document), tenantId: tenant.id, issuerId: issuer.id, documentType: type.code,
                accessKey: built.accessKey, series: issuer.series, sequential: sequential, environment: tenant.environment,
                issueDate: built.issueDate.iso, status: .signed, profile: profile.rawValue, certificateId: material.info.id,
                total: built.totals.total.money, summary: built.summary, createdAt: ctx.now, updatedAt: ctx.now)
            try tx.insertDocument(document, signedXML: signed)
            let details = JSONValue.object([JSONMember("accessKey", .string(document.accessKey)),
                                            JSONMember("number", .string(document.number)),
                                            JSONMember("total", .string(document.total))])
            let warnings = DocumentWarning.warnings(environment: tenant.environment, issuerId: issuer.id,
                                                    certificate: material.info)
            return Change(CreatedDocument(document: document, warnings: warnings),
                          audit: [AuditRecord(action: "document.create", targetId: document.id, tenantId: tenant.id, details: details)],
                          events: [DomainEvent(type: .documentSigned, tenantId: tenant.id, targetId: document.id,
                                               payload: document.json)])
        }
    }

    public static func show(store: Store, handle: String) throws(FolioError) -> StoredDocument {
        try store.read { tx throws(FolioError) in try find(handle, in: tx) }
    }

    /// The signed XML exactly as stored.
    public static func xml(store: Store, handle: String) throws(FolioError) -> [UInt8] {
        try store.read { tx throws(FolioError) in
            let document = try find(handle, in: tx)
            guard let bytes = try tx.documentXML(id: document.id) else { throw .server("document \(document.id) has no XML") }
            return bytes
        }
    }

    public static func list(store: Store, issuer: String?, page: PageRequest) throws(FolioError) -> Page<StoredDocument> {
        if let cursor = page.cursor, !ULID.isValid(cursor, prefix: .document) {
            throw .validation("the cursor '\(cursor)' is not one this command gave out", field: "cursor")
        }
        return try store.read { tx throws(FolioError) -> Page<StoredDocument> in
            let issuerId = try issuer.map { (h: String) throws(FolioError) -> String in
                try Issuers.find(h, in: tx, now: Timestamp(seconds: 0)).id
            }
            return try tx.documents(issuerId: issuerId, tenantId: nil, after: page.cursor, limit: page.limit)
        }
    }

    /// Verifies a stored document's signature.
    public static func verify(store: Store, handle: String, now: Timestamp) throws(FolioError) -> DocumentVerification {
        let document = try show(store: store, handle: handle)
        var report = verify(try xml(store: store, handle: document.id), source: document.id, now: now)
        report.accessKey = document.accessKey
        return report
    }

    /// Verifies any enveloped XML-DSig/XAdES-BES document: every reference digest, the
    /// signature value, and the certificate's validity at signing time. A factura whose header
    /// amounts disagree with its lines (`FacturaAmounts`) gets warnings, whatever the verdict.
    public static func verify(_ bytes: [UInt8], source: String, now: Timestamp) -> DocumentVerification {
        do throws(XMLError) {
            let report = try XAdESVerifier.verify(bytes, now: now.seconds)
            // The verifier parsed the document already, so this cannot fail for want of XML.
            let mismatches = (try? FacturaAmounts.mismatches(in: bytes)) ?? []
            return DocumentVerification(source: source, accessKey: nil, valid: report.valid, failures: report.failures,
                                        signingTime: report.signingTime.map(Timestamp.init(seconds:)),
                                        signatureAlgorithm: report.signatureAlgorithm,
                                        certificateSubject: report.certificateSubject, referenceCount: report.referenceCount,
                                        amountMismatches: mismatches)
        } catch {
            return DocumentVerification(source: source, accessKey: nil, valid: false, failures: [error.description],
                                        signingTime: nil, signatureAlgorithm: "", certificateSubject: nil, referenceCount: 0)
        }
    }

    /// The document named by `handle`: a `doc_` id or a 49-digit access key.
    static func find(_ handle: String, in tx: StoreTransaction) throws(FolioError) -> StoredDocument {
        let found: StoredDocument?
        if handle.hasPrefix(IDPrefix.document.rawValue) { found = try tx.document(id: handle) }
        else if AccessKey.isDigits(handle, count: 49) { found = try tx.document(accessKey: handle) }
        else {
            throw .validation("'\(handle)' is neither a document id (doc_…) nor a 49-digit access key", field: "document")
        }
        guard let found else { throw .notFound("no document '\(handle)'") }
        return found
    }

    static func signingMaterial(_ issuer: Issuer, masterKey: [UInt8], cache: SigningKeyCache, tx: StoreTransaction,
                                now: Timestamp) throws(FolioError) -> SigningMaterial {
        if let id = issuer.certificateId, let cached = cache.materials[id], let info = issuer.certificate {
            // Re-check validity at this document's time with the facts just read.
            if info.expired || info.notYetValid { return try Issuers.signingMaterial(for: issuer, masterKey: masterKey, tx: tx, now: now) }
            return cached
        }
        let material = try Issuers.signingMaterial(for: issuer, masterKey: masterKey, tx: tx, now: now)
        cache.materials[material.info.id] = material
        return material
    }

    /// Today's date in Ecuador (UTC−5, no daylight saving), as the SRI dates documents.
    static func ecuadorToday(_ now: Timestamp) -> (year: Int, month: Int, day: Int) {
        let c = now.adding(seconds: -5 * 3600).civil
        return (c.year, c.month, c.day)
    }

    /// Eight random decimal digits (the access key's numeric code), from OpenSSL's RNG; the
    /// modulo bias over 64 random bits is below 10⁻¹⁰.
    static func numericCode() -> String {
        let value = SecureRandom.bytes(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) } % 100_000_000
        return zeroPadded(Int(value), 8)
    }
}
