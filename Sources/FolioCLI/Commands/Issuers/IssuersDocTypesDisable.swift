import CommandLineKit
import FolioCore

/// `folio issuers doc-types disable`
enum IssuersDocTypesDisable: DocTypesToggle {
    static let enabled = false
    static let spec = Command(
        "disable", abstract: "Disable document types for an issuer.",
        arguments: [IssuersCommands.handle.argument, IssuersCommands.types.argument],
        examples: [Example("folio issuers doc-types disable iss_… 04 05")])
}
