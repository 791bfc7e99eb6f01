import FolioSupport

/// A side effect's file, written before COMMIT under a temporary name and published after it,
/// so that a crash leaves at most a stray temporary file, never a file for a change that did
/// not happen.
struct StagedFile {
    enum Delivery {
        /// Renamed into its folder.
        case file
        /// Piped to `FOLIO_SENDMAIL` when set (kept in the outbox when that fails).
        case mail(OutgoingMail)
    }
    var temporaryPath: String
    var finalPath: String
    var bytes: [UInt8]
    var delivery: Delivery
}

extension Store {
    /// Writes each side effect's file under a temporary name (exclusive, so two changes never
    /// share one), before COMMIT.
    func stage(_ effects: [SideEffect]) throws(FolioError) -> [StagedFile] {
        var staged: [StagedFile] = []
        do throws(FolioError) {
            for effect in effects {
                let file: StagedFile
                switch effect {
                case .file(let f):
                    let folder = f.folder == .outbox ? outboxDirectory : exportsDirectory
                    file = StagedFile(temporaryPath: folder + "/." + f.name + ".tmp", finalPath: folder + "/" + f.name,
                                      bytes: f.bytes, delivery: .file)
                case .mail(let mail):
                    file = StagedFile(temporaryPath: outboxDirectory + "/." + mail.name + ".eml.tmp",
                                      finalPath: outboxDirectory + "/" + mail.name + ".eml", bytes: mail.rfc5322,
                                      delivery: .mail(mail))
                }
                try storeFile { () throws(FileSystemError) in
                    try FileSystem.write(file.bytes, to: file.temporaryPath, mode: 0o600, exclusive: true)
                }
                staged.append(file)
            }
        } catch {
            discard(staged)
            throw error
        }
        return staged
    }

    /// Removes staged files of a change that did not commit.
    func discard(_ staged: [StagedFile]) {
        for file in staged { FileSystem.remove(file.temporaryPath) }
    }

    /// Publishes staged files after COMMIT; the warnings of those that could not be.
    func publish(_ staged: [StagedFile]) -> [String] {
        var warnings: [String] = []
        for file in staged {
            if case .mail(let mail) = file.delivery, let sendmail = environment["FOLIO_SENDMAIL"], !sendmail.isEmpty {
                let status = Subprocess.pipe(file.bytes, toShellCommand: sendmail, environment: environment)
                if status == 0 {
                    FileSystem.remove(file.temporaryPath)
                    continue
                }
                warnings.append("FOLIO_SENDMAIL exited with status \(status); the message to \(mail.to) was kept in \(file.finalPath)")
            }
            do throws(FileSystemError) { try FileSystem.rename(file.temporaryPath, file.finalPath) } catch {
                warnings.append("could not publish \(file.finalPath): \(error.reason)")
            }
        }
        return warnings
    }
}
