import FolioSupport

/// What `keys mint` asks for.
public struct KeyMintRequest: Sendable {
    public var tenant: String
    public var label: String?
    public var scopes: [String]
    /// nil: the tenant's environment.
    public var environment: Environment?
    public var expiresInSeconds: Int64?
    public var expiresAt: Timestamp?
    /// nil: the tier's default.
    public var rateLimit: RateLimit?

    public init(tenant: String, label: String?, scopes: [String], environment: Environment?,
                expiresInSeconds: Int64?, expiresAt: Timestamp?, rateLimit: RateLimit?) {
        self.tenant = tenant
        self.label = label
        self.scopes = scopes
        self.environment = environment
        self.expiresInSeconds = expiresInSeconds
        self.expiresAt = expiresAt
        self.rateLimit = rateLimit
    }
}

/// Filters of `keys list`.
public struct KeyFilter: Sendable {
    public var tenant: String?
    public var environment: Environment?
    public var status: KeyStatus?
    public var label: String?
    public init(tenant: String? = nil, environment: Environment? = nil, status: KeyStatus? = nil, label: String? = nil) {
        self.tenant = tenant
        self.environment = environment
        self.status = status
        self.label = label
    }
}

/// What `keys rotate` did: the old key (now expiring at the end of the grace) and the new one.
public struct KeyRotation: Sendable {
    public var old: ApiKey
    public var new: MintedKey
}

/// The API key service: mint, find, list, revoke, rotate. Every change is a `Mutation`;
/// `verify` and `scan` live in their own files.
public enum Keys {
    /// The longest grace a rotation may give the old key.
    public static let maximumGrace: Int64 = 7 * 86400

    /// The grace a rotation gives the old key when none is asked for: a day for a production
    /// key, so that the clients still holding it have time to switch (ending it at once would
    /// take them down); none for a sandbox key, whose clients are tests.
    public static func defaultGrace(for environment: Environment) -> Int64 {
        environment == .production ? 86400 : 0
    }

    /// A key named by `handle`: a `key_` id, or a displayed start (`folio_test_AbCd`). An
    /// ambiguous start is a `conflict` (exit 5) that lists the candidates.
    static func find(_ handle: String, in tx: StoreTransaction, now: Timestamp) throws(FolioError) -> ApiKey {
        if handle.hasPrefix(IDPrefix.key.rawValue) {
            guard let key = try tx.apiKey(id: handle, now: now) else {
                throw .notFound("no API key '\(handle)'", remedy: .listKeys)
            }
            return key
        }
        if handle.utf8.count > ApiKeyFormat.startLength, handle.hasPrefix("folio_test_") || handle.hasPrefix("folio_live_") {
            // Never echo what may be a whole secret back to the terminal or a log.
            throw .validation("give a key's id or its displayed start (the first 15 characters), not the whole key",
                              field: "key", hint: "a key typed on a command line may be in your shell history: consider rotating it")
        }
        guard ApiKeyFormat.isDisplayedStart(handle) else {
            throw .validation("'\(handle)' is neither a key id (key_…) nor a displayed start like folio_test_AbCd",
                              field: "key", hint: "give the key id, or the prefix and the first 4 characters after it")
        }
        let found = try tx.apiKeys(start: handle, now: now)
        guard let first = found.first else {
            throw .notFound("no API key starts with \(handle); check the characters", remedy: .listKeys)
        }
        guard found.count == 1 else {
            let candidates = found.map { k in
                JSONValue.object([JSONMember("id", .string(k.id)), JSONMember("tenantId", .string(k.tenantId)),
                                  JSONMember("label", k.label.map(JSONValue.string) ?? .null),
                                  JSONMember("status", .string(k.status.rawValue))])
            }
            let lines = found.map { "  \($0.id)  tenant \($0.tenantId)  \($0.label ?? "-")  \($0.status.rawValue)" }
            throw FolioError(.conflict, "\(found.count) keys start with \(handle):\n" + lines.joined(separator: "\n"),
                             hint: "name the key by its id", details: [JSONMember("candidates", .array(candidates))])
        }
        return first
    }

    public static func show(store: Store, handle: String, now: Timestamp) throws(FolioError) -> ApiKey {
        try store.read { tx throws(FolioError) in try find(handle, in: tx, now: now) }
    }

    public static func list(store: Store, filter: KeyFilter, page: PageRequest, now: Timestamp) throws(FolioError) -> Page<ApiKey> {
        if let cursor = page.cursor, !ULID.isValid(cursor, prefix: .key) {
            throw .validation("the cursor '\(cursor)' is not one this command gave out", field: "cursor")
        }
        return try store.read { tx throws(FolioError) in
            let tenantId = try filter.tenant.map { (h: String) throws(FolioError) -> String in try Tenants.find(h, in: tx).id }
            return try tx.apiKeys(tenantId: tenantId, environment: filter.environment, status: filter.status,
                                  label: filter.label, after: page.cursor, limit: page.limit, now: now)
        }
    }

