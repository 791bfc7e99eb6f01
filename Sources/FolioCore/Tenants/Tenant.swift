import FolioSupport

/// A customer of the platform.
public struct Tenant: Sendable, Equatable {
    public var id: String
    public var email: String
    public var name: String
    public var tier: Tier
    public var language: Language
    public var status: TenantStatus
    public var environment: Environment
    public var verifiedAt: Timestamp?
    public var suspendedReason: String?
    public var trialEndsAt: Timestamp?
    public var createdAt: Timestamp
    public var updatedAt: Timestamp

    /// The JSON shape every command prints for a tenant. Field names are a public contract.
    public var json: JSONValue {
        .object([
            JSONMember("id", .string(id)),
            JSONMember("email", .string(email)),
            JSONMember("name", .string(name)),
            JSONMember("tier", .string(tier.rawValue)),
            JSONMember("language", .string(language.rawValue)),
            JSONMember("status", .string(status.rawValue)),
            JSONMember("environment", .string(environment.rawValue)),
            JSONMember("verified", .bool(verifiedAt != nil)),
            JSONMember("verifiedAt", verifiedAt.map { .string($0.rfc3339) } ?? .null),
            JSONMember("suspendedReason", suspendedReason.map(JSONValue.string) ?? .null),
            JSONMember("trialEndsAt", trialEndsAt.map { .string($0.rfc3339) } ?? .null),
            JSONMember("createdAt", .string(createdAt.rfc3339)),
            JSONMember("updatedAt", .string(updatedAt.rfc3339)),
        ])
    }
}

/// Plan tiers, in order; gates compare them (DESIGN §6).
public enum Tier: String, Sendable, CaseIterable, Comparable {
    case trial, starter, growth, pro, business

    public static func < (a: Tier, b: Tier) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// The language of a tenant's e-mails.
public enum Language: String, Sendable, CaseIterable {
    case es, en
}

public enum TenantStatus: String, Sendable, CaseIterable {
    case pendingVerification = "pending_verification"
    case active
    case suspended
}

/// Where a tenant's keys and documents count: sandbox (SRI pruebas) or production.
public enum Environment: String, Sendable, CaseIterable {
    case sandbox, production
}
