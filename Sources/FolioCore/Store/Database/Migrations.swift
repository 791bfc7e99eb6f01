/// The schema's versions. Version `n` is what the first `n` migrations of a dialect
/// (`SQLDialect.migrations`) make; every dialect describes the same tables, columns and
/// constraints at each version, in its own DDL: SQLite's in `SQLiteMigrations`, and a
/// PostgreSQL backend's in its own file beside its connection (Store/PostgreSQL/).
///
/// A new version: append one script to every dialect's list and raise `latestVersion`.
/// Scripts never change once released; a database records its version and runs only the
/// scripts after it.
enum Migrations {
    static let latestVersion = 10

    /// What a migration does that its scripts cannot: runs after the script that takes the
    /// database to `version`, in the same transaction, the same for every dialect.
    static func afterScript(reaching version: Int, _ tx: StoreTransaction) throws(FolioError) {
        switch version {
        case 5: try tx.fillTenantSearchText()
        case 6: try tx.fillDocumentListColumns()
        default: break
        }
    }
}
