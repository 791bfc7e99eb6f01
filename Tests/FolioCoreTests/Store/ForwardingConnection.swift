@testable import FolioCore

/// A connection that forwards everything to another (SQLite), for tests that watch what the
/// store asks of its database: subclasses override the calls they observe.
class ForwardingConnection: DatabaseConnection, @unchecked Sendable {
    let base: any DatabaseConnection

    init(_ base: any DatabaseConnection) { self.base = base }

    var dialect: any SQLDialect { base.dialect }
    func execute(_ query: SQLQuery) throws(FolioError) -> Int { try base.execute(query) }
    func forEachRow(_ query: SQLQuery, table: String, _ body: (SQLRow) throws(FolioError) -> Bool) throws(FolioError) {
        try base.forEachRow(query, table: table, body)
    }
    func lock(_ resource: StoreLock) throws(FolioError) { try base.lock(resource) }
    func begin(_ kind: TransactionKind) throws(FolioError) { try base.begin(kind) }
    func commit() throws(FolioError) { try base.commit() }
    func rollback() { base.rollback() }
    func savepoint(_ name: StaticString) throws(FolioError) { try base.savepoint(name) }
    func release(_ name: StaticString) throws(FolioError) { try base.release(name) }
    func rollback(to name: StaticString) { base.rollback(to: name) }
    func makeCommitsDurable() throws(FolioError) { try base.makeCommitsDurable() }
    func schemaVersion() throws(FolioError) -> Int { try base.schemaVersion() }
    func applyMigration(_ script: String) throws(FolioError) { try base.applyMigration(script) }
    func setSchemaVersion(_ version: Int) throws(FolioError) { try base.setSchemaVersion(version) }
    var engineVersion: String { base.engineVersion }
    func journalMode() throws(FolioError) -> String { try base.journalMode() }
    func databaseBytes() -> Int64 { base.databaseBytes() }
    func integrityCheck() throws(FolioError) -> [String] { try base.integrityCheck() }
    func tableExists(_ name: String) throws(FolioError) -> Bool { try base.tableExists(name) }
    func backup(to path: String) throws(FolioError) { try base.backup(to: path) }
}
