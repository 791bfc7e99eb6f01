/// What shell completion can ask the store for, by the name the command model uses
/// (`.dynamic("tenants")`). Each kind offers exactly the handles that the commands taking it
/// resolve (see `Tenants.find`, `Keys.find`, `Issuers.find`, `Documents.find`).
public enum CompletionKind: String, Sendable, CaseIterable {
    /// Tenant ids and e-mails (normalized: lower case, as the lookup compares them).
    case tenants
    /// Key ids and displayed starts of every key.
    case keys
    /// Key ids and displayed starts of keys not revoked yet: what `keys revoke` and
    /// `keys rotate` can act on.
    case unrevokedKeys = "unrevoked-keys"
    /// Issuer ids.
    case issuers
    /// Document ids and access keys.
    case documents
}

/// One value to offer, with a short description for the shells that show one.
public struct CompletionCandidate: Sendable, Equatable {
    public let value: String
    public let description: String

    public init(_ value: String, _ description: String) {
        self.value = value
        self.description = description
    }
}

/// Candidates for shell completion, read from the store with indexed prefix scans.
public enum Completions {
    /// The most candidates one answer holds: more is no use in a menu, and the bound keeps every
    /// answer as fast on a large store as on a small one.
    public static let defaultLimit = 100

    /// The values of `kind` that start with `prefix` (an e-mail prefix compares in lower case),
    /// at most `limit`. When a kind has two handles (id and e-mail, id and start, id and access
    /// key) and both match, each gets at least half of `limit`.
    public static func candidates(_ kind: CompletionKind, prefix: String, store: Store,
                                  limit: Int = defaultLimit) throws(FolioError) -> [CompletionCandidate] {
        let range = PrefixRange(prefix)
        return try store.read { tx throws(FolioError) -> [CompletionCandidate] in
            switch kind {
            case .tenants:
                let ids = try tx.fetchAll(CompletionSQL.tenantIds(range, limit: limit), table: "tenants") { row throws(FolioError) in
                    CompletionCandidate(try row.text("id"), "\(try row.text("name")) <\(try row.text("email"))>")
                }
                let emails = try tx.fetchAll(CompletionSQL.tenantEmails(PrefixRange(Tenants.normalize(email: prefix)), limit: limit),
                                             table: "tenants") { row throws(FolioError) in
                    CompletionCandidate(try row.text("email"), try row.text("name"))
                }
                return shared(ids, emails, limit: limit)
            case .keys, .unrevokedKeys:
                let all = kind == .keys
                let ids = try tx.fetchAll(CompletionSQL.keyIds(range, limit: limit, includeRevoked: all),
                                          table: "api_keys") { row throws(FolioError) in
                    CompletionCandidate(try row.text("id"), try keyDescription(row, start: try row.text("start")))
                }
                let starts = try tx.fetchAll(CompletionSQL.keyStarts(range, limit: limit, includeRevoked: all),
                                             table: "api_keys") { row throws(FolioError) in
                    CompletionCandidate(try row.text("start"), try keyDescription(row, start: nil))
                }
                return shared(ids, starts, limit: limit)
            case .issuers:
                return try tx.fetchAll(CompletionSQL.issuerIds(range, limit: limit), table: "issuers") { row throws(FolioError) in
                    CompletionCandidate(try row.text("id"), "\(try row.text("name")), RUC \(try row.text("ruc"))")
                }
            case .documents:
                let ids = try tx.fetchAll(CompletionSQL.documentIds(range, limit: limit), table: "documents", documentCandidate)
                let accessKeys = try tx.fetchAll(CompletionSQL.documentAccessKeys(range, limit: limit), table: "documents",
                                                 documentCandidate)
                return shared(ids, accessKeys, limit: limit)
            }
        }
    }

    /// `first` then `second`, cut to `limit` so that neither loses its half to the other.
    static func shared(_ first: [CompletionCandidate], _ second: [CompletionCandidate], limit: Int) -> [CompletionCandidate] {
        let keepSecond = min(second.count, max(limit / 2, limit - first.count))
        let keepFirst = min(first.count, limit - keepSecond)
        return Array(first.prefix(keepFirst)) + Array(second.prefix(keepSecond))
    }

    /// `folio_test_AbCd… deploy, ana@example.com`: what tells keys apart without the secret.
    private static func keyDescription(_ row: SQLRow, start: String?) throws(FolioError) -> String {
        var text = start.map { $0 + "… " } ?? ""
        text += try row.optionalText("label") ?? "(no label)"
        return text + ", " + (try row.text("email"))
    }

    private static func documentCandidate(_ row: SQLRow) throws(FolioError) -> CompletionCandidate {
        let number = try row.text("number")
        let buyer = try row.optionalText("buyer") ?? ""
        return CompletionCandidate(try row.text("value"), buyer.isEmpty ? number : number + " " + buyer)
    }
}
