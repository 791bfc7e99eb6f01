import CommandLineKit
import FolioCore
import FolioSupport

/// `folio generate-docs DIR` (hidden): writes completions/ and man/ from the command model.
enum GenerateDocsCommand: LeafCommand {
    static let dir: ArgumentKey<String> = .string("dir", help: "The repository root.", kind: .path)

    static let spec = Command(
        "generate-docs", abstract: "Write the completion scripts and man pages into DIR (for maintainers).",
        arguments: [dir.argument], hidden: true)

    static func options(_ inv: Invocation, _ context: CommandContext) throws(FolioError) -> String {
        inv[dir]
    }

    static func run(_ dir: String, _ context: CommandContext) throws {
        do throws(FileSystemError) {
            try FileSystem.makeDirectory(dir + "/completions", mode: 0o755)
            try FileSystem.makeDirectory(dir + "/man/man1", mode: 0o755)
            for file in GeneratedDocs.files() {
                try FileSystem.writeAtomically(Array(file.content.utf8), to: dir + "/" + file.path, mode: 0o644)
            }
        } catch {
            throw FolioError.server(error.description)
        }
        context.console.note("wrote \(GeneratedDocs.files().count) files under \(dir)")
        return
    }
}
