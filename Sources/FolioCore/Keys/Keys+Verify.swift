import FolioSupport

/// Why a key check passed or failed, as the JSON body's `reason` says it.
public enum KeyCheckReason: String, Sendable, CaseIterable {
    case ok, malformed
    case badChecksum = "bad_checksum"
    case notFound = "not_found"
    case revoked, expired
    case tenantSuspended = "tenant_suspended"
    case missingScope = "missing_scope"
    case rateLimited = "rate_limited"
}

/// The outcome of a key check, with the JSON body printed for every outcome.
public struct KeyVerification: Sendable {
    public var valid: Bool
    public var reason: KeyCheckReason
    public var key: ApiKey?
    /// Seconds until the rate-limit window ends (only when rate limited).
    public var retryAfter: Int64?
    /// The error to report (exit 6 or 8); nil when valid.
    public var error: FolioError?

    public var json: JSONValue {
        .object([
            JSONMember("valid", .bool(valid)),
            JSONMember("reason", .string(reason.rawValue)),
            JSONMember("keyId", key.map { .string($0.id) } ?? .null),
            JSONMember("tenantId", key.map { .string($0.tenantId) } ?? .null),
            JSONMember("environment", key.map { .string($0.environment.rawValue) } ?? .null),
            JSONMember("scopes", key.map { .array($0.scopes.map(JSONValue.string)) } ?? .null),
            JSONMember("start", key.map { .string($0.start) } ?? .null),
            JSONMember("retryAfter", retryAfter.map { .int(Int($0)) } ?? .null),
        ])
    }

    static func unauthorized(_ reason: KeyCheckReason, _ message: String, key: ApiKey? = nil, hint: String? = nil) -> KeyVerification {
        KeyVerification(valid: false, reason: reason, key: key, retryAfter: nil,
                        error: FolioError(.unauthorized, message, hint: hint, details: [JSONMember("reason", .string(reason.rawValue))]))
    }
}

extension Keys {
    /// The outcome for a key that failed the offline checks (no store was consulted).
    public static func rejection(_ problem: KeyFormatProblem) -> KeyVerification {
        switch problem {
        case .malformed:
            return .unauthorized(.malformed, "this is not a Folio API key (expected folio_test_ or folio_live_ and 36 characters)",
                                 hint: "was it truncated or pasted with extra characters?")
        case .badChecksum:
            return .unauthorized(.badChecksum, "the key's checksum does not match: a character was changed or mistyped")
        }
    }

    /// Checks a key and counts its use, in one `BEGIN IMMEDIATE` transaction so that parallel
    /// checks neither lose a count nor exceed the limit. This is usage bookkeeping, not an
    /// audited mutation: no audit row, no event, no idempotency record.
    ///
    /// Order: existence, revocation, expiry, tenant suspension (all `unauthorized`); then the
    /// rate limit (`rate_limited`; a refused check is not counted); then the scopes asked for
    /// (`forbidden`, counted: the caller did spend a request). A valid check records last use.
    public static func verify(_ parsed: ParsedApiKey, scopes wanted: [String], store: Store, now: Timestamp)
        throws(FolioError) -> KeyVerification {
        for scope in wanted where !Scopes.catalogue.contains(scope) {
            throw .validation("'\(scope)' is not a scope of the catalogue", field: "scope",
                              hint: "ask for one scope such as documents:read; wildcards are for minting")
        }
        return try store.write { tx throws(FolioError) -> KeyVerification in
            // The window is read, tested and written back: one checker at a time per key.
            try tx.lock(.rateLimitWindow(keyHash: parsed.hash))
            guard let found = try tx.apiKeyForVerification(hash: parsed.hash, now: now) else {
                return .unauthorized(.notFound, "no such API key (it was never minted here, or the store is another)")
            }
            let key = found.key
            switch key.status {
            case .revoked:
                return .unauthorized(.revoked, "the key \(key.start)… was revoked at \(key.revokedAt?.rfc3339 ?? "?")", key: key)
            case .expired:
                return .unauthorized(.expired, "the key \(key.start)… expired at \(key.expiresAt?.rfc3339 ?? "?")", key: key)
            case .active: break
            }
            if found.tenantStatus == TenantStatus.suspended.rawValue {
                return .unauthorized(.tenantSuspended, "the tenant \(key.tenantId) of this key is suspended", key: key)
            }
            var windowStart = found.windowStart ?? now.seconds
            var count = found.windowCount
            if found.windowStart == nil || now.seconds >= windowStart + key.rateLimit.seconds || now.seconds < windowStart {
                windowStart = now.seconds
                count = 0
            }
            if count >= Int64(key.rateLimit.count) {
                let retry = max(1, windowStart + key.rateLimit.seconds - now.seconds)
                return KeyVerification(valid: false, reason: .rateLimited, key: key, retryAfter: retry,
                                       error: FolioError(.rateLimited, "the key \(key.start)… has spent its rate limit of \(key.rateLimit)",
                                                         hint: "retry in \(retry) s",
                                                         details: [JSONMember("reason", .string(KeyCheckReason.rateLimited.rawValue)),
                                                                   JSONMember("retryAfter", .int(Int(retry)))]))
            }
            let missing = wanted.filter { !Scopes.grants(key.scopes, $0) }
            try tx.recordApiKeyUse(id: key.id, windowStart: windowStart, windowCount: count + 1,
                                   lastUsedAt: missing.isEmpty ? now : nil)
            if !missing.isEmpty {
                return KeyVerification(valid: false, reason: .missingScope, key: key, retryAfter: nil,
                                       error: FolioError(.forbidden, "the key \(key.start)… lacks the scope \(missing.joined(separator: ", "))",
                                                         details: [JSONMember("reason", .string(KeyCheckReason.missingScope.rawValue)),
                                                                   JSONMember("missing", .array(missing.map(JSONValue.string)))]))
            }
            var used = key
            used.lastUsedAt = now
            return KeyVerification(valid: true, reason: .ok, key: used, retryAfter: nil, error: nil)
        }
    }
}
