import FolioSupport

/// Filters and order of `folio audit list`.
public struct AuditQuery: Sendable {
    /// What the entries are about, by any handle (`AuditTarget`): entries whose target it is,
    /// and for a tenant also the entries about its keys, issuers and documents.
    public var target: String?
    public var actor: String?
    /// From this instant on (inclusive).
    public var since: Timestamp?
    /// Before this instant (exclusive).
    public var until: Timestamp?
    /// Actions, each exact (`tenant.register`) or a family (`key.`); any of them (`AuditActionFilter`).
    public var actions: [String]
    /// Newest first (what `audit list` shows by default); else in chain order, oldest first.
    public var newestFirst: Bool

    public init(target: String? = nil, actor: String? = nil, since: Timestamp? = nil, until: Timestamp? = nil,
                actions: [String] = [], newestFirst: Bool = false) {
        self.target = target
        self.actor = actor
        self.since = since
        self.until = until
        self.actions = actions
        self.newestFirst = newestFirst
    }
}

/// One action an audit list keeps: exact (`tenant.register`), or every action of a noun (`key.`,
/// also written `key.*`: key.create, key.revoke, key.rotate…). Actions are `noun.verb` in lower
/// case with underscores; anything else is refused, so that a typo such as `tenant-register`
/// says so instead of listing nothing.
struct AuditActionFilter: Equatable {
    enum Match: Equatable {
        case exact(String)
        /// Actions that start with this (`key.`).
        case prefix(String)
    }

    let match: Match

    init(_ raw: String) throws(FolioError) {
        let text = raw.hasSuffix(".*") ? String(raw.dropLast()) : raw
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, AuditActionFilter.isWord(parts[0]), parts[1].isEmpty || AuditActionFilter.isWord(parts[1]) else {
            throw .validation("'\(raw)' is not an action: an action is noun.verb, such as tenant.register or key.revoke, "
                              + "or noun. for every action of a noun, such as key.", field: "action")
        }
        match = parts[1].isEmpty ? .prefix(text) : .exact(text)
    }

    /// Lower-case letters and underscores, starting with a letter.
    private static func isWord(_ word: Substring) -> Bool {
        guard let first = word.first, first.isASCII, first.isLowercase else { return false }
        return word.allSatisfy { ($0.isASCII && $0.isLowercase) || $0 == "_" }
    }
}
