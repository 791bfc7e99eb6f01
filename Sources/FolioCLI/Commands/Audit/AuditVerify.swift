import CommandLineKit
import FolioCore
import FolioSupport

/// `folio audit verify`
enum AuditVerify: LeafCommand {
    static let spec = Command(
        "verify", abstract: "Check the audit chain: exit 10 naming the first row edited, removed or reordered.",
        examples: [Example("folio audit verify")])

    static func options(_ inv: Invocation, _ context: CommandContext) throws(FolioError) {}

    static func run(_ options: Void, _ context: CommandContext) throws {
        let result = try AuditLog.verify(store: try context.openStore())
        if let bad = result.firstBad {
            throw FolioError(.signatureInvalid, "the audit log is broken at row \(bad.seq) (\(bad.id)): \(bad.problem)",
                             hint: "the log was changed outside folio; restore it from a backup",
                             details: [JSONMember("row", .int(Int(bad.seq))), JSONMember("id", .string(bad.id))])
        }
        let members = [JSONMember("valid", .bool(true)), JSONMember("rows", .int(result.rows))]
        context.console.out(FactSheet(id: "ok", members: members).render(context.renderer))
        return
    }
}
