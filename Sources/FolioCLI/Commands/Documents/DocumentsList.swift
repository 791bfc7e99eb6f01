import CommandLineKit
import FolioCore
import FolioSupport

/// `folio documents list`
enum DocumentsList: ListCommand {
    static let sort: OptionKey<DocumentSort> = .choice(
        "sort", value: "order", default: .newestFirst,
        help: "Order by emission date or total; a leading - is descending (newest or largest first).")

    static let noun = "documents"
    static let spec = Command(
        "list", abstract: "List documents, newest first.",
        discussion: "Filters add up (every one given must hold). Dates are emission dates, both ends included; "
            + "totals are compared exactly, both ends included. Ties are in creation order. A page costs the same "
            + "wherever it is in the list: the cursor continues from the last document shown, in the same --sort.",
        options: DocumentFilterOptions.specs + [sort.option] + ListOptions.specs,
        examples: [Example("folio documents list --tenant ana@example.com --status signed --from 2026-11-01 --to 2026-11-30 --limit 20"),
                   Example("folio documents list --issuer iss_… --buyer 1710034065 --min-total 100 --all -o jsonl"),
                   Example("folio documents list --tenant ana@example.com --buyer-name nunez --sort -total")])

    static func filter(_ inv: Invocation, _ context: CommandContext) throws(FolioError) -> DocumentFilter {
        DocumentFilterOptions.filter(inv, sort: inv[sort])
    }

    static func fetch(_ filter: DocumentFilter, page: PageRequest, store: Store, now: Timestamp) throws(FolioError) -> Page<StoredDocument> {
        try Documents.list(store: store, filter: filter, page: page)
    }
}
