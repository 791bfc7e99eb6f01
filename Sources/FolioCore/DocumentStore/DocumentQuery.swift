import FolioSupport

/// The orders a list of documents can be read in: by emission date or by total, each either
/// way; ties (one day's documents, equal totals) go by id, which is the creation order.
public enum DocumentSort: String, Sendable, CaseIterable {
    case date
    case dateDescending = "-date"
    case total
    case totalDescending = "-total"

    /// Newest first, the default: the documents someone looks for are mostly the recent ones.
    public static let newestFirst = DocumentSort.dateDescending

    var descending: Bool { self == .dateDescending || self == .totalDescending }
    var byTotal: Bool { self == .total || self == .totalDescending }
}

/// Which documents a list keeps, and in what order. Handles (tenant, issuer) are resolved and
/// text is checked by `Documents.list`; every filter given must hold (AND).
public struct DocumentFilter: Sendable, Equatable {
    /// A tenant handle: id, e-mail or an issuer's RUC.
    public var tenant: String?
    /// An issuer id.
    public var issuer: String?
    /// An SRI document type code (`01`).
    public var documentType: String?
    public var status: DocumentStatus?
    /// Emission dates, both inclusive.
    public var from: CalendarDate?
    public var to: CalendarDate?
    /// The buyer's identification (RUC, cédula, passport), exactly.
    public var buyerIdentification: String?
    /// Text the buyer's name holds, ignoring case and accents.
    public var buyerName: String?
    /// Totals, both inclusive.
    public var minTotal: ExactDecimal?
    public var maxTotal: ExactDecimal?
    /// Digits the access key starts with.
    public var accessKeyPrefix: String?
    public var sort: DocumentSort

    public init(tenant: String? = nil, issuer: String? = nil, documentType: String? = nil, status: DocumentStatus? = nil,
                from: CalendarDate? = nil, to: CalendarDate? = nil, buyerIdentification: String? = nil,
                buyerName: String? = nil, minTotal: ExactDecimal? = nil, maxTotal: ExactDecimal? = nil,
                accessKeyPrefix: String? = nil, sort: DocumentSort = .newestFirst) {
        self.tenant = tenant
        self.issuer = issuer
        self.documentType = documentType
        self.status = status
        self.from = from
        self.to = to
        self.buyerIdentification = buyerIdentification
        self.buyerName = buyerName
        self.minTotal = minTotal
        self.maxTotal = maxTotal
        self.accessKeyPrefix = accessKeyPrefix
        self.sort = sort
    }
}

/// A filter as the store compares it: handles resolved to ids, totals in cents, the buyer's
/// name folded (`TextFolding`).
struct DocumentListQuery {
    var tenantId: String?
    var issuerId: String?
    var documentType: String?
    var status: DocumentStatus?
    var from: String?
    var to: String?
    var buyerIdentification: String?
    var buyerNameFolded: String?
    var minCents: Int64?
    var maxCents: Int64?
    var accessKeyPrefix: String?
    var sort: DocumentSort = .newestFirst

    /// Checks what needs no store: ranges in order, the shapes of codes and digits.
    init(checking f: DocumentFilter) throws(FolioError) {
        if let from = f.from, let to = f.to, from > to {
            throw .validation("the emission dates end (\(to.iso)) before they start (\(from.iso)): no document can match",
                              field: "filter.to")
        }
        minCents = try f.minTotal.map { (d: ExactDecimal) throws(FolioError) -> Int64 in try Self.cents(d, field: "filter.minTotal") }
        maxCents = try f.maxTotal.map { (d: ExactDecimal) throws(FolioError) -> Int64 in try Self.cents(d, field: "filter.maxTotal") }
        if let low = minCents, let high = maxCents, low > high {
            throw .validation("the least total is more than the greatest: no document can match", field: "filter.maxTotal")
        }
        if let type = f.documentType, !AccessKey.isDigits(type, count: 2) {
            throw .validation("'\(type)' is not a document type code (two digits, as 01 for a factura)", field: "filter.documentType")
        }
        if let prefix = f.accessKeyPrefix, prefix.isEmpty || prefix.utf8.count > 49 || !AccessKey.isDigits(prefix, count: prefix.utf8.count) {
            throw .validation("'\(prefix)' is not the start of an access key (1 to 49 digits)", field: "filter.accessKeyPrefix")
        }
        if let name = f.buyerName {
            let trimmed = name.trimmingSpaces
            guard !trimmed.isEmpty else { throw .validation("give some text of the buyer's name", field: "filter.buyerName") }
            guard trimmed.count <= 300 else { throw .validation("a buyer's name has at most 300 characters", field: "filter.buyerName") }
            buyerNameFolded = TextFolding.fold(trimmed)
        }
        if let id = f.buyerIdentification, id.isEmpty || id.count > 20 {
            throw .validation("'\(id)' is not a buyer identification (1 to 20 characters)", field: "filter.buyerIdentification")
        }
        buyerIdentification = f.buyerIdentification
        documentType = f.documentType
        status = f.status
        from = f.from?.iso
        to = f.to?.iso
        accessKeyPrefix = f.accessKeyPrefix
        sort = f.sort
    }

    /// An amount as whole cents, exactly: totals have two decimals, so a bound with more could
    /// only be compared by rounding, which would keep or drop documents on the boundary.
    static func cents(_ amount: ExactDecimal, field: String) throws(FolioError) -> Int64 {
        guard let cents = DocumentListColumns.cents(amount) else {
            throw .validation("'\(amount)' is not an amount in cents (at least 0, at most two decimals)", field: field)
        }
        return cents
    }
}

/// What the documents table stores beside a document for listing it (migration 6): its total in
/// cents, to sort and compare as a number (exact, never floating point), and its buyer's
/// identification and folded name, which otherwise are only inside the summary's JSON.
struct DocumentListColumns: Equatable {
    var totalCents: Int64
    var buyerIdentification: String
    var buyerNameFolded: String

    init(_ document: StoredDocument) {
        self.init(total: document.total, summary: document.summary)
    }

    /// From the stored total and summary (a total that is not whole cents, which folio never
    /// writes, lists as 0).
    init(total: String, summary: JSONValue) {
        totalCents = (try? ExactDecimal(parsing: total)).flatMap(Self.cents) ?? 0
        buyerIdentification = summary["buyer"]?["identification"]?.stringValue ?? ""
        buyerNameFolded = TextFolding.fold(summary["buyer"]?["name"]?.stringValue ?? "")
    }

    /// Whole cents of a non-negative amount of at most two decimals; nil otherwise (or too large).
    static func cents(_ amount: ExactDecimal) -> Int64? {
        let exact = amount.normalized
        guard !exact.isNegative, exact.scale <= 2 else { return nil }
        var value = exact.significand
        for _ in exact.scale..<2 {
            let (product, overflow) = value.multipliedReportingOverflow(by: 10)
            if overflow { return nil }
            value = product
        }
        return Int64(exactly: value)
    }
}
