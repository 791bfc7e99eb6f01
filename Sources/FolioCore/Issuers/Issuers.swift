import FolioSupport

/// What `issuers create` asks for.
public struct IssuerRegistration: Sendable {
    /// The tenant: `ten_` id or e-mail.
    public var tenant: String
    public var name: String
    public var ruc: String
    /// `razonSocial`; the tenant's name when nil.
    public var legalName: String?
    public var tradeName: String?
    public var address: String
    public var establishmentAddress: String?
    public var establishment: String
    public var emissionPoint: String
    public var keepsAccounts: Bool
    public var specialTaxpayer: String?
    /// Another issuer of the same tenant whose certificate this one shares.
    public var inheritCertificateFrom: String?

    public init(tenant: String, name: String, ruc: String, legalName: String? = nil, tradeName: String? = nil,
                address: String, establishmentAddress: String? = nil, establishment: String = "001",
                emissionPoint: String = "001", keepsAccounts: Bool = false, specialTaxpayer: String? = nil,
                inheritCertificateFrom: String? = nil) {
        self.tenant = tenant
        self.name = name
        self.ruc = ruc
        self.legalName = legalName
        self.tradeName = tradeName
        self.address = address
        self.establishmentAddress = establishmentAddress
        self.establishment = establishment
        self.emissionPoint = emissionPoint
        self.keepsAccounts = keepsAccounts
        self.specialTaxpayer = specialTaxpayer
        self.inheritCertificateFrom = inheritCertificateFrom
    }
}

/// The issuer service: issuers of a tenant, their document types (certificates are in
/// `Issuers+Certificates.swift`). Every change is a `Mutation`.
public enum Issuers {
    /// The address printed as `dirMatriz` for an issuer made by `tenants register --ruc`, which
    /// asks for none; a sandbox convenience, to be replaced before production.
    public static let placeholderAddress = "Dirección no registrada"

    public static func create(_ input: IssuerRegistration) -> Mutation<Issuer> {
        Mutation { tx, ctx throws(FolioError) in
            let tenant = try Tenants.find(input.tenant, in: tx)
            var issuer = try validated(input, tenantId: tenant.id, tenantName: tenant.name, now: ctx.now, ids: ctx.ids)
            if let source = input.inheritCertificateFrom {
                let from = try find(source, in: tx, now: ctx.now)
                guard from.tenantId == tenant.id else {
                    throw .validation("issuer \(from.id) belongs to another tenant; only a certificate of the same tenant can be shared",
                                      field: "inherit-cert-from")
                }
                guard let certificateId = from.certificateId else {
                    throw .validation("issuer \(from.id) has no certificate to share", field: "inherit-cert-from",
                                      remedy: .giveCertificate(issuer: from.id))
                }
                issuer.certificateId = certificateId
            }
            try insert(issuer, tx: tx)
            let made = try load(issuer.id, tx: tx, now: ctx.now)
            return Change(made, audit: [audit("issuer.create", made)], events: [event(.issuerCreated, made)])
        }
    }

    /// How long the sandbox certificate of a default issuer is valid.
    static let defaultCertificateDays = 365

    /// The tenant's first issuer (001-001) with a generated sandbox certificate, for `tenants
    /// register --ruc`: call it inside the registration's mutation and add its audit records
    /// and events to the registration's change. `prepared` is the certificate made ahead of the
    /// transaction (`defaultCertificate`); it is used when it was made for this issuer's
    /// subject, else one is generated here.
    public static func createDefault(tenant: Tenant, ruc: String, masterKey: [UInt8], tx: StoreTransaction,
                                     ctx: MutationContext,
                                     prepared: PreparedCertificate? = nil) throws(FolioError) -> (Issuer, [AuditRecord], [DomainEvent]) {
        let issuer = try validated(defaultRegistration(tenantId: tenant.id, ruc: ruc), tenantId: tenant.id,
                                   tenantName: tenant.name, now: ctx.now, ids: ctx.ids)
        try insert(issuer, tx: tx)
        let subject = CertificateSubject(issuer)
        let generated: PreparedCertificate
        if let ready = prepared?.madeFor(subject) { generated = ready } else {
            generated = try PreparedCertificate.generate(for: subject, days: defaultCertificateDays, now: ctx.now)
        }
        let certificate = try sealedRecord(generated, tenantId: issuer.tenantId, source: "generated", masterKey: masterKey,
                                           now: ctx.now, ids: ctx.ids)
        try tx.insertCertificate(certificate)
        try tx.setIssuerCertificate(issuerId: issuer.id, certificateId: certificate.info.id, at: ctx.now)
        let made = try load(issuer.id, tx: tx, now: ctx.now)
        return (made, [audit("issuer.create", made), certificateAudit("issuer.cert_generate", made, certificate.info)],
                [event(.issuerCreated, made)])
    }

