import FolioSupport

/// SQL of signed documents and their sequential counters.
extension StoreTransaction {
    /// The next sequential of issuer+type+series: the counter row is incremented (or created at
    /// 1) inside the caller's BEGIN IMMEDIATE transaction, which holds the write lock, so
    /// parallel processes get no gap and no duplicate; a rolled-back document gives its number back.
    func nextSequential(issuerId: String, documentType: String, series: String) throws(FolioError) -> Int {
        let key: [SQLValue] = [.text(issuerId), .text(documentType), .text(series)]
        let updated = try run("""
            UPDATE document_sequences SET last_value = last_value + 1
            WHERE issuer_id = ? AND document_type = ? AND series = ?
            """, key)
        if updated == 0 {
            try run("INSERT INTO document_sequences (issuer_id, document_type, series, last_value) VALUES (?, ?, ?, 1)", key)
            return 1
        }
        let row = try queryOne("SELECT last_value FROM document_sequences WHERE issuer_id = ? AND document_type = ? AND series = ?", key)
        return Int(row?.int("last_value") ?? 0)
    }

    func insertDocument(_ d: StoredDocument, signedXML: [UInt8]) throws(FolioError) {
        try run("""
            INSERT INTO documents (id, tenant_id, issuer_id, document_type, access_key, series, sequential, environment,
                issue_date, status, profile, certificate_id, total, summary, signed_xml, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [.text(d.id), .text(d.tenantId), .text(d.issuerId), .text(d.documentType), .text(d.accessKey),
                  .text(d.series), .integer(Int64(d.sequential)), .text(d.environment.rawValue), .text(d.issueDate),
                  .text(d.status), .text(d.profile), .text(d.certificateId), .text(d.total),
                  .text(d.summary.compactText()), .blob(signedXML), .text(d.createdAt.rfc3339), .text(d.updatedAt.rfc3339)])
    }

    static let documentColumns = """
        id, tenant_id, issuer_id, document_type, access_key, series, sequential, environment, issue_date, status,
        profile, certificate_id, total, summary, created_at, updated_at
        """

    func document(id: String) throws(FolioError) -> StoredDocument? {
        try queryOne("SELECT \(StoreTransaction.documentColumns) FROM documents WHERE id = ?", [.text(id)])
            .map(StoredDocument.init(row:))
    }

    func document(accessKey: String) throws(FolioError) -> StoredDocument? {
        try queryOne("SELECT \(StoreTransaction.documentColumns) FROM documents WHERE access_key = ?", [.text(accessKey)])
            .map(StoredDocument.init(row:))
    }

    func documentXML(id: String) throws(FolioError) -> [UInt8]? {
        try queryOne("SELECT signed_xml FROM documents WHERE id = ?", [.text(id)])?.blob("signed_xml")
    }

    func documents(issuerId: String?, tenantId: String?, afterId: String?, limit: Int?) throws(FolioError) -> [StoredDocument] {
        var sql = "SELECT \(StoreTransaction.documentColumns) FROM documents WHERE 1 = 1"
        var values: [SQLValue] = []
        if let issuerId { sql += " AND issuer_id = ?"; values.append(.text(issuerId)) }
        if let tenantId { sql += " AND tenant_id = ?"; values.append(.text(tenantId)) }
        if let afterId { sql += " AND id > ?"; values.append(.text(afterId)) }
        sql += " ORDER BY id"
        if let limit { sql += " LIMIT \(limit)" }
        return try query(sql, values).map(StoredDocument.init(row:))
    }
}

extension StoredDocument {
    init(row: SQLRow) {
        self.init(id: row.text("id"), tenantId: row.text("tenant_id"), issuerId: row.text("issuer_id"),
                  documentType: row.text("document_type"), accessKey: row.text("access_key"), series: row.text("series"),
                  sequential: Int(row.int("sequential") ?? 0),
                  environment: Environment(rawValue: row.text("environment")) ?? .sandbox,
                  issueDate: row.text("issue_date"), status: row.text("status"), profile: row.text("profile"),
                  certificateId: row.text("certificate_id"), total: row.text("total"),
                  summary: (try? JSONParser.parse(row.text("summary"))) ?? .object([]),
                  createdAt: Timestamp(rfc3339: row.text("created_at")) ?? Timestamp(seconds: 0),
                  updatedAt: Timestamp(rfc3339: row.text("updated_at")) ?? Timestamp(seconds: 0))
    }
}
