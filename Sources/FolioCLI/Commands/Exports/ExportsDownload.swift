import CommandLineKit
import FolioCore
import FolioSupport

/// `folio exports download`
enum ExportsDownload: LeafCommand {
    static let outputFile: OptionKey<String?> = .string(
        "output-file", short: "O", value: "path", kind: .path,
        help: "Where the archive goes ('-' for stdout; default: EXPORTID.zip in the current directory).")
    static let force: OptionKey<Bool> = .flag("force", help: "Replace an existing output file without asking (as --yes).")

    static let spec = Command(
        "download", abstract: "Copy an export's archive out of the store.",
        discussion: "The archive is copied as it is (its SHA-256 is the one 'exports show' prints), beside its target "
            + "and renamed into place, so an interrupted copy leaves no partial file.",
        options: [outputFile.option, force.option],
        arguments: [ExportsCommands.handle.argument],
        examples: [Example("folio exports download exp_01JD… -O marzo.zip"),
                   Example("folio exports download exp_01JD… -O - | sha256sum")],
        destructive: "Asks before -O replaces an existing file (--yes or --force replace it without asking).")

    struct Options {
        var id: String
        var output: String?
        var force: Bool
    }

    static func options(_ inv: Invocation, _ context: CommandContext) throws(FolioError) -> Options {
        Options(id: inv[ExportsCommands.handle], output: inv[outputFile], force: inv[force])
    }

    static func run(_ options: Options, _ context: CommandContext) throws {
        let (export, path) = try Exports.archivePath(store: try context.openStore(), id: options.id)
        let target = options.output ?? export.fileName
        switch try context.outputTarget(target, kind: "a ZIP archive", byteCount: export.size, field: outputFile.option.long,
                                        stdoutHint: "redirect it (-O - > export.zip) or name a file with -O",
                                        fileName: export.fileName, force: options.force) {
        case nil: return
        case .stdout:
            do throws(FileSystemError) { try FileSystem.forEachChunk(of: path) { context.console.out($0) } } catch {
                throw FolioError.server("cannot read \(path): \(error.reason)")
            }
            return
        case .file:
            try context.writeOutputFile(target) { () throws(FileSystemError) in
                try FileSystem.copyAtomically(path, to: target, mode: 0o644)
            }
        }
        if !context.globals.quiet { context.console.note("wrote \(target) (\(export.size) bytes, sha256 \(export.sha256))") }
    }
}
