import CommandLineKit
import FolioCore
import FolioSupport

/// `folio store check`
enum StoreCheckCommand: LeafCommand {
    static let spec = Command(
        "check", abstract: "Check the database's integrity, its schema version, the master key and the audit chain.",
        discussion: "The master key (master.key, or FOLIO_MASTER_KEY when set) must be the one the store's secrets "
            + "are sealed under: it is checked against the key check value recorded in the database. "
            + "Exits 0 when all is well, 9 (store_unavailable) when SQLite finds damage, the schema is "
            + "not current or the master key is missing or not this store's, 10 (signature_invalid) when the audit "
            + "chain is broken.",
        examples: [Example("folio store check")])

    static func options(_ inv: Invocation, _ context: CommandContext) throws(FolioError) {}

    static func run(_ options: Void, _ context: CommandContext) throws {
        let report = try context.openStore().check()
        let members = [
            JSONMember("healthy", .bool(report.healthy)),
            JSONMember("integrity", .string(report.integrity.joined(separator: "; "))),
            JSONMember("schemaVersion", .int(report.schemaVersion)),
            JSONMember("expectedSchemaVersion", .int(report.expectedSchemaVersion)),
            JSONMember("masterKey", .string(report.masterKeyProblem?.message ?? "ok")),
            JSONMember("masterKeySource", .string(report.masterKeySource.name)),
            JSONMember("auditRows", .int(report.audit.rows)),
            JSONMember("auditChain", .string(report.audit.firstBad.map { "broken at row \($0.seq) (\($0.id)): \($0.problem)" } ?? "ok")),
        ]
        context.console.out(FactSheet(id: report.healthy ? "ok" : "damaged", members: members).render(context.renderer))
        if report.integrity != ["ok"] || report.schemaVersion != report.expectedSchemaVersion {
            throw ReportedFailure(.storeUnavailable("the store failed its integrity check",
                                                    hint: "restore it from a backup made with 'folio store backup'"))
        }
        if let problem = report.masterKeyProblem { throw ReportedFailure(problem) }
        if let bad = report.audit.firstBad {
            throw ReportedFailure(FolioError(.signatureInvalid, "the audit chain is broken at row \(bad.seq) (\(bad.id)): \(bad.problem)"))
        }
    }
}
