import FolioCrypto
import FolioSupport

/// What `tenants register` asks for.
public struct TenantRegistration: Sendable {
    public var email: String
    public var name: String?
    public var tier: Tier
    public var language: Language
    /// With a RUC, the tenant's first issuer (001-001) is created too, with a generated sandbox
    /// certificate sealed under `masterKey`, so that a CI job can sign right after registering.
    public var ruc: String?
    public var masterKey: [UInt8]?
    /// How the token is used, for the verification e-mail (the front end's words; `{tenant}`
    /// stands for the tenant's id); nil leaves that line out.
    public var verifyHowTo: String?
    public init(email: String, name: String?, tier: Tier, language: Language, ruc: String? = nil, masterKey: [UInt8]? = nil,
                verifyHowTo: String? = nil) {
        self.email = email
        self.name = name
        self.tier = tier
        self.language = language
        self.ruc = ruc
        self.masterKey = masterKey
        self.verifyHowTo = verifyHowTo
    }
}

/// What `tenants register` did: a new tenant, or the one that already had that e-mail; and
/// the tenant's new sandbox key with its secret (shown once).
public struct RegistrationResult: Sendable {
    public var tenant: Tenant
    public var created: Bool
    public var key: MintedKey
    /// Sandbox keys revoked because the e-mail was registered again.
    public var revokedKeyIds: [String]
    /// The issuer made with `--ruc` (or the tenant's existing 001-001 issuer).
    public var issuer: Issuer?
}

/// Filters of `tenants list`.
public struct TenantFilter: Sendable {
    public var status: TenantStatus?
    public var tier: Tier?
    /// Text of the e-mail or name (case- and accent-insensitive), or a RUC's start: `TenantSearch`.
    public var search: String?
    public init(status: TenantStatus? = nil, tier: Tier? = nil, search: String? = nil) {
        self.status = status
        self.tier = tier
        self.search = search
    }
}

/// The tenant service: registration, lookup and lifecycle. Every change is a `Mutation`.
public enum Tenants {
    static let trialDays: Int64 = 14
    static let tokenLifetime: Int64 = 7 * 86400

    /// Registers a tenant, or mints a new sandbox key for the one that has the e-mail. With a
    /// RUC, the default issuer's certificate is generated before the write transaction.
    public static func register(_ input: TenantRegistration) -> Mutation<RegistrationResult> {
        // Without a RUC there is nothing slow to do ahead.
        guard input.ruc != nil else {
            return Mutation { tx, ctx throws(FolioError) in try registration(input, prepared: nil, tx: tx, ctx: ctx) }
        }
        return Mutation(ahead: { store, ctx throws(FolioError) -> PreparedCertificate? in
            try defaultCertificate(input, store: store, ctx: ctx)
        }, body: { ahead, tx, ctx throws(FolioError) in
            try registration(input, prepared: ahead ?? nil, tx: tx, ctx: ctx)
        })
    }

    private static func registration(_ input: TenantRegistration, prepared: PreparedCertificate?, tx: StoreTransaction,
                                     ctx: MutationContext) throws(FolioError) -> Change<RegistrationResult> {
        let email = try validate(email: input.email)
        let name = try validate(name: input.name ?? email)
        if let existing = try tx.tenant(email: email) {
            // Registering again is how a tenant who lost its sandbox key gets a new one:
            // the current sandbox keys are revoked and a new key is returned.
            var audit = [AuditRecord(action: "tenant.register", targetId: existing.id, tenantId: existing.id,
                                     outcome: "existing")]
            var events: [DomainEvent] = []
            var revokedIds: [String] = []
            for old in try tx.activeApiKeys(tenantId: existing.id, environment: .sandbox, now: ctx.now) {
                let done = try Keys.revoke(old, reason: "re-registered", tx: tx, ctx: ctx)
                revokedIds.append(old.id)
                audit.append(done.audit)
                events.append(done.event)
            }
            let made = try mintSandboxKey(for: existing, tx: tx, ctx: ctx)
            let issuer = try defaultIssuer(for: existing, input, prepared: prepared, tx: tx, ctx: ctx)
            return Change(RegistrationResult(tenant: existing, created: false, key: made.minted, revokedKeyIds: revokedIds,
                                             issuer: issuer.issuer),
                          audit: audit + [made.audit] + issuer.audit, events: events + [made.event] + issuer.events)
        }
        let tenant = Tenant(id: ctx.ids.make(.tenant), email: email, name: name, tier: input.tier,
                            language: input.language, status: .pendingVerification, environment: .sandbox,
                            verifiedAt: nil, suspendedReason: nil,
                            trialEndsAt: input.tier == .trial ? ctx.now.adding(seconds: trialDays * 86400) : nil,
                            createdAt: ctx.now, updatedAt: ctx.now)
        let token = newToken()
        try tx.insertTenant(tenant, tokenHash: token.hash, tokenExpiresAt: ctx.now.adding(seconds: tokenLifetime))
        let made = try mintSandboxKey(for: tenant, tx: tx, ctx: ctx)
        let issuer = try defaultIssuer(for: tenant, input, prepared: prepared, tx: tx, ctx: ctx)
        return Change(RegistrationResult(tenant: tenant, created: true, key: made.minted, revokedKeyIds: [], issuer: issuer.issuer),
                      audit: [AuditRecord(action: "tenant.register", targetId: tenant.id, tenantId: tenant.id,
                                          outcome: "created",
                                          details: .object([JSONMember("tier", .string(tenant.tier.rawValue))])),
                              made.audit] + issuer.audit,
                      events: [DomainEvent(type: .tenantCreated, tenantId: tenant.id, targetId: tenant.id,
                                           payload: tenant.json), made.event] + issuer.events,
                      sideEffects: [.mail(VerificationMail.make(for: tenant, token: token.plain, howTo: input.verifyHowTo,
                                                                 now: ctx.now, ids: ctx.ids))])
    }

