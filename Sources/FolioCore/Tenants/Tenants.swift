import FolioCrypto

/// What `tenants register` asks for.
public struct TenantRegistration: Sendable {
    public var email: String
    public var name: String?
    public var tier: Tier
    public var language: Language
    public init(email: String, name: String?, tier: Tier, language: Language) {
        self.email = email
        self.name = name
        self.tier = tier
        self.language = language
    }
}

/// What `tenants register` did: a new tenant, or the one that already had that e-mail.
public struct RegistrationResult: Sendable {
    public var tenant: Tenant
    public var created: Bool
}

/// Filters of `tenants list`.
public struct TenantFilter: Sendable {
    public var status: TenantStatus?
    public var tier: Tier?
    public init(status: TenantStatus? = nil, tier: Tier? = nil) {
        self.status = status
        self.tier = tier
    }
}

/// The tenant service: registration, lookup and lifecycle. Every change is a `Mutation`.
public enum Tenants {
    static let trialDays: Int64 = 14
    static let tokenLifetime: Int64 = 7 * 86400

    public static func register(_ input: TenantRegistration) -> Mutation<RegistrationResult> {
        Mutation { tx, ctx throws(FolioError) in
            let email = try validate(email: input.email)
            let name = try validate(name: input.name ?? email)
            if let existing = try tx.tenant(email: email) {
                return Change(RegistrationResult(tenant: existing, created: false),
                              audit: [AuditRecord(action: "tenant.register", targetId: existing.id, tenantId: existing.id,
                                                  outcome: "existing")])
            }
            let tenant = Tenant(id: ULID.generate(.tenant), email: email, name: name, tier: input.tier,
                                language: input.language, status: .pendingVerification, environment: .sandbox,
                                verifiedAt: nil, suspendedReason: nil,
                                trialEndsAt: input.tier == .trial ? ctx.now.adding(seconds: trialDays * 86400) : nil,
                                createdAt: ctx.now, updatedAt: ctx.now)
            let token = newToken()
            try tx.insertTenant(tenant, tokenHash: token.hash, tokenExpiresAt: ctx.now.adding(seconds: tokenLifetime))
            return Change(RegistrationResult(tenant: tenant, created: true),
                          audit: [AuditRecord(action: "tenant.register", targetId: tenant.id, tenantId: tenant.id,
                                              outcome: "created",
                                              details: .object([JSONMember("tier", .string(tenant.tier.rawValue))]))],
                          events: [DomainEvent(type: "tenant.created", tenantId: tenant.id, targetId: tenant.id,
                                               payload: tenant.json)],
                          sideEffects: [.mail(VerificationMail.make(for: tenant, token: token.plain, now: ctx.now))])
        }
    }

    /// The tenant named by `handle`: a `ten_` id or an e-mail (case-insensitive).
    static func find(_ handle: String, in tx: StoreTransaction) throws(FolioError) -> Tenant {
        let found = handle.hasPrefix(IDPrefix.tenant.rawValue) ? try tx.tenant(id: handle) : try tx.tenant(email: handle)
        guard let found else {
            throw .notFound("no tenant '\(handle)'", hint: "list tenants with 'folio tenants list'; give an id (ten_…) or an e-mail")
        }
        return found
    }

    public static func show(store: Store, handle: String) throws(FolioError) -> Tenant {
        try store.read { tx throws(FolioError) in try find(handle, in: tx) }
    }

