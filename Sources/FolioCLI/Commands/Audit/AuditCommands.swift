import CommandLineKit
import FolioCore

/// `folio audit …`
enum AuditCommands {
    static let group = CommandGroup(
        "audit", abstract: "Read and verify the append-only, hash-chained audit log.",
        leaves: [AuditList.self, AuditVerify.self],
        examples: [Example("folio audit list --target ana@example.com"), Example("folio audit verify")])
}
