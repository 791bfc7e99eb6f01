import FolioCrypto
import FolioSupport

/// What creating an endpoint takes.
public struct WebhookCreateRequest: Sendable {
    public var tenant: String
    public var url: String
    public var events: [String]
    /// Accept a private, loopback or link-local target for a production tenant.
    public var allowPrivate: Bool

    public init(tenant: String, url: String, events: [String], allowPrivate: Bool) {
        self.tenant = tenant
        self.url = url
        self.events = events
        self.allowPrivate = allowPrivate
    }
}

/// What updating an endpoint changes (nil: unchanged).
public struct WebhookUpdateRequest: Sendable {
    public var url: String?
    public var events: [String]?
    public var active: Bool?
    public var allowPrivate: Bool

    public init(url: String?, events: [String]?, active: Bool?, allowPrivate: Bool) {
        self.url = url
        self.events = events
        self.active = active
        self.allowPrivate = allowPrivate
    }
}

/// The webhook endpoint service: endpoints of a tenant, their sealed secrets, and (in
/// `Webhooks+Replay`) messages queued again. Delivery itself is not here yet.
public enum Webhooks {
    /// The tier that includes webhooks (DESIGN §6).
    public static let requiredTier = Tier.starter
    /// The longest grace a rotated secret may keep signing.
    public static let longestGrace: Int64 = 7 * 86_400

    public static func create(_ request: WebhookCreateRequest, masterKey: [UInt8],
                              resolve: @escaping @Sendable (String) -> [Bool]? = PrivateAddress.resolve) -> Mutation<WebhookSecretResult> {
        Mutation { tx, ctx throws(FolioError) in
            let tenant = try Tenants.find(request.tenant, in: tx)
            try gate(tenant, now: ctx.now)
            let filter = try WebhookEventFilter(request.events, field: "webhook.events")
            let check = try WebhookURLPolicy.check(request.url, environment: tenant.environment,
                                                   allowPrivate: request.allowPrivate, field: "webhook.url", resolve: resolve)
            let id = ctx.ids.make(.webhook)
            let secret = StandardWebhooks.newSecret()
            let endpoint = WebhookEndpoint(id: id, tenantId: tenant.id, url: request.url, events: filter, active: true,
                                           addressCheck: check, previousSecretExpiresAt: nil, createdAt: ctx.now,
                                           updatedAt: ctx.now, deletedAt: nil)
            try tx.insertWebhookEndpoint(endpoint, sealedSecret: try seal(secret, key: masterKey, aad: id))
            return Change(WebhookSecretResult(endpoint: endpoint, secret: StandardWebhooks.secretText(secret)),
                          audit: [audit("webhook.create", endpoint)], events: [event(.webhookCreated, endpoint)])
        }
    }

    public static func update(_ id: String, _ request: WebhookUpdateRequest,
                              resolve: @escaping @Sendable (String) -> [Bool]? = PrivateAddress.resolve) -> Mutation<WebhookEndpoint> {
        Mutation { tx, ctx throws(FolioError) in
            var endpoint = try findLive(id, in: tx)
            let tenant = try tenantOf(endpoint, tx)
            try gate(tenant, now: ctx.now)
            guard request.url != nil || request.events != nil || request.active != nil else {
                throw .validation("nothing to change: give a new URL, event list or active state", field: "webhook")
            }
            if let events = request.events { endpoint.events = try WebhookEventFilter(events, field: "webhook.events") }
            if let url = request.url {
                endpoint.addressCheck = try WebhookURLPolicy.check(url, environment: tenant.environment,
                                                                   allowPrivate: request.allowPrivate, field: "webhook.url",
                                                                   resolve: resolve)
                endpoint.url = url
            }
            if let active = request.active { endpoint.active = active }
            endpoint.updatedAt = ctx.now
            try tx.updateWebhookEndpoint(endpoint)
            return Change(endpoint, audit: [audit("webhook.update", endpoint)], events: [event(.webhookUpdated, endpoint)])
        }
    }

    /// Soft delete: the row stays (messages and audit name it), it receives nothing more, and
    /// its pending messages are cancelled.
    public static func delete(_ id: String) -> Mutation<WebhookEndpoint> {
        Mutation { tx, ctx throws(FolioError) in
            var endpoint = try findLive(id, in: tx)
            endpoint.active = false
            endpoint.deletedAt = ctx.now
            endpoint.updatedAt = ctx.now
            try tx.updateWebhookEndpoint(endpoint)
            let cancelled = try tx.cancelPendingWebhookMessages(endpointId: endpoint.id, now: ctx.now)
            var record = audit("webhook.delete", endpoint)
            record.details = .object([JSONMember("url", .string(endpoint.url)), JSONMember("cancelledMessages", .int(cancelled))])
            return Change(endpoint, audit: [record], events: [event(.webhookDeleted, endpoint)])
        }
    }

