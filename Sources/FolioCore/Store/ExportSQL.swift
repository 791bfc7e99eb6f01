import FolioSupport

/// SQL of the exports table (migration 7).
extension StoreTransaction {
    func insertExport(_ e: Export) throws(FolioError) {
        try run("""
            INSERT INTO exports (id, tenant_id, status, filters, include_ride, document_count, file_count, subtotal, tax,
                total, sha256, size, created_at, pruned_at)
            VALUES (\(e.id), \(e.tenantId), \(e.status.rawValue), \(e.filters.compactText()), \(e.includeRide ? 1 : 0),
                \(e.documentCount), \(e.fileCount), \(e.subtotal), \(e.tax), \(e.total), \(e.sha256), \(e.size),
                \(e.createdAt), \(e.prunedAt))
            """)
    }

    func export(id: String) throws(FolioError) -> Export? {
        try fetchOne("SELECT * FROM exports WHERE id = \(id)", table: "exports", Export.init(row:))
    }

    /// A page of exports, newest first (ids are ULIDs: they sort by creation).
    func exports(tenantId: String?, status: ExportStatus?, after cursor: String?, limit: Int?) throws(FolioError) -> Page<Export> {
        var list = ListQuery("SELECT * FROM exports", table: "exports", key: "id", descending: true)
        if let tenantId { list.filter("tenant_id = \(tenantId)") }
        if let status { list.filter("status = \(status.rawValue)") }
        return try page(list, after: cursor, limit: limit, Export.init(row:), cursor: \.id)
    }

    /// Completed exports made before `cutoff`, oldest first.
    func completedExports(before cutoff: Timestamp, tenantId: String?) throws(FolioError) -> [Export] {
        var query: SQLQuery = "SELECT * FROM exports WHERE status = 'completed' AND created_at < \(cutoff)"
        if let tenantId { query.append(" AND tenant_id = \(tenantId)") }
        query.append(" ORDER BY id")
        return try fetchAll(query, table: "exports", Export.init(row:))
    }

    /// Whether any row names `id`: an archive in `exports/` without one is a leftover.
    func exportExists(id: String) throws(FolioError) -> Bool {
        try fetchOne("SELECT id FROM exports WHERE id = \(id)", table: "exports") { _ throws(FolioError) in true } ?? false
    }

    func markExportPruned(id: String, at time: Timestamp) throws(FolioError) {
        try run("UPDATE exports SET status = 'pruned', pruned_at = \(time) WHERE id = \(id)")
    }

    /// The ids and access keys of the documents `query` keeps, read through the same statement
    /// as `documents list` (so every filter of the list is one of the export too), sorted by
    /// access key.
    func documentKeys(_ query: DocumentListQuery) throws(FolioError) -> ExportKeys {
        var keys = ExportKeys()
        try forEachRow(Self.documentList(query, after: nil, limit: nil, columns: "SELECT id, access_key FROM documents"),
                       table: "documents") { row throws(FolioError) in
            try keys.append(accessKey: try row.text("access_key"), id: try row.text("id"))
        }
        keys.sort()
        return keys
    }

    /// A document with its signed XML, for the archive.
    func documentWithXML(id: String) throws(FolioError) -> (StoredDocument, [UInt8])? {
        try fetchOne("""
            SELECT id, tenant_id, issuer_id, document_type, access_key, series, sequential, environment, issue_date, status,
                profile, certificate_id, total, summary, signed_xml, created_at, updated_at FROM documents WHERE id = \(id)
            """, table: "documents") { row throws(FolioError) in (try StoredDocument(row: row), try row.blob("signed_xml")) }
    }
}

extension Export {
    init(row: SQLRow) throws(FolioError) {
        self.init(id: try row.text("id"), tenantId: try row.text("tenant_id"),
                  status: try row.enumeration("status", ExportStatus.self), filters: try row.json("filters"),
                  includeRide: try row.boolean("include_ride"), documentCount: try row.int("document_count", in: 0...Int.max),
                  fileCount: try row.int("file_count", in: 0...Int.max), subtotal: try row.text("subtotal"),
                  tax: try row.text("tax"), total: try row.text("total"), sha256: try row.text("sha256"),
                  size: try row.integer("size"), createdAt: try row.timestamp("created_at"),
                  prunedAt: try row.optionalTimestamp("pruned_at"))
    }
}
