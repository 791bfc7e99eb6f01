import FolioCore
import FolioSupport

extension Export: Presentable {
    static var columns: [Column<Export>] {
        [
            Column("ID") { $0.id },
            Column("STATUS") { $0.status.rawValue },
            Column("DOCUMENTS") { String($0.documentCount) },
            Column("TOTAL") { $0.total },
            Column("SIZE") { String($0.size) },
            Column("SHA-256") { $0.sha256 },
            Column(time: "CREATED") { $0.createdAt },
            Column("TENANT") { $0.tenantId },
        ]
    }
}

extension ExportPruning: Presentable {
    var id: String { cutoff.rfc3339 }

    var json: JSONValue {
        .object([JSONMember("cutoff", .string(cutoff.rfc3339)), JSONMember("count", .int(exports.count)),
                 JSONMember("bytes", .number(String(bytes))), JSONMember("exports", .array(exports.map(\.json)))])
    }

    static var columns: [Column<ExportPruning>] { [] }
}

extension ExportVerification: Presentable {
    var id: String { source }

    static var columns: [Column<ExportVerification>] {
        [
            Column("SOURCE") { $0.source },
            Column("VALID") { _ in "yes" },
            Column("DOCUMENTS") { String($0.documents) },
            Column("FILES") { String($0.files) },
            Column("SHA-256") { $0.sha256 },
        ]
    }
}
