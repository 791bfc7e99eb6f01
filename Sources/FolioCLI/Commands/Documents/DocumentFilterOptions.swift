import CommandLineKit
import FolioCore
import FolioSupport

/// The options that choose documents, shared by `documents list` and `exports create`: one
/// list of options read into one `DocumentFilter`, so a filter added here is both a list filter
/// and an export filter.
enum DocumentFilterOptions {
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

    /// Every filter option, in the order help lists them.
    static let specs: [Option] = [tenant.option, issuer.option, type.option, status.option, from.option, to.option,
                                  buyer.option, buyerName.option, minTotal.option, maxTotal.option, accessKeyPrefix.option]

    /// The filter the options give, in `sort`'s order.
    static func filter(_ inv: Invocation, sort: DocumentSort = .newestFirst) -> DocumentFilter {
        DocumentFilter(tenant: inv[tenant], issuer: inv[issuer], documentType: inv[type], status: inv[status],
                       from: inv[from], to: inv[to], buyerIdentification: inv[buyer], buyerName: inv[buyerName],
                       minTotal: inv[minTotal], maxTotal: inv[maxTotal], accessKeyPrefix: inv[accessKeyPrefix], sort: sort)
    }
}