    /// The sandbox certificate `createDefault` will need for a tenant named `tenantName`, made
    /// ahead of the write transaction. Checks the would-be issuer first (a bad RUC fails before
    /// a key is generated).
    static func defaultCertificate(tenantName: String, ruc: String, now: Timestamp,
                                   ids: IDGenerator) throws(FolioError) -> PreparedCertificate {
        let issuer = try validated(defaultRegistration(tenantId: "", ruc: ruc), tenantId: "", tenantName: tenantName,
                                   now: now, ids: ids)
        return try PreparedCertificate.generate(for: CertificateSubject(issuer), days: defaultCertificateDays, now: now)
    }

    private static func defaultRegistration(tenantId: String, ruc: String) -> IssuerRegistration {
        // The legal name is left to `validated`, which takes the tenant's name.
        IssuerRegistration(tenant: tenantId, name: "Matriz", ruc: ruc, address: placeholderAddress)
    }

    public static func show(store: Store, handle: String, now: Timestamp) throws(FolioError) -> Issuer {
        try store.read { tx throws(FolioError) in try find(handle, in: tx, now: now) }
    }

    public static func list(store: Store, tenant: String?, page: PageRequest, now: Timestamp) throws(FolioError) -> Page<Issuer> {
        if let cursor = page.cursor, !ULID.isValid(cursor, prefix: .issuer) {
            throw .validation("the cursor '\(cursor)' is not one this command gave out", field: "cursor")
        }
        return try store.read { tx throws(FolioError) -> Page<Issuer> in
            let tenantId = try tenant.map { (h: String) throws(FolioError) -> String in try Tenants.find(h, in: tx).id }
            var found = try tx.issuers(tenantId: tenantId, after: page.cursor, limit: page.limit)
            for i in found.items.indices { found.items[i] = try decorate(found.items[i], tx: tx, now: now) }
            return found
        }
    }

    /// The issuer named by `handle` (an `iss_` id), with its certificate and document types.
    static func find(_ handle: String, in tx: StoreTransaction, now: Timestamp) throws(FolioError) -> Issuer {
        guard handle.hasPrefix(IDPrefix.issuer.rawValue), let found = try tx.issuer(id: handle) else {
            throw .notFound("no issuer '\(handle)'; an issuer is named by its id (iss_…)", remedy: .listIssuers)
        }
        return try decorate(found, tx: tx, now: now)
    }

    static func load(_ id: String, tx: StoreTransaction, now: Timestamp) throws(FolioError) -> Issuer {
        try find(id, in: tx, now: now)
    }

    static func decorate(_ issuer: Issuer, tx: StoreTransaction, now: Timestamp) throws(FolioError) -> Issuer {
        var issuer = issuer
        issuer.certificate = try issuer.certificateId.flatMap { (id: String) throws(FolioError) in try tx.certificate(id: id, now: now)?.info }
        issuer.documentTypes = try tx.documentTypes(issuerId: issuer.id).keys.sorted()
        return issuer
    }

    /// Checks every field (errors name it as `issuer.ruc`, `issuer.emissionPoint`…) and makes the new issuer value.
    /// `tenantName` is the legal name when the input gives none.
    static func validated(_ input: IssuerRegistration, tenantId: String, tenantName: String, now: Timestamp,
                          ids: IDGenerator) throws(FolioError) -> Issuer {
        let name = input.name.trimmingSpaces
        guard !name.isEmpty, name.count <= 300 else {
            throw .validation("the issuer's name must be 1 to 300 characters", field: "name")
        }
        try FreeText.check(name, field: "name", what: "the issuer's name")
        let issuer = Issuer(id: ids.make(.issuer), tenantId: tenantId, name: name, ruc: input.ruc,
                            legalName: (input.legalName ?? tenantName).trimmingSpaces, tradeName: input.tradeName,
                            address: input.address.trimmingSpaces, establishmentAddress: input.establishmentAddress,
                            establishment: input.establishment, emissionPoint: input.emissionPoint,
                            keepsAccounts: input.keepsAccounts, specialTaxpayer: input.specialTaxpayer,
                            certificateId: nil, createdAt: now, updatedAt: now)
        do throws(DocumentInputError) { try issuer.invoiceIssuer.validate() } catch {
            throw .validation(error.message, field: error.field)
        }
        return issuer
    }

    /// Inserts a new issuer with type 01 enabled; one per tenant+establishment+point.
    static func insert(_ issuer: Issuer, tx: StoreTransaction) throws(FolioError) {
        if let existing = try tx.issuer(tenantId: issuer.tenantId, establishment: issuer.establishment,
                                        emissionPoint: issuer.emissionPoint) {
            throw FolioError(.conflict, "tenant \(issuer.tenantId) already has issuer \(existing.id) for series \(issuer.series)",
                             field: "point", remedy: .chooseAnotherSeries)
        }
        try tx.insertIssuer(issuer)
        try tx.enableDocumentType(issuerId: issuer.id, code: SRIDocumentType.factura.code, at: issuer.createdAt)
    }

    static func audit(_ action: String, _ issuer: Issuer, details: JSONValue = .object([])) -> AuditRecord {
        AuditRecord(action: action, targetId: issuer.id, tenantId: issuer.tenantId, details: details)
    }

    static func event(_ type: EventType, _ issuer: Issuer) -> DomainEvent {
        DomainEvent(type: type, tenantId: issuer.tenantId, targetId: issuer.id, payload: issuer.json)
    }
}
