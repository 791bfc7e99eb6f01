import CommandLineKit
import FolioCore
import FolioSupport

/// `folio documents list`
enum DocumentsList: ListCommand {
    static let date = ValueConversion<CalendarDate>(type: "date", problem: "expected a date as 2026-11-30 (YYYY-MM-DD)") {
        CalendarDate(iso: $0)
    }
    static let amount = ValueConversion<ExactDecimal>(type: "amount", problem: "expected an amount as 100 or 99.50") {
        guard let value = try? ExactDecimal(parsing: $0), !value.isNegative else { return nil }
        return value
    }

    static let tenant: OptionKey<String?> = .string(
        "tenant", value: "tenant", kind: TenantsCommands.handleKind,
        help: "Only this tenant's documents: its id, e-mail or an issuer's RUC.")
    static let issuer: OptionKey<String?> = .string("issuer", value: "issuer", kind: IssuersCommands.handleKind,
                                                    help: "Only this issuer's documents (iss_…).")
    static let type: OptionKey<String?> = .string("type", value: "code", help: "Only this SRI document type (01 factura).")
    static let status: OptionKey<DocumentStatus?> = .choice("status", value: "status", help: "Only documents in this state.")
    static let from: OptionKey<CalendarDate?> = .custom("from", value: "date", as: date,
                                                        help: "Only documents emitted on or after this date (2026-11-01).")
    static let to: OptionKey<CalendarDate?> = .custom("to", value: "date", as: date,
                                                      help: "Only documents emitted on or before this date (2026-11-30).")
    static let buyer: OptionKey<String?> = .string(
        "buyer", value: "identification", help: "Only documents to this buyer: RUC, cédula or passport, exactly.")
    static let buyerName: OptionKey<String?> = .string(
        "buyer-name", value: "text", help: "Only documents whose buyer's name holds this text, in any case and accents.")
    static let minTotal: OptionKey<ExactDecimal?> = .custom("min-total", value: "amount", as: amount,
                                                            help: "Only documents whose total is at least this.")
    static let maxTotal: OptionKey<ExactDecimal?> = .custom("max-total", value: "amount", as: amount,
                                                            help: "Only documents whose total is at most this.")
    static let accessKeyPrefix: OptionKey<String?> = .string(
        "access-key-prefix", value: "digits", help: "Only documents whose access key starts with these digits.")
    static let sort: OptionKey<DocumentSort> = .choice(
        "sort", value: "order", default: .newestFirst,
        help: "Order by emission date or total; a leading - is descending (newest or largest first).")

    static let noun = "documents"
    static let spec = Command(
        "list", abstract: "List documents, newest first.",
        discussion: "Filters add up (every one given must hold). Dates are emission dates, both ends included; "
            + "totals are compared exactly, both ends included. Ties are in creation order. A page costs the same "
            + "wherever it is in the list: the cursor continues from the last document shown, in the same --sort.",
        options: [tenant.option, issuer.option, type.option, status.option, from.option, to.option, buyer.option,
                  buyerName.option, minTotal.option, maxTotal.option, accessKeyPrefix.option, sort.option] + ListOptions.specs,
        examples: [Example("folio documents list --tenant ana@example.com --status signed --from 2026-11-01 --to 2026-11-30 --limit 20"),
                   Example("folio documents list --issuer iss_… --buyer 1710034065 --min-total 100 --all -o jsonl"),
                   Example("folio documents list --tenant ana@example.com --buyer-name nunez --sort -total")])

    static func filter(_ inv: Invocation, _ context: CommandContext) throws(FolioError) -> DocumentFilter {
        DocumentFilter(tenant: inv[tenant], issuer: inv[issuer], documentType: inv[type], status: inv[status],
                       from: inv[from], to: inv[to], buyerIdentification: inv[buyer], buyerName: inv[buyerName],
                       minTotal: inv[minTotal], maxTotal: inv[maxTotal], accessKeyPrefix: inv[accessKeyPrefix],
                       sort: inv[sort])
    }

    static func fetch(_ filter: DocumentFilter, page: PageRequest, store: Store, now: Timestamp) throws(FolioError) -> Page<StoredDocument> {
        try Documents.list(store: store, filter: filter, page: page)
    }
}