    public static func mint(_ request: KeyMintRequest) -> Mutation<MintedKey> {
        Mutation { tx, ctx throws(FolioError) in
            let tenant = try Tenants.find(request.tenant, in: tx)
            let environment = request.environment ?? tenant.environment
            var expires = request.expiresAt
            if let seconds = request.expiresInSeconds {
                guard seconds > 0 else { throw .validation("the time to expiry must be longer than 0", field: "expires-in") }
                expires = ctx.now.adding(seconds: seconds)
            }
            if let expires, expires <= ctx.now {
                throw .validation("the expiry \(expires.rfc3339) is not in the future", field: "expires-at")
            }
            let label = try validate(label: request.label)
            let made = try create(for: tenant, environment: environment, label: label, scopes: try Scopes.normalize(request.scopes),
                                  rateLimit: request.rateLimit ?? RateLimit.default(for: tenant.tier), expiresAt: expires,
                                  rotatedFrom: nil, tx: tx, ctx: ctx)
            return Change(made.minted, audit: [made.audit], events: [made.event])
        }
    }

    static func validate(label raw: String?) throws(FolioError) -> String? {
        guard let raw else { return nil }
        let label = raw.trimmingSpaces
        guard !label.isEmpty else { return nil }
        guard label.count <= 100 else { throw .validation("a label has at most 100 characters", field: "label") }
        try FreeText.check(label, field: "label", what: "the label")
        return label
    }

    /// A revocation's reason as stored: trimmed, nil when blank, free text by the rule.
    static func validate(reason raw: String?) throws(FolioError) -> String? {
        guard let reason = raw?.trimmingSpaces, !reason.isEmpty else { return nil }
        try FreeText.check(reason, field: "reason", what: "the reason")
        return reason
    }

    /// Creates a key in `tx` and returns it with its secret, audit entry and event. Checks the
    /// tenant's status and the production-key gate. The audit entry and the event carry the
    /// displayed start only, never the secret.
    static func create(for tenant: Tenant, environment: Environment, label: String?, scopes: [String], rateLimit: RateLimit,
                       expiresAt: Timestamp?, rotatedFrom: String?, tx: StoreTransaction, ctx: MutationContext)
        throws(FolioError) -> (minted: MintedKey, audit: AuditRecord, event: DomainEvent) {
        guard tenant.status != .suspended else {
            throw .invalidState("tenant \(tenant.id) is suspended; it gets no new keys", remedy: .activateTenant(tenant.id))
        }
        if environment == .production {
            try PlanGate.require(.starter, for: "production keys", tenant: tenant, environment: .production, now: ctx.now)
            guard tenant.environment == .production else {
                throw .invalidState("tenant \(tenant.id) is still in the sandbox; production keys come with promotion",
                                    remedy: .promoteTenant(tenant.id))
            }
        }
        let secret = ApiKeyFormat.generate(environment)
        let key = ApiKey(id: ctx.ids.make(.key), tenantId: tenant.id, environment: environment, label: label, scopes: scopes,
                         start: String(secret.prefix(ApiKeyFormat.startLength)), rateLimit: rateLimit, expiresAt: expiresAt,
                         revokedAt: nil, revokedReason: nil, rotatedTo: nil, rotatedFrom: rotatedFrom, lastUsedAt: nil,
                         createdAt: ctx.now, status: .active)
        try tx.insertApiKey(key, hash: ApiKeyFormat.hash(secret), createdBy: ctx.actor)
        let shown = ctx.dryRun ? ApiKeyFormat.prefix(for: environment) + "<redacted in dry run>" : secret
        let audit = AuditRecord(action: "key.create", targetId: key.id, tenantId: tenant.id,
                                details: .object([JSONMember("start", .string(key.start)),
                                                  JSONMember("environment", .string(environment.rawValue)),
                                                  JSONMember("scopes", .array(scopes.map(JSONValue.string))),
                                                  JSONMember("rotatedFrom", rotatedFrom.map(JSONValue.string) ?? .null)]))
        return (MintedKey(key: key, secret: shown), audit,
                DomainEvent(type: .keyCreated, tenantId: tenant.id, targetId: key.id, payload: key.json))
    }

