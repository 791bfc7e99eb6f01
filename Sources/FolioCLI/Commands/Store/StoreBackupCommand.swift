import CommandLineKit
import FolioCore
import FolioSupport

/// `folio store backup`
enum StoreBackupCommand: LeafCommand {
    static let path: ArgumentKey<String> = .string("path", help: "The new backup file.", kind: .path)

    static let spec = Command(
        "backup", abstract: "Copy the database to a new file, consistently, while others keep writing.",
        discussion: "Uses SQLite's online backup: the copy is one consistent snapshot. It never overwrites a file. "
            + "master.key is not included: keep it apart, it decrypts the secrets in the copy.",
        arguments: [path.argument],
        examples: [Example("folio store backup /backups/folio-$(date +%F).db")])

    static func options(_ inv: Invocation, _ context: CommandContext) throws(FolioError) -> String {
        inv[path]
    }

    static func run(_ path: String, _ context: CommandContext) throws {
        let bytes = try context.openStore().backup(to: path)
        let members = [JSONMember("path", .string(path)), JSONMember("bytes", .number(String(bytes)))]
        context.console.out(FactSheet(id: path, members: members).render(context.renderer))
        if !context.globals.quiet { context.console.note("backed up to \(path); keep master.key safe separately") }
        return
    }
}
