import FolioCore
import FolioSupport

extension ApiKey: Presentable {
    static var columns: [Column<ApiKey>] {
        [
            Column("ID") { $0.id },
            Column("START") { $0.start },
            Column(text: "LABEL") { $0.label ?? "" },
            Column("SCOPES") { $0.scopes.joined(separator: ",") },
            Column("ENV") { $0.environment.rawValue },
            Column("STATUS") { $0.status.rawValue },
            Column("RATE") { $0.rateLimit.description },
            Column(time: "EXPIRES") { $0.expiresAt },
            Column(time: "LAST USED") { $0.lastUsedAt },
            Column("TENANT") { $0.tenantId },
        ]
    }
}

/// A minted key shows its secret, once. Its `id` (what `-q` and `-o id` print) is the secret
/// itself: the one thing that cannot be fetched again, while the key id can.
extension MintedKey: Presentable {
    var id: String { secret }

    static var columns: [Column<MintedKey>] {
        [
            Column("ID") { $0.key.id },
            Column("START") { $0.key.start },
            Column(text: "LABEL") { $0.key.label ?? "" },
            Column("SCOPES") { $0.key.scopes.joined(separator: ",") },
            Column("ENV") { $0.key.environment.rawValue },
            Column(time: "EXPIRES") { $0.key.expiresAt },
            Column("SECRET") { $0.secret },
        ]
    }
}

extension KeyVerification: Presentable {
    var id: String { key?.id ?? "" }

    static var columns: [Column<KeyVerification>] {
        [
            Column("VALID") { $0.valid ? "yes" : "no" },
            Column("REASON") { $0.reason.rawValue },
            Column("KEY") { $0.key?.id ?? "" },
            Column("TENANT") { $0.key?.tenantId ?? "" },
            Column("ENV") { $0.key?.environment.rawValue ?? "" },
            Column("SCOPES") { $0.key?.scopes.joined(separator: ",") ?? "" },
            Column("RETRY AFTER") { $0.retryAfter.map { "\($0)s" } ?? "" },
        ]
    }
}

extension KeyFinding: Presentable {
    var id: String { keyId ?? "" }

    static var columns: [Column<KeyFinding>] {
        [
            Column("LOCATION") { "\($0.file):\($0.line)" },
            Column("START") { $0.start + "…" },
            Column("STATE") { $0.state.rawValue + ($0.revokedNow ? " (now)" : "") },
            Column("KEY") { $0.keyId ?? "" },
            Column("TENANT") { $0.tenantId ?? "" },
        ]
    }
}

/// `tenants register`: the tenant's fields as before, plus `created` and `apiKey` (with its
/// secret, shown once). `-q`/`-o id` print the tenant id.
extension RegistrationResult: Presentable {
    var id: String { tenant.id }

    var json: JSONValue {
        guard case .object(let members) = tenant.json else { return tenant.json }
        var extra = [JSONMember("created", .bool(created)), JSONMember("apiKey", key.json),
                     JSONMember("revokedKeyIds", .array(revokedKeyIds.map(JSONValue.string)))]
        if let issuer { extra.append(JSONMember("issuer", issuer.json)) }
        return .object(members + extra)
    }

    static var columns: [Column<RegistrationResult>] {
        Tenant.columns.map { c in
            if let time = c.time { return Column(time: c.header) { time($0.tenant) } }
            return Column(c.header, freeText: c.freeText) { c.value($0.tenant) }
        }
            + [Column("KEY") { $0.key.key.id }, Column("SECRET") { $0.key.secret }]
    }
}

/// `tenants promote`: the tenant, the sandbox keys revoked, and the new production keys.
extension PromotionResult: Presentable {
    var id: String { tenant.id }

    var json: JSONValue {
        guard case .object(let members) = tenant.json else { return tenant.json }
        return .object(members + [JSONMember("revokedKeyIds", .array(revokedKeyIds.map(JSONValue.string))),
                                  JSONMember("keys", .array(keys.map(\.json)))])
    }

    static var columns: [Column<PromotionResult>] {
        [Column("ID") { $0.tenant.id }, Column("ENV") { $0.tenant.environment.rawValue },
         Column("KEYS") { String($0.keys.count) }]
    }
}
