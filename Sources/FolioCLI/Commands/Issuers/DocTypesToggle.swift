import CommandLineKit
import FolioCore

/// `doc-types enable` and `disable`: the same command with the opposite switch. A conforming
/// command declares its spec (the issuer and `IssuersCommands.types`) and `enabled`.
protocol DocTypesToggle: LeafCommand where Options == DocTypesToggleOptions {
    static var enabled: Bool { get }
}

struct DocTypesToggleOptions {
    var handle: String
    var codes: [String]
}

extension DocTypesToggle {
    static func options(_ inv: Invocation, _ context: CommandContext) throws(FolioError) -> DocTypesToggleOptions {
        DocTypesToggleOptions(handle: inv[IssuersCommands.handle], codes: inv[IssuersCommands.types])
    }

    static func run(_ options: DocTypesToggleOptions, _ context: CommandContext) throws {
        let mutation = Issuers.setDocumentTypes(options.handle, codes: options.codes, enabled: enabled)
        try context.perform(mutation, present: { Presented(list: $0, nextCursor: nil) })
    }
}