    /// Revokes `key` in `tx` (immediately, for every later verify).
    static func revoke(_ key: ApiKey, reason: String?, tx: StoreTransaction, ctx: MutationContext)
        throws(FolioError) -> (key: ApiKey, audit: AuditRecord, event: DomainEvent) {
        guard key.status != .revoked else {
            throw .invalidState("key \(key.id) (\(key.start)…) was already revoked at \(key.revokedAt?.rfc3339 ?? "?")")
        }
        var key = key
        key.revokedAt = ctx.now
        key.revokedReason = reason
        key.status = .revoked
        try tx.updateApiKeyLifecycle(key)
        let audit = AuditRecord(action: "key.revoke", targetId: key.id, tenantId: key.tenantId,
                                details: .object([JSONMember("start", .string(key.start)),
                                                  JSONMember("reason", reason.map(JSONValue.string) ?? .null)]))
        return (key, audit, DomainEvent(type: .keyRevoked, tenantId: key.tenantId, targetId: key.id, payload: key.json))
    }

    public static func revoke(_ handle: String, reason: String?) -> Mutation<ApiKey> {
        Mutation { tx, ctx throws(FolioError) in
            let reason = try validate(reason: reason)
            let done = try revoke(try find(handle, in: tx, now: ctx.now), reason: reason, tx: tx, ctx: ctx)
            return Change(done.key, audit: [done.audit], events: [done.event])
        }
    }

    /// Revokes every key of a tenant that is not revoked yet (expired ones too, so that no
    /// later change of expiry can revive them): the incident switch.
    public static func revokeAll(tenant handle: String, reason: String?) -> Mutation<[ApiKey]> {
        Mutation { tx, ctx throws(FolioError) in
            let reason = try validate(reason: reason)
            let tenant = try Tenants.find(handle, in: tx)
            let keys = try tx.apiKeys(tenantId: tenant.id, environment: nil, status: nil, label: nil, after: nil,
                                      limit: nil, now: ctx.now).items.filter { $0.status != .revoked }
            var change = Change([ApiKey]())
            for key in keys {
                let done = try revoke(key, reason: reason, tx: tx, ctx: ctx)
                change.result.append(done.key)
                change.audit.append(done.audit)
                change.events.append(done.event)
            }
            return change
        }
    }

    /// Replaces a key: the new one copies label, scopes, environment, rate limit and expiry;
    /// the old one keeps working for `graceSeconds` (nil: `defaultGrace` for its environment),
    /// never past its own expiry.
    public static func rotate(_ handle: String, graceSeconds: Int64?) -> Mutation<KeyRotation> {
        Mutation { tx, ctx throws(FolioError) in
            if let graceSeconds, graceSeconds < 0 || graceSeconds > maximumGrace {
                throw .validation("the grace is at most 7 days (7d)", field: "grace")
            }
            var old = try find(handle, in: tx, now: ctx.now)
            let graceSeconds = graceSeconds ?? defaultGrace(for: old.environment)
            guard old.status == .active else {
                throw .invalidState("key \(old.id) (\(old.start)…) is \(old.status.rawValue) and cannot be rotated",
                                    remedy: .mintKey(tenant: old.tenantId))
            }
            if let successor = old.rotatedTo {
                throw .invalidState("key \(old.id) was already rotated to \(successor)", hint: "rotate \(successor) instead")
            }
            guard let tenant = try tx.tenant(id: old.tenantId) else { throw .server("key \(old.id) has no tenant") }
            let made = try create(for: tenant, environment: old.environment, label: old.label, scopes: old.scopes,
                                  rateLimit: old.rateLimit, expiresAt: old.expiresAt, rotatedFrom: old.id, tx: tx, ctx: ctx)
            let graceEnd = ctx.now.adding(seconds: graceSeconds)
            old.expiresAt = old.expiresAt.map { min($0, graceEnd) } ?? graceEnd
            old.rotatedTo = made.minted.key.id
            old.status = ApiKey.status(revokedAt: nil, expiresAt: old.expiresAt, now: ctx.now)
            try tx.updateApiKeyLifecycle(old)
            let audit = AuditRecord(action: "key.rotate", targetId: old.id, tenantId: old.tenantId,
                                    details: .object([JSONMember("start", .string(old.start)),
                                                      JSONMember("newKeyId", .string(made.minted.key.id)),
                                                      JSONMember("oldExpiresAt", .string(old.expiresAt?.rfc3339 ?? ""))]))
            let event = DomainEvent(type: .keyRotated, tenantId: old.tenantId, targetId: old.id,
                                    payload: .object([JSONMember("old", old.json), JSONMember("new", made.minted.key.json)]))
            return Change(KeyRotation(old: old, new: made.minted), audit: [made.audit, audit], events: [made.event, event])
        }
    }
}