    /// A new secret; the previous one keeps signing for `graceSeconds` (0: stops at once).
    public static func rotateSecret(_ id: String, graceSeconds: Int64, masterKey: [UInt8]) -> Mutation<WebhookSecretResult> {
        Mutation { tx, ctx throws(FolioError) in
            guard graceSeconds >= 0, graceSeconds <= longestGrace else {
                throw .validation("the grace is between 0 and 7 days", field: "webhook.grace")
            }
            var endpoint = try findLive(id, in: tx)
            try gate(try tenantOf(endpoint, tx), now: ctx.now)
            guard let sealed = try tx.webhookSecrets(id: endpoint.id) else { throw .server("endpoint \(endpoint.id) vanished") }
            let current = try open(sealed.current, key: masterKey, aad: endpoint.id)
            let secret = StandardWebhooks.newSecret()
            let expires = graceSeconds > 0 ? ctx.now.adding(seconds: graceSeconds) : nil
            let previous = try expires.map { (_: Timestamp) throws(FolioError) in
                try seal(current, key: masterKey, aad: endpoint.id + ":previous")
            }
            endpoint.previousSecretExpiresAt = expires
            endpoint.updatedAt = ctx.now
            try tx.setWebhookSecrets(id: endpoint.id, sealed: try seal(secret, key: masterKey, aad: endpoint.id),
                                     previous: previous, previousExpiresAt: expires, at: ctx.now)
            var record = audit("webhook.rotate_secret", endpoint)
            record.details = .object([JSONMember("graceSeconds", .number(String(graceSeconds)))])
            return Change(WebhookSecretResult(endpoint: endpoint, secret: StandardWebhooks.secretText(secret)),
                          audit: [record], events: [event(.webhookSecretRotated, endpoint)])
        }
    }

    /// The secrets that sign a message for the endpoint at `now`: the current one, and the
    /// previous one while its grace lasts (two `v1,` entries).
    public static func signingSecrets(_ id: String, store: Store, masterKey: [UInt8], now: Timestamp) throws(FolioError) -> [[UInt8]] {
        try store.read { tx throws(FolioError) in
            let endpoint = try find(id, in: tx)
            guard let sealed = try tx.webhookSecrets(id: endpoint.id) else { throw .server("endpoint \(endpoint.id) vanished") }
            var secrets = [try open(sealed.current, key: masterKey, aad: endpoint.id)]
            if let previous = sealed.previous, let expires = endpoint.previousSecretExpiresAt, now < expires {
                secrets.append(try open(previous, key: masterKey, aad: endpoint.id + ":previous"))
            }
            return secrets
        }
    }

    public static func show(store: Store, id: String) throws(FolioError) -> WebhookEndpoint {
        try store.read { tx throws(FolioError) in try find(id, in: tx) }
    }

    public static func list(store: Store, tenant: String?, includeDeleted: Bool, page: PageRequest) throws(FolioError) -> Page<WebhookEndpoint> {
        if let cursor = page.cursor, !ULID.isValid(cursor, prefix: .webhook) {
            throw .validation("the cursor '\(cursor)' is not one this command gave out", field: "cursor", remedy: .restartList(sortedBy: nil))
        }
        return try store.read { tx throws(FolioError) in
            let tenantId = try tenant.map { (h: String) throws(FolioError) -> String in try Tenants.find(h, in: tx).id }
            return try tx.webhookEndpoints(tenantId: tenantId, includeDeleted: includeDeleted, after: page.cursor, limit: page.limit)
        }
    }

    static func find(_ id: String, in tx: StoreTransaction) throws(FolioError) -> WebhookEndpoint {
        guard ULID.isValid(id, prefix: .webhook) else {
            throw .validation("'\(id)' is not a webhook endpoint id (whe_ and 26 characters)", field: "webhook")
        }
        guard let found = try tx.webhookEndpoint(id: id) else { throw .notFound("no webhook endpoint '\(id)'", remedy: .listWebhooks) }
        return found
    }

    /// An endpoint that is not deleted (a deleted one changes no more).
    static func findLive(_ id: String, in tx: StoreTransaction) throws(FolioError) -> WebhookEndpoint {
        let endpoint = try find(id, in: tx)
        if let deleted = endpoint.deletedAt {
            throw .invalidState("webhook endpoint \(endpoint.id) was deleted at \(deleted.rfc3339)")
        }
        return endpoint
    }

    static func tenantOf(_ endpoint: WebhookEndpoint, _ tx: StoreTransaction) throws(FolioError) -> Tenant {
        guard let tenant = try tx.tenant(id: endpoint.tenantId) else { throw .server("endpoint \(endpoint.id) names a missing tenant") }
        return tenant
    }

    static func gate(_ tenant: Tenant, now: Timestamp) throws(FolioError) {
        try PlanGate.require(requiredTier, for: "webhooks", tenant: tenant, environment: tenant.environment, now: now)
    }

    static func seal(_ secret: [UInt8], key: [UInt8], aad: String) throws(FolioError) -> [UInt8] {
        do throws(CryptoError) { return try AESGCM.seal(secret, key: key, aad: Array(aad.utf8)) } catch {
            throw .server("cannot seal the webhook secret: \(error.message)")
        }
    }

    static func open(_ sealed: [UInt8], key: [UInt8], aad: String) throws(FolioError) -> [UInt8] {
        do throws(CryptoError) { return try AESGCM.open(sealed, key: key, aad: Array(aad.utf8)) } catch {
            throw .storeUnavailable("the secret of webhook endpoint \(aad) does not open with the master key",
                                    remedy: .restoreBackup)
        }
    }

    /// Audit details name the URL and filter, never the secret.
    private static func audit(_ action: String, _ e: WebhookEndpoint) -> AuditRecord {
        AuditRecord(action: action, targetId: e.id, tenantId: e.tenantId,
                    details: .object([JSONMember("url", .string(e.url)), JSONMember("events", e.events.json),
                                      JSONMember("active", .bool(e.active))]))
    }

    private static func event(_ type: EventType, _ e: WebhookEndpoint) -> DomainEvent {
        DomainEvent(type: type, tenantId: e.tenantId, targetId: e.id, payload: e.json)
    }
}
