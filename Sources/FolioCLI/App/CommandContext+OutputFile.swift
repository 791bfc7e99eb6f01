import FolioCore
import FolioSupport

/// Where a command that makes a file (`documents pdf`, `exports download`) sends it with `-O`.
enum OutputTarget {
    /// `-O -`: the bytes go to stdout.
    case stdout
    /// A file path, checked: not a directory, and replacing an existing file was confirmed.
    case file(String)
}

extension CommandContext {
    /// Checks `target` before anything is written. `-` is stdout, refused on a terminal (binary
    /// bytes would only garble it). Otherwise a dry run says what it would write and gives nil;
    /// a directory is refused naming `field`; an existing file is replaced only when `force` or
    /// the user confirms.
    func outputTarget(_ target: String, kind: String, byteCount: Int64, field: String, stdoutHint: String,
                      fileName: String, force: Bool) throws -> OutputTarget? {
        if target == "-" {
            if console.stdoutIsTerminal {
                throw FolioError(.usage, "stdout is a terminal, not a place for \(kind)", hint: stdoutHint)
            }
            return .stdout
        }
        if globals.dryRun {
            console.note("would write \(byteCount) bytes to \(target); nothing was written (dry run)")
            return nil
        }
        if FileSystem.entryExists(target) {
            if FileSystem.isDirectory(target) {
                throw FolioError.validation("'\(target)' is a directory", field: field,
                                            hint: "name the file to write, e.g. \(target)/\(fileName)")
            }
            if !force { try confirm("Replace the existing file \(target)?") }
        }
        return .file(target)
    }

    /// Runs `write` (an atomic write or copy to `target`), wording its failure.
    func writeOutputFile(_ target: String, _ write: () throws(FileSystemError) -> Void) throws(FolioError) {
        do throws(FileSystemError) { try write() } catch {
            let why = error.isMissing ? "its directory \(FileSystem.parentDirectory(target)) does not exist" : error.reason
            throw FolioError.server("cannot write \(target): \(why)")
        }
    }
}
