import FolioCore
import FolioSupport

/// `documents events`: one row per audit entry or event; the details as compact JSON.
extension DocumentHistoryEntry: Presentable {
    static var columns: [Column<DocumentHistoryEntry>] {
        [
            Column(time: "TIME") { $0.time },
            Column("TYPE") { $0.type },
            Column("SOURCE") { $0.source.rawValue },
            Column(text: "ACTOR") { $0.actor ?? "" },
            Column(text: "DETAILS") { $0.details.compactText() },
        ]
    }
}