    /// With a RUC, the sandbox certificate of the tenant's default issuer, generated before the
    /// write transaction. Nil when none will be needed (no RUC, or the tenant has its 001-001
    /// issuer already) or none can be stored (no master key: the transaction says so).
    private static func defaultCertificate(_ input: TenantRegistration, store: Store,
                                           ctx: MutationContext) throws(FolioError) -> PreparedCertificate? {
        guard let ruc = input.ruc, input.masterKey != nil else { return nil }
        let email = try validate(email: input.email)
        let name = try validate(name: input.name ?? email)
        let tenantName = try store.read { tx throws(FolioError) -> String? in
            guard let existing = try tx.tenant(email: email) else { return name }
            let hasIssuer = try tx.issuer(tenantId: existing.id, establishment: "001", emissionPoint: "001") != nil
            return hasIssuer ? nil : existing.name
        }
        guard let tenantName else { return nil }
        return try Issuers.defaultCertificate(tenantName: tenantName, ruc: ruc, now: ctx.now, ids: ctx.ids)
    }

    /// With `--ruc`: the tenant's 001-001 issuer, created with a generated sandbox certificate
    /// unless it exists already (so registering again stays idempotent).
    private static func defaultIssuer(for tenant: Tenant, _ input: TenantRegistration, prepared: PreparedCertificate?,
                                      tx: StoreTransaction,
                                      ctx: MutationContext) throws(FolioError) -> (issuer: Issuer?, audit: [AuditRecord], events: [DomainEvent]) {
        guard let ruc = input.ruc else { return (nil, [], []) }
        if let existing = try tx.issuer(tenantId: tenant.id, establishment: "001", emissionPoint: "001") {
            guard existing.ruc == ruc else {
                throw FolioError(.conflict, "tenant \(tenant.id) already has issuer 001-001 (\(existing.id)) with RUC \(existing.ruc)",
                                 field: "ruc", remedy: .createIssuer(tenant: tenant.id))
            }
            return (existing, [], [])
        }
        guard let masterKey = input.masterKey else { throw .server("registering with a RUC needs the store's master key") }
        let made = try Issuers.createDefault(tenant: tenant, ruc: ruc, masterKey: masterKey, tx: tx, ctx: ctx, prepared: prepared)
        return (made.0, made.1, made.2)
    }

    /// Verifies a tenant's e-mail with the token from its verification e-mail, or, with
    /// `force`, as an admin override.
    public static func verify(_ handle: String, token: String?, force: Bool) -> Mutation<Tenant> {
        Mutation { tx, ctx throws(FolioError) in
            var tenant = try find(handle, in: tx)
            guard tenant.verifiedAt == nil else {
                throw .invalidState("tenant \(tenant.id) is already verified")
            }
            if !force {
                guard let token, !token.isEmpty else {
                    throw .validation("a verification token is needed", field: "token",
                                      remedy: .giveVerificationToken(tenant.id))
                }
                let stored = try tx.verificationToken(tenantId: tenant.id)
                let given = Hex.encode(Digest.sha256(Array(token.utf8)))
                guard let hash = stored.hash, ConstantTime.equals(Array(hash.utf8), Array(given.utf8)) else {
                    throw .validation("the verification token does not match", field: "token",
                                      remedy: .useLatestToken(tenant.id))
                }
                if let expires = stored.expiresAt, expires <= ctx.now {
                    throw .validation("the verification token expired at \(expires.rfc3339)", field: "token",
                                      remedy: .resendVerification(tenant.id))
                }
            }
            tenant.verifiedAt = ctx.now
            if tenant.status == .pendingVerification { tenant.status = .active }
            tenant.updatedAt = ctx.now
            try tx.updateTenant(tenant)
            try tx.setVerificationToken(tenantId: tenant.id, hash: nil, expiresAt: nil)
            return change(tenant, action: "tenant.verify", event: .tenantVerified,
                          details: .object([JSONMember("forced", .bool(force))]))
        }
    }