    public static func list(store: Store, filter: TenantFilter, page: PageRequest) throws(FolioError) -> Page<Tenant> {
        if let cursor = page.cursor, !ULID.isValid(cursor, prefix: .tenant) {
            throw .validation("the cursor '\(cursor)' is not one this command gave out", field: "cursor")
        }
        let rows = try store.read { tx throws(FolioError) in
            try tx.tenants(status: filter.status, tier: filter.tier, afterId: page.cursor, limit: page.limit.map { $0 + 1 })
        }
        return Page(items: rows, limit: page.limit, cursor: \.id)
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
                                      hint: "pass --token-file FILE or pipe the token on stdin; or --force as an admin")
                }
                let stored = try tx.verificationToken(tenantId: tenant.id)
                let given = Hex.encode(Digest.sha256(Array(token.utf8)))
                guard let hash = stored.hash, ConstantTime.equals(Array(hash.utf8), Array(given.utf8)) else {
                    throw .validation("the verification token does not match", field: "token",
                                      hint: "use the token of the latest e-mail; 'folio tenants resend-verification' sends a new one")
                }
                if let expires = stored.expiresAt, expires <= ctx.now {
                    throw .validation("the verification token expired at \(expires.rfc3339)", field: "token",
                                      hint: "send a new one with 'folio tenants resend-verification \(tenant.id)'")
                }
            }
            tenant.verifiedAt = ctx.now
            if tenant.status == .pendingVerification { tenant.status = .active }
            tenant.updatedAt = ctx.now
            try tx.updateTenant(tenant)
            try tx.setVerificationToken(tenantId: tenant.id, hash: nil, expiresAt: nil)
            return change(tenant, action: "tenant.verify", event: "tenant.verified",
                          details: .object([JSONMember("forced", .bool(force))]))
        }
    }

    /// Sends a new verification token; the previous one stops working.
    public static func resendVerification(_ handle: String) -> Mutation<Tenant> {
        Mutation { tx, ctx throws(FolioError) in
            let tenant = try find(handle, in: tx)
            guard tenant.verifiedAt == nil else {
                throw .invalidState("tenant \(tenant.id) is already verified; there is nothing to resend")
            }
            let token = newToken()
            try tx.setVerificationToken(tenantId: tenant.id, hash: token.hash,
                                        expiresAt: ctx.now.adding(seconds: tokenLifetime))
            var result = change(tenant, action: "tenant.resend_verification", event: nil)
            result.sideEffects = [.mail(VerificationMail.make(for: tenant, token: token.plain, now: ctx.now))]
            return result
        }
    }

    public static func setTier(_ handle: String, tier: Tier) -> Mutation<Tenant> {
        update(handle, action: "tenant.set_tier", event: "tenant.updated") { tenant, ctx throws(FolioError) in
            let old = tenant.tier
            tenant.tier = tier
            if tier != .trial { tenant.trialEndsAt = nil }
            else if old != .trial { tenant.trialEndsAt = ctx.now.adding(seconds: trialDays * 86400) }
            return .object([JSONMember("from", .string(old.rawValue)), JSONMember("to", .string(tier.rawValue))])
        }
    }

    public static func setLanguage(_ handle: String, language: Language) -> Mutation<Tenant> {
        update(handle, action: "tenant.set_language", event: "tenant.updated") { tenant, _ throws(FolioError) in
            let old = tenant.language
            tenant.language = language
            return .object([JSONMember("from", .string(old.rawValue)), JSONMember("to", .string(language.rawValue))])
        }
    }

    public static func suspend(_ handle: String, reason: String) -> Mutation<Tenant> {
        update(handle, action: "tenant.suspend", event: "tenant.suspended") { tenant, _ throws(FolioError) in
            let reason = reason.trimmingSpaces
            guard !reason.isEmpty else { throw .validation("a reason is needed to suspend a tenant", field: "reason") }
            guard tenant.status != .suspended else { throw .invalidState("tenant \(tenant.id) is already suspended") }
            tenant.status = .suspended
            tenant.suspendedReason = reason
            return .object([JSONMember("reason", .string(reason))])
        }
    }

    /// Lifts a suspension: back to active, or to pending_verification when never verified.
    public static func activate(_ handle: String) -> Mutation<Tenant> {
        update(handle, action: "tenant.activate", event: "tenant.activated") { tenant, _ throws(FolioError) in
            guard tenant.status == .suspended else {
                throw .invalidState("tenant \(tenant.id) is \(tenant.status.rawValue), not suspended",
                                    hint: tenant.status == .pendingVerification ? "verify it with 'folio tenants verify'" : nil)
            }
            tenant.status = tenant.verifiedAt == nil ? .pendingVerification : .active
            tenant.suspendedReason = nil
            return .object([])
        }
    }

    private static func update(_ handle: String, action: String, event: String,
                               _ apply: @escaping (inout Tenant, MutationContext) throws(FolioError) -> JSONValue) -> Mutation<Tenant> {
        Mutation { tx, ctx throws(FolioError) in
            var tenant = try find(handle, in: tx)
            let details = try apply(&tenant, ctx)
            tenant.updatedAt = ctx.now
            try tx.updateTenant(tenant)
            return change(tenant, action: action, event: event, details: details)
        }
    }

    private static func change(_ tenant: Tenant, action: String, event: String?, details: JSONValue = .object([])) -> Change<Tenant> {
        Change(tenant,
               audit: [AuditRecord(action: action, targetId: tenant.id, tenantId: tenant.id, details: details)],
               events: event.map { [DomainEvent(type: $0, tenantId: tenant.id, targetId: tenant.id, payload: tenant.json)] } ?? [])
    }

    static func newToken() -> (plain: String, hash: String) {
        let plain = Hex.encode(SecureRandom.bytes(24))
        return (plain, Hex.encode(Digest.sha256(Array(plain.utf8))))
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
