import FolioCore
import FolioSupport

/// What `folio init` did: the store, whether it was created now, its schema version.
struct StoreInitView: Presentable {
    let result: StoreInitResult
    var id: String { result.directory }
    var json: JSONValue {
        .object([JSONMember("store", .string(result.directory)), JSONMember("created", .bool(result.created)),
                 JSONMember("schemaVersion", .int(result.schemaVersion))])
    }
    static var columns: [Column<StoreInitView>] {
        [Column("STORE") { $0.result.directory }, Column("CREATED") { String($0.result.created) },
         Column("SCHEMA") { String($0.result.schemaVersion) }]
    }
}
