import CommandLineKit
import FolioCore

/// `folio version`: the verb form of `--version`, for those who type commands rather than flags
/// (as `git version`, `go version`). It prints exactly what `--version` prints.
enum VersionCommand: LeafCommand {
    static let spec = Command(
        "version", abstract: "Show the version (the same as --version).",
        examples: [Example("folio version")])

    static func options(_ inv: Invocation, _ context: CommandContext) throws(FolioError) {}

    static func run(_ options: Void, _ context: CommandContext) throws {
        context.console.out("\(context.program.name) \(context.program.version)\n")
    }
}
