import FolioSupport

/// The tier gates of DESIGN §6: production keys and webhooks need starter+, exports growth+,
/// audit export pro+. A trial tenant has every feature in the sandbox until its trial ends.
public enum PlanGate {
    /// Throws `plan_tier_required` (exit 7), naming the required and current tier, unless
    /// `tenant` may use `feature` in `environment` at `now`.
    public static func require(_ required: Tier, for feature: String, tenant: Tenant, environment: Environment,
                               now: Timestamp) throws(FolioError) {
        if tenant.tier >= required { return }
        if tenant.tier == .trial, environment == .sandbox, let ends = tenant.trialEndsAt, now < ends { return }
        throw FolioError(.planTierRequired,
                         "the \(required.rawValue) tier or above is needed for \(feature); \(tenant.email) is on \(tenant.tier.rawValue)",
                         remedy: .changeTier(tenant: tenant.id, tier: required.rawValue),
                         details: [JSONMember("required", .string(required.rawValue)),
                                   JSONMember("current", .string(tenant.tier.rawValue))])
    }
}
