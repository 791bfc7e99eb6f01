import FolioSupport

/// SQL of signed documents and their sequential counters.
extension StoreTransaction {
    /// The next sequential of issuer+type+series: the counter row is incremented (or created at
    /// 1) inside the caller's write transaction, holding the series' lock, so parallel
    /// processes get no gap and no duplicate; a rolled-back document gives its number back.
    func nextSequential(issuerId: String, documentType: String, series: String) throws(FolioError) -> Int {
        // Two first documents of a series would otherwise both find no row and both insert 1.
        try lock(.sequentialSeries(issuerId: issuerId, documentType: documentType, series: series))
        let key: SQLQuery = "issuer_id = \(issuerId) AND document_type = \(documentType) AND series = \(series)"
        let updated = try run("UPDATE document_sequences SET last_value = last_value + 1 WHERE \(key)")
        if updated == 0 {
            try run("""
                INSERT INTO document_sequences (issuer_id, document_type, series, last_value)
                VALUES (\(issuerId), \(documentType), \(series), 1)
                """)
            return 1
        }
        guard let value = try fetchOne("SELECT last_value FROM document_sequences WHERE \(key)", table: "document_sequences",
                                       { row throws(FolioError) in try row.int("last_value", in: 1...Int.max) }) else {
            throw .server("the sequence of \(series) vanished while it was being incremented")
        }
        return value
    }

    /// The number `nextSequential` would give now: a forecast, since another writer may take
    /// it first (no lock is asked; a read transaction may ask this).
    func peekSequential(issuerId: String, documentType: String, series: String) throws(FolioError) -> Int {
        let last = try fetchOne("""
            SELECT last_value FROM document_sequences
            WHERE issuer_id = \(issuerId) AND document_type = \(documentType) AND series = \(series)
            """, table: "document_sequences") { row throws(FolioError) in try row.int("last_value", in: 0...Int.max) }
        return (last ?? 0) + 1
    }

    func insertDocument(_ d: StoredDocument, signedXML: [UInt8]) throws(FolioError) {
        let list = DocumentListColumns(d)
        try run("""
            INSERT INTO documents (id, tenant_id, issuer_id, document_type, access_key, series, sequential, environment,
                issue_date, status, profile, certificate_id, total, total_cents, buyer_identification, buyer_name_folded,
                summary, signed_xml, created_at, updated_at)
            VALUES (\(d.id), \(d.tenantId), \(d.issuerId), \(d.documentType), \(d.accessKey), \(d.series), \(d.sequential),
                \(d.environment), \(d.issueDate), \(d.status), \(d.profile), \(d.certificateId), \(d.total),
                \(list.totalCents), \(list.buyerIdentification), \(list.buyerNameFolded),
                \(d.summary.compactText()), \(signedXML), \(d.createdAt), \(d.updatedAt))
            """)
    }

    /// Every column but the signed XML, which only `documentXML` reads.
    static let documentColumns: SQLQuery = """
        SELECT id, tenant_id, issuer_id, document_type, access_key, series, sequential, environment, issue_date, status,
            profile, certificate_id, total, summary, created_at, updated_at FROM documents
        """

    func document(id: String) throws(FolioError) -> StoredDocument? {
        try fetchOne(StoreTransaction.documentColumns + " WHERE id = \(id)", table: "documents", StoredDocument.init(row:))
    }

    func document(accessKey: String) throws(FolioError) -> StoredDocument? {
        try fetchOne(StoreTransaction.documentColumns + " WHERE access_key = \(accessKey)", table: "documents",
                     StoredDocument.init(row:))
    }

    func documentXML(id: String) throws(FolioError) -> [UInt8]? {
        try fetchOne("SELECT signed_xml FROM documents WHERE id = \(id)", table: "documents") { row throws(FolioError) in
            try row.blob("signed_xml")
        }
    }
}

extension StoredDocument {
    init(row: SQLRow) throws(FolioError) {
        self.init(id: try row.text("id"), tenantId: try row.text("tenant_id"), issuerId: try row.text("issuer_id"),
                  documentType: try row.text("document_type"), accessKey: try row.text("access_key"),
                  series: try row.text("series"), sequential: try row.int("sequential", in: 1...Int.max),
                  environment: try row.enumeration("environment", Environment.self),
                  issueDate: try row.text("issue_date"), status: try row.enumeration("status", DocumentStatus.self), profile: try row.text("profile"),
                  certificateId: try row.text("certificate_id"), total: try row.text("total"),
                  summary: try row.json("summary"),
                  createdAt: try row.timestamp("created_at"), updatedAt: try row.timestamp("updated_at"))
    }
}

/// One series' counter: the last sequential it gave.
struct SequenceCounter: Hashable {
    var issuerId: String
    var documentType: String
    var series: String
    var lastValue: Int
}

extension StoreTransaction {
    /// Every series' counter (a dry-run batch compares them before and after a group).
    func sequenceCounters() throws(FolioError) -> [SequenceCounter] {
        try fetchAll("SELECT issuer_id, document_type, series, last_value FROM document_sequences",
                     table: "document_sequences") { row throws(FolioError) in
            SequenceCounter(issuerId: try row.text("issuer_id"), documentType: try row.text("document_type"),
                            series: try row.text("series"), lastValue: try row.int("last_value", in: 0...Int.max))
        }
    }

    /// Sets a series' counter, creating it when missing.
    func setSequenceCounter(_ counter: SequenceCounter) throws(FolioError) {
        try lock(.sequentialSeries(issuerId: counter.issuerId, documentType: counter.documentType, series: counter.series))
        try upsert(Upsert(table: "document_sequences",
                          values: [("issuer_id", .text(counter.issuerId)), ("document_type", .text(counter.documentType)),
                                   ("series", .text(counter.series)), ("last_value", .integer(Int64(counter.lastValue)))],
                          conflict: ["issuer_id", "document_type", "series"], update: ["last_value"]))
    }
}
