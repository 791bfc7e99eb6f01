import FolioSupport

/// Where an export is in its life: its archive is in `exports/` (completed), or was deleted by
/// a prune, its row kept as the record of what was exported.
public enum ExportStatus: String, Sendable, CaseIterable {
    case completed
    case pruned
}

/// An export archive's record (the `exports` table, migration 7). The archive's bytes depend
/// only on the documents and the filters; what depends on when and by whom it was made (id,
/// creation time) lives here, not in the archive.
public struct Export: Sendable, Equatable {
    public var id: String
    public var tenantId: String
    public var status: ExportStatus
    /// The filters as the archive's manifest records them (`ExportRequest.filtersJSON`).
    public var filters: JSONValue
    public var includeRide: Bool
    public var documentCount: Int
    /// Entries in the archive, `index.csv` and `manifest.json` included.
    public var fileCount: Int
    /// Exact decimal sums over the documents, as text (`"1150.00"`).
    public var subtotal: String
    public var tax: String
    public var total: String
    /// Lower-case hex SHA-256 of the archive file.
    public var sha256: String
    public var size: Int64
    public var createdAt: Timestamp
    public var prunedAt: Timestamp?

    /// The archive's file name in `exports/`.
    public var fileName: String { id + ".zip" }

    public init(id: String, tenantId: String, status: ExportStatus, filters: JSONValue, includeRide: Bool,
                documentCount: Int, fileCount: Int, subtotal: String, tax: String, total: String, sha256: String,
                size: Int64, createdAt: Timestamp, prunedAt: Timestamp?) {
        self.id = id
        self.tenantId = tenantId
        self.status = status
        self.filters = filters
        self.includeRide = includeRide
        self.documentCount = documentCount
        self.fileCount = fileCount
        self.subtotal = subtotal
        self.tax = tax
        self.total = total
        self.sha256 = sha256
        self.size = size
        self.createdAt = createdAt
        self.prunedAt = prunedAt
    }

    /// The JSON every command prints for an export.
    public var json: JSONValue {
        .object([
            JSONMember("id", .string(id)),
            JSONMember("tenantId", .string(tenantId)),
            JSONMember("status", .string(status.rawValue)),
            JSONMember("filters", filters),
            JSONMember("includeRide", .bool(includeRide)),
            JSONMember("documentCount", .int(documentCount)),
            JSONMember("fileCount", .int(fileCount)),
            JSONMember("subtotal", .string(subtotal)),
            JSONMember("tax", .string(tax)),
            JSONMember("total", .string(total)),
            JSONMember("sha256", .string(sha256)),
            JSONMember("size", .number(String(size))),
            JSONMember("createdAt", .string(createdAt.rfc3339)),
            JSONMember("prunedAt", prunedAt.map { .string($0.rfc3339) } ?? .null),
        ])
    }
}
