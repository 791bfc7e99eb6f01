import CommandLineKit
import FolioCore
import FolioSupport

/// `folio store check`
enum StoreCheckCommand: LeafCommand {
    static let spec = Command(
        "check", abstract: "Check the database's integrity, its schema version and the audit chain.",
        discussion: "Exits 0 when all is well, 9 (store_unavailable) when SQLite finds damage or the schema is "
            + "not current, 10 (signature_invalid) when the audit chain is broken.",
        examples: [Example("folio store check")])

    static func options(_ inv: Invocation, _ context: CommandContext) throws(FolioError) {}

    static func run(_ options: Void, _ context: CommandContext) throws {
        let report = try context.openStore().check()
        let members = [
            JSONMember("healthy", .bool(report.healthy)),
            JSONMember("integrity", .string(report.integrity.joined(separator: "; "))),
            JSONMember("schemaVersion", .int(report.schemaVersion)),
            JSONMember("expectedSchemaVersion", .int(report.expectedSchemaVersion)),
            JSONMember("auditRows", .int(report.audit.rows)),
            JSONMember("auditChain", .string(report.audit.firstBad.map { "broken at row \($0.seq) (\($0.id)): \($0.problem)" } ?? "ok")),
        ]
        context.console.out(FactSheet(id: report.healthy ? "ok" : "damaged", members: members).render(context.renderer))
        if report.integrity != ["ok"] || report.schemaVersion != report.expectedSchemaVersion {
            throw ReportedFailure(.storeUnavailable("the store failed its integrity check",
                                                    hint: "restore it from a backup made with 'folio store backup'"))
        }
        if let bad = report.audit.firstBad {
            throw ReportedFailure(FolioError(.signatureInvalid, "the audit chain is broken at row \(bad.seq) (\(bad.id)): \(bad.problem)"))
        }
    }
}
