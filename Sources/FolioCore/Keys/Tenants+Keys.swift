import FolioSupport

/// What `tenants promote` did: the tenant now in production, the sandbox keys it revoked, and
/// a production twin of each (same label, scopes, rate limit and expiry), secrets shown once.
public struct PromotionResult: Sendable {
    public var tenant: Tenant
    public var revokedKeyIds: [String]
    public var keys: [MintedKey]
}

extension Tenants {
    /// The key every registration returns: sandbox, full access, the tier's rate limit.
    static func mintSandboxKey(for tenant: Tenant, tx: StoreTransaction, ctx: MutationContext)
        throws(FolioError) -> (minted: MintedKey, audit: AuditRecord, event: DomainEvent) {
        try Keys.create(for: tenant, environment: .sandbox, label: "default", scopes: ["*"],
                        rateLimit: RateLimit.default(for: tenant.tier), expiresAt: nil, rotatedFrom: nil, tx: tx, ctx: ctx)
    }

    /// Moves a tenant to production: it must be active and verified (unless `force`) and on
    /// tier starter or above (always). Its active sandbox keys are revoked (reason `promoted`)
    /// and a production key is minted for each.
    public static func promote(_ handle: String, force: Bool) -> Mutation<PromotionResult> {
        Mutation { tx, ctx throws(FolioError) in
            var tenant = try find(handle, in: tx)
            guard tenant.environment == .sandbox else {
                throw .invalidState("tenant \(tenant.id) is already in production")
            }
            try PlanGate.require(.starter, for: "production", tenant: tenant, environment: .production, now: ctx.now)
            if !force {
                guard tenant.status == .active, tenant.verifiedAt != nil else {
                    throw .invalidState("tenant \(tenant.id) is \(tenant.status.rawValue); only an active, verified tenant is promoted",
                                        remedy: .verifyTenant(tenant.id))
                }
            } else if tenant.status == .suspended {
                throw .invalidState("tenant \(tenant.id) is suspended; activate it before promoting it")
            }
            let sandboxKeys = try tx.activeApiKeys(tenantId: tenant.id, environment: .sandbox, now: ctx.now)
            tenant.environment = .production
            tenant.updatedAt = ctx.now
            try tx.updateTenant(tenant)
            var result = PromotionResult(tenant: tenant, revokedKeyIds: [], keys: [])
            var change = Change(result, audit: [AuditRecord(action: "tenant.promote", targetId: tenant.id, tenantId: tenant.id,
                                                            details: .object([JSONMember("forced", .bool(force)),
                                                                              JSONMember("keys", .int(sandboxKeys.count))]))],
                                events: [DomainEvent(type: .tenantPromoted, tenantId: tenant.id, targetId: tenant.id,
                                                     payload: tenant.json)])
            for old in sandboxKeys {
                let revoked = try Keys.revoke(old, reason: "promoted", tx: tx, ctx: ctx)
                let made = try Keys.create(for: tenant, environment: .production, label: old.label, scopes: old.scopes,
                                           rateLimit: old.rateLimit, expiresAt: old.expiresAt, rotatedFrom: nil, tx: tx, ctx: ctx)
                result.revokedKeyIds.append(old.id)
                result.keys.append(made.minted)
                change.audit += [revoked.audit, made.audit]
                change.events += [revoked.event, made.event]
            }
            change.result = result
            return change
        }
    }
}