    /// Sends a new verification token; the previous one stops working.
    /// `verifyHowTo` as in `TenantRegistration`.
    public static func resendVerification(_ handle: String, verifyHowTo: String? = nil) -> Mutation<Tenant> {
        Mutation { tx, ctx throws(FolioError) in
            let tenant = try find(handle, in: tx)
            guard tenant.verifiedAt == nil else {
                throw .invalidState("tenant \(tenant.id) is already verified; there is nothing to resend")
            }
            let token = newToken()
            try tx.setVerificationToken(tenantId: tenant.id, hash: token.hash,
                                        expiresAt: ctx.now.adding(seconds: tokenLifetime))
            var result = change(tenant, action: "tenant.resend_verification", event: nil)
            result.sideEffects = [.mail(VerificationMail.make(for: tenant, token: token.plain, howTo: verifyHowTo,
                                                              now: ctx.now, ids: ctx.ids))]
            return result
        }
    }

    public static func setTier(_ handle: String, tier: Tier) -> Mutation<Tenant> {
        update(handle, action: "tenant.set_tier", event: .tenantUpdated) { tenant, ctx throws(FolioError) in
            let old = tenant.tier
            tenant.tier = tier
            if tier != .trial { tenant.trialEndsAt = nil }
            else if old != .trial { tenant.trialEndsAt = ctx.now.adding(seconds: trialDays * 86400) }
            return .object([JSONMember("from", .string(old.rawValue)), JSONMember("to", .string(tier.rawValue))])
        }
    }

    public static func setLanguage(_ handle: String, language: Language) -> Mutation<Tenant> {
        update(handle, action: "tenant.set_language", event: .tenantUpdated) { tenant, _ throws(FolioError) in
            let old = tenant.language
            tenant.language = language
            return .object([JSONMember("from", .string(old.rawValue)), JSONMember("to", .string(language.rawValue))])
        }
    }

    public static func suspend(_ handle: String, reason: String) -> Mutation<Tenant> {
        update(handle, action: "tenant.suspend", event: .tenantSuspended) { tenant, _ throws(FolioError) in
            let reason = reason.trimmingSpaces
            guard !reason.isEmpty else { throw .validation("a reason is needed to suspend a tenant", field: "reason") }
            try FreeText.check(reason, field: "reason", what: "the reason")
            guard tenant.status != .suspended else { throw .invalidState("tenant \(tenant.id) is already suspended") }
            tenant.status = .suspended
            tenant.suspendedReason = reason
            return .object([JSONMember("reason", .string(reason))])
        }
    }

    /// Lifts a suspension: back to active, or to pending_verification when never verified.
    public static func activate(_ handle: String) -> Mutation<Tenant> {
        update(handle, action: "tenant.activate", event: .tenantActivated) { tenant, _ throws(FolioError) in
            guard tenant.status == .suspended else {
                throw .invalidState("tenant \(tenant.id) is \(tenant.status.rawValue), not suspended",
                                    remedy: tenant.status == .pendingVerification ? .verifyTenant(tenant.id) : nil)
            }
            tenant.status = tenant.verifiedAt == nil ? .pendingVerification : .active
            tenant.suspendedReason = nil
            return .object([])
        }
    }

    private static func update(_ handle: String, action: String, event: EventType,
                               _ apply: @escaping (inout Tenant, MutationContext) throws(FolioError) -> JSONValue) -> Mutation<Tenant> {
        Mutation { tx, ctx throws(FolioError) in
            var tenant = try find(handle, in: tx)
            let details = try apply(&tenant, ctx)
            tenant.updatedAt = ctx.now
            try tx.updateTenant(tenant)
            return change(tenant, action: action, event: event, details: details)
        }
    }

    private static func change(_ tenant: Tenant, action: String, event: EventType?, details: JSONValue = .object([])) -> Change<Tenant> {
        Change(tenant,
               audit: [AuditRecord(action: action, targetId: tenant.id, tenantId: tenant.id, details: details)],
               events: event.map { [DomainEvent(type: $0, tenantId: tenant.id, targetId: tenant.id, payload: tenant.json)] } ?? [])
    }

    static func newToken() -> (plain: String, hash: String) {
        let plain = Hex.encode(SecureRandom.bytes(24))
        return (plain, Hex.encode(Digest.sha256(Array(plain.utf8))))
    }
}
