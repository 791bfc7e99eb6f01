import CommandLineKit
import FolioCore

/// `folio issuers doc-types enable`
enum IssuersDocTypesEnable: LeafCommand {
    static let spec = Command(
        "enable", abstract: "Enable document types for an issuer.",
        arguments: [IssuersCommands.handleArgument, IssuersCommands.typesArgument],
        examples: [Example("folio issuers doc-types enable iss_… 04 05")])

    struct Options {
        var handle: String
        var codes: [String]
    }

    static func options(_ inv: Invocation, _ context: CommandContext) throws(FolioError) -> Options {
        Options(handle: IssuersCommands.handle(inv), codes: inv.arguments("type"))
    }

    static func run(_ options: Options, _ context: CommandContext) throws(FolioError) -> Int32 {
        let renderer = context.renderer
        let mutation = Issuers.setDocumentTypes(options.handle, codes: options.codes, enabled: true)
        return try context.perform(mutation, render: { renderer.page($0, nextCursor: nil) })
    }
}
