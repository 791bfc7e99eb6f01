import FolioSupport

/// Where a key stands at a given moment.
public enum KeyStatus: String, Sendable, CaseIterable {
    case active, revoked, expired
}

/// An API key as the store knows it: never the secret, only its hash (kept in the store) and
/// its displayed start.
public struct ApiKey: Sendable, Equatable {
    public var id: String
    public var tenantId: String
    public var environment: Environment
    public var label: String?
    /// Catalogue scopes; `["*"]` is full access.
    public var scopes: [String]
    /// `folio_test_AbCd`: the prefix and the first 4 random characters.
    public var start: String
    public var rateLimit: RateLimit
    public var expiresAt: Timestamp?
    public var revokedAt: Timestamp?
    public var revokedReason: String?
    /// The key that replaced this one in a rotation.
    public var rotatedTo: String?
    /// The key this one replaced in a rotation.
    public var rotatedFrom: String?
    public var lastUsedAt: Timestamp?
    public var createdAt: Timestamp
    /// The status at the moment the key was read.
    public var status: KeyStatus

    public static func status(revokedAt: Timestamp?, expiresAt: Timestamp?, now: Timestamp) -> KeyStatus {
        if revokedAt != nil { return .revoked }
        if let expiresAt, expiresAt <= now { return .expired }
        return .active
    }

    /// The JSON shape of a key in every command. Field names are a public contract; there is
    /// no secret here (only `MintedKey` carries it, once).
    public var jsonMembers: [JSONMember] {
        [
            JSONMember("id", .string(id)),
            JSONMember("tenantId", .string(tenantId)),
            JSONMember("environment", .string(environment.rawValue)),
            JSONMember("label", label.map(JSONValue.string) ?? .null),
            JSONMember("scopes", .array(scopes.map(JSONValue.string))),
            JSONMember("start", .string(start)),
            JSONMember("status", .string(status.rawValue)),
            JSONMember("rateLimit", .string(rateLimit.description)),
            JSONMember("expiresAt", expiresAt.map { .string($0.rfc3339) } ?? .null),
            JSONMember("revokedAt", revokedAt.map { .string($0.rfc3339) } ?? .null),
            JSONMember("revokedReason", revokedReason.map(JSONValue.string) ?? .null),
            JSONMember("rotatedTo", rotatedTo.map(JSONValue.string) ?? .null),
            JSONMember("rotatedFrom", rotatedFrom.map(JSONValue.string) ?? .null),
            JSONMember("lastUsedAt", lastUsedAt.map { .string($0.rfc3339) } ?? .null),
            JSONMember("createdAt", .string(createdAt.rfc3339)),
        ]
    }

    public var json: JSONValue { .object(jsonMembers) }
}

/// A key just minted: the stored key plus its secret, which exists only in this value and in
/// the command's stdout (sealed under the master key when an idempotency key is given).
public struct MintedKey: Sendable {
    public var key: ApiKey
    /// The whole key; a placeholder in a dry run, so a dry run never prints a usable key.
    public var secret: String

    public var json: JSONValue { .object(key.jsonMembers + [JSONMember("secret", .string(secret))]) }
}

/// A key's rate limit: `count` checks per `seconds` (a fixed window that starts at the first
/// check after the previous window ended).
public struct RateLimit: Sendable, Equatable, CustomStringConvertible {
    public var count: Int
    public var seconds: Int64

    public init(count: Int, seconds: Int64) {
        self.count = count
        self.seconds = seconds
    }

    static let units: [(String, Int64)] = [("sec", 1), ("min", 60), ("hour", 3600)]

    /// `N/sec`, `N/min`, `N/hour` (also `s`, `second`, `m`, `minute`, `h`).
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let n = Int(parts[0]), n >= 1, n <= 1_000_000 else { return nil }
        switch parts[1].lowercased() {
        case "sec", "s", "second": seconds = 1
        case "min", "m", "minute": seconds = 60
        case "hour", "h", "hr": seconds = 3600
        default: return nil
        }
        count = n
    }

    public var description: String {
        let unit = RateLimit.units.first { $0.1 == seconds }?.0 ?? "\(seconds)s"
        return "\(count)/\(unit)"
    }

    /// The default of each tier: 600/min for most, more for the larger plans.
    public static func `default`(for tier: Tier) -> RateLimit {
        switch tier {
        case .trial, .starter, .growth: return RateLimit(count: 600, seconds: 60)
        case .pro: return RateLimit(count: 1500, seconds: 60)
        case .business: return RateLimit(count: 6000, seconds: 60)
        }
    }
}

/// The scope catalogue of DESIGN §6, with `noun:*` and `*` as wildcards.
public enum Scopes {
    public static let catalogue = [
        "tenants:read", "tenants:write", "issuers:read", "issuers:write", "keys:read", "keys:write",
        "documents:read", "documents:write", "documents:delete", "exports:read", "exports:write",
        "webhooks:read", "webhooks:write", "notifications:read", "notifications:write", "audit:read",
    ]

    static var nouns: [String] {
        var seen: [String] = []
        for scope in catalogue {
            let noun = String(scope.split(separator: ":")[0])
            if !seen.contains(noun) { seen.append(noun) }
        }
        return seen
    }

    /// Every accepted scope word, wildcards included (for help and completions).
    public static var accepted: [String] { ["*"] + nouns.map { $0 + ":*" } + catalogue }

    /// Validates and deduplicates; no scope (or `*` among them) is full access, `["*"]`.
    public static func normalize(_ given: [String]) throws(FolioError) -> [String] {
        var out: [String] = []
        for raw in given {
            let scope = raw.trimmingSpaces
            guard accepted.contains(scope) else {
                throw .validation("'\(raw)' is not a scope", field: "scope",
                                  hint: "scopes are noun:verb from the catalogue (\(catalogue.joined(separator: ", "))), noun:* or *")
            }
            if !out.contains(scope) { out.append(scope) }
        }
        if out.isEmpty || out.contains("*") { return ["*"] }
        return out
    }

    /// Whether holding `held` grants `wanted` (a catalogue scope).
    public static func grants(_ held: [String], _ wanted: String) -> Bool {
        let noun = wanted.split(separator: ":").first.map(String.init) ?? wanted
        return held.contains { $0 == "*" || $0 == wanted || $0 == noun + ":*" }
    }
}

/// Durations as flags take them: `30d`, `24h`, `90m`, `3600s`.
public enum DurationText {
    /// Seconds, or nil when `text` is not a whole number followed by d, h, m or s.
    public static func seconds(_ text: String) -> Int64? {
        guard let unit = text.last, let n = Int64(text.dropLast()), n >= 0 else { return nil }
        switch unit {
        case "d": return n.multipliedReportingOverflow(by: 86400).overflow ? nil : n * 86400
        case "h": return n.multipliedReportingOverflow(by: 3600).overflow ? nil : n * 3600
        case "m": return n.multipliedReportingOverflow(by: 60).overflow ? nil : n * 60
        case "s": return n
        default: return nil
        }
    }

    /// `seconds` in the largest unit that divides it (`24h`, `90m`, `7d`, `45s`): what
    /// `seconds(_:)` reads back.
    public static func text(_ seconds: Int64) -> String {
        for (unit, size) in [("d", Int64(86400)), ("h", 3600), ("m", 60)] where seconds > 0 && seconds % size == 0 {
            return "\(seconds / size)\(unit)"
        }
        return "\(seconds)s"
    }
}
