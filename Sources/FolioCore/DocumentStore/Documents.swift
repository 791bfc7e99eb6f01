import FolioCrypto
import FolioXML
import FolioSupport

/// Opened signing keys of one command run, by certificate id: a batch decrypts and parses its
/// issuer's key once, not once per document. Expiry is still checked for every document.
public final class SigningKeyCache: @unchecked Sendable {
    var materials: [String: SigningMaterial] = [:]
    var identities: [String: SigningIdentity] = [:]
    /// The signer and next number read ahead for the batch group being prepared.
    var aheadRead: (group: GroupForecast, handle: String, signer: DocumentSigner, next: Int)?
    public init() {}
}

/// The document service: create and sign, show, read the XML, verify.
public enum Documents {
    /// Validates `input` fully (input, type enabled, tenant not suspended, a valid certificate),
    /// then takes the next sequential, builds the factura, signs it and stores it as `signed`.
    /// Every failure happens before the sequential is taken; and since all of it is one
    /// transaction, a failure after it gives the number back.
    ///
    /// The signature is made ahead of the write transaction, for the number the series will
    /// give next (in a batch, plus the numbers the group's earlier lines expect to take; see
    /// `GroupForecast`). Inside the transaction, everything is checked again and the number is
    /// taken as always, under the series' lock; when it or anything the XML was built from is not
    /// what the draft was made for (another writer took numbers meanwhile, the certificate was
    /// replaced, the tenant was promoted), the invoice is built and signed again there, with what
    /// is true now. So the stored XML always carries the number the document got. A production
    /// tenant signing with a self-generated certificate gets the document and a warning
    /// (`DocumentWarning`).
    public static func create(issuer handle: String, input: JSONValue, profile: SignatureProfile, masterKey: [UInt8],
                              cache: SigningKeyCache = SigningKeyCache()) -> Mutation<CreatedDocument> {
        let type = SRIDocumentType.factura
        return Mutation(ahead: { store, ctx throws(FolioError) -> DocumentDraft in
            let (signer, next) = try readAhead(handle, masterKey: masterKey, cache: cache, group: ctx.group, store: store,
                                               now: ctx.now)
            let basis = DocumentBasis(signer: signer, input: try validate(input, now: ctx.now))
            let sequential = next + (ctx.group?.taken(signer.counter) ?? 0)
            let draft = try DocumentDraft.make(basis, sequential: sequential, profile: profile, cache: cache, now: ctx.now)
            ctx.group?.take(signer.counter)
            return draft
        }, body: { draft, tx, ctx throws(FolioError) in
            let signer = try readSigner(handle, masterKey: masterKey, cache: cache, tx: tx, now: ctx.now)
            // The input's validation depends on nothing stored: the draft's is as good as new.
            let validated: InvoiceInput
            if let draft { validated = draft.built.input } else { validated = try validate(input, now: ctx.now) }
            let basis = DocumentBasis(signer: signer, input: validated)
            // Everything is checked: only now is a number taken.
            let sequential = try tx.nextSequential(issuerId: signer.issuer.id, documentType: type.code, series: signer.issuer.series)
            let made: DocumentDraft
            if let draft, draft.fits(basis, sequential: sequential) { made = draft } else {
                made = try DocumentDraft.make(basis, sequential: sequential, profile: profile, cache: cache, now: ctx.now)
            }
            let built = made.built, issuer = signer.issuer, tenant = signer.tenant
            let document = StoredDocument(
                id: ctx.ids.make(.document), tenantId: tenant.id, issuerId: issuer.id, documentType: type.code,
                accessKey: built.accessKey, series: issuer.series, sequential: sequential, environment: tenant.environment,
                issueDate: built.issueDate.iso, status: .signed, profile: profile.rawValue, certificateId: made.certificateId,
                total: built.totals.total.money, summary: built.summary, createdAt: ctx.now, updatedAt: ctx.now)
            try tx.insertDocument(document, signedXML: made.signed)
            let details = JSONValue.object([JSONMember("accessKey", .string(document.accessKey)),
                                            JSONMember("number", .string(document.number)),
                                            JSONMember("total", .string(document.total))])
            let warnings = DocumentWarning.warnings(environment: tenant.environment, issuerId: issuer.id,
                                                    certificate: signer.material.info)
            return Change(CreatedDocument(document: document, warnings: warnings),
                          audit: [AuditRecord(action: "document.create", targetId: document.id, tenantId: tenant.id, details: details)],
                          events: [DomainEvent(type: .documentSigned, tenantId: tenant.id, targetId: document.id,
                                               payload: document.json)])
        })
    }

    /// The signer of issuer `handle` and the series' next number, read ahead of the write
    /// transaction: once per batch group (its lines are prepared one right after another, and
    /// each is checked again under the lock), else once per document.
    static func readAhead(_ handle: String, masterKey: [UInt8], cache: SigningKeyCache, group: GroupForecast?, store: Store,
                          now: Timestamp) throws(FolioError) -> (DocumentSigner, Int) {
        if let group, let read = cache.aheadRead, read.group === group, read.handle == handle { return (read.signer, read.next) }
        let (signer, next) = try store.read { tx throws(FolioError) -> (DocumentSigner, Int) in
            let signer = try readSigner(handle, masterKey: masterKey, cache: cache, tx: tx, now: now)
            let issuer = signer.issuer
            return (signer, try tx.peekSequential(issuerId: issuer.id, documentType: SRIDocumentType.factura.code,
                                                  series: issuer.series))
        }
        if let group { cache.aheadRead = (group, handle, signer, next) }
        return (signer, next)
    }

    /// Reads and checks who signs an invoice of issuer `handle`, in the order failures are
    /// reported: the issuer, its tenant (not suspended), type 01 enabled, a certificate valid now.
    static func readSigner(_ handle: String, masterKey: [UInt8], cache: SigningKeyCache, tx: StoreTransaction,
                           now: Timestamp) throws(FolioError) -> DocumentSigner {
        let issuer = try Issuers.find(handle, in: tx, now: now)
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
        let material = try signingMaterial(issuer, masterKey: masterKey, cache: cache, tx: tx, now: now)
        return DocumentSigner(issuer: issuer, tenant: tenant, material: material)
    }

    /// The invoice input, validated (checked after the signer, so its failures come after those).
    static func validate(_ input: JSONValue, now: Timestamp) throws(FolioError) -> InvoiceInput {
        do throws(DocumentInputError) { return try InvoiceBuilder.validate(input: input, today: ecuadorToday(now)) } catch {
            throw error.folioError
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

    /// One page of the documents `filter` keeps, in its order (newest first unless it says
    /// otherwise); the cursor must come from a page of the same order.
    public static func list(store: Store, filter: DocumentFilter, page: PageRequest) throws(FolioError) -> Page<StoredDocument> {
        var query = try DocumentListQuery(checking: filter)
        let cursor = try page.cursor.map { (text: String) throws(FolioError) -> DocumentCursor in
            try DocumentCursor(parsing: text, for: filter.sort)
        }
        return try store.read { tx throws(FolioError) -> Page<StoredDocument> in
            query.tenantId = try filter.tenant.map { (h: String) throws(FolioError) -> String in try Tenants.find(h, in: tx).id }
            query.issuerId = try filter.issuer.map { (h: String) throws(FolioError) -> String in
                try Issuers.find(h, in: tx, now: Timestamp(seconds: 0)).id
            }
            return try tx.documents(query, after: cursor, limit: page.limit)
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
