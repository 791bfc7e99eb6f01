import CommandLineKit
import FolioCore
import FolioSupport

/// `folio store backup`
enum StoreBackupCommand: LeafCommand {
    static let path: ArgumentKey<String> = .string("path", help: "The new backup file.", kind: .path)

    static let spec = Command(
        "backup", abstract: "Copy the database to a new file, consistently, while others keep writing.",
        discussion: "Uses SQLite's online backup: the copy is one consistent snapshot, written as PATH.partial and "
            + "renamed when complete. It never overwrites a file; a path it cannot write (an empty one, a folder "
            + "that does not exist, a name over 239 bytes) is refused with exit 3 before anything is written. "
            + "master.key is not included: keep it apart (cp -p master.key to the same safe place), it decrypts "
            + "the secrets in the copy. --dry-run is refused: a backup changes nothing in the store.",
        arguments: [path.argument],
        examples: [Example("folio store backup /backups/folio-$(date +%F).db")])

    static func options(_ inv: Invocation, _ context: CommandContext) throws(FolioError) -> String {
        if context.globals.dryRun {
            throw FolioError(.usage, "store backup takes no --dry-run: it changes nothing in the store, and what it writes is the backup")
        }
        return inv[path]
    }

    static func run(_ path: String, _ context: CommandContext) throws {
        let bytes = try context.openStore().backup(to: path)
        let members = [JSONMember("path", .string(path)), JSONMember("bytes", .number(String(bytes)))]
        context.console.out(FactSheet(id: path, members: members).render(context.renderer))
        if !context.globals.quiet { context.console.note("backed up to \(path); keep master.key safe separately") }
        return
    }
}
