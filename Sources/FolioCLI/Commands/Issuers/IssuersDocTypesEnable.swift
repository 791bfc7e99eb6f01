import CommandLineKit
import FolioCore

/// `folio issuers doc-types enable`
enum IssuersDocTypesEnable: DocTypesToggle {
    static let enabled = true
    static let spec = Command(
        "enable", abstract: "Enable document types for an issuer.",
        arguments: [IssuersCommands.handle.argument, IssuersCommands.types.argument],
        examples: [Example("folio issuers doc-types enable iss_… 04 05")])
}
