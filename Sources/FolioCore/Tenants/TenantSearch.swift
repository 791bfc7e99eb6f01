import FolioSupport

/// A search of the tenants: text that an e-mail or a name holds, case- and accent-insensitively
/// ("jose" finds "José Núñez"), or the start of one of the tenant's issuers' RUC.
///
/// How it stays fast: the table `tenant_search` keeps each tenant's e-mail and name folded by
/// `TextFolding` when the tenant is written; the search text is folded the same way, and the
/// database compares the two as plain text (`LIKE '%text%'`). That table is clustered by tenant
/// id and holds nothing else, so a page of results reads it in id order, looks up the tenants
/// that match and stops once the page is full; only when few match does it read the whole
/// table (100,000 tenants: see `bench/tenants-search.sh` and the README). A RUC's start is a
/// range of the index `issuers_ruc`.
public struct TenantSearch: Sendable, Equatable {
    /// The text searched for, folded.
    public let folded: String

    /// The longest search: longer text cannot be in an e-mail (254) or a name (300) anyway.
    static let maximumLength = 300

    /// Fails for text that is empty once trimmed, or longer than any tenant's.
    public init(_ text: String) throws(FolioError) {
        let trimmed = text.trimmingSpaces
        guard !trimmed.isEmpty else { throw .validation("give some text to search for", field: "search") }
        guard trimmed.count <= TenantSearch.maximumLength else {
            throw .validation("a search has at most \(TenantSearch.maximumLength) characters", field: "search")
        }
        folded = TextFolding.fold(trimmed)
    }

    /// What a tenant row stores for searching: its e-mail and name, folded, a line apart (a
    /// search text never holds a line break, so it cannot match across the two).
    static func text(email: String, name: String) -> String {
        TextFolding.fold(email) + "\n" + TextFolding.fold(name)
    }

    /// `%text%` with LIKE's own characters (`%`, `_` and the escape `\`) escaped.
    var likePattern: String { LikePattern.containing(folded) }

    /// The text as the start of a RUC: 1 to 13 digits; nil for anything else.
    var rucPrefix: String? {
        guard folded.count <= 13, folded.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return folded
    }
}
