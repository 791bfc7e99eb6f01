import CommandLineKit
import FolioCore
import FolioSupport

/// `folio store info`
enum StoreInfoCommand: LeafCommand {
    static let spec = Command("info", abstract: "Show where the store is, its schema version and its size.",
                              examples: [Example("folio store info -o json")])

    static func options(_ inv: Invocation, _ context: CommandContext) throws(FolioError) {}

    static func run(_ options: Void, _ context: CommandContext) throws {
        let info = try context.openStore().info()
        var members = [
            JSONMember("store", .string(info.directory)),
            JSONMember("schemaVersion", .int(info.schemaVersion)),
            JSONMember("sqliteVersion", .string(info.sqliteVersion)),
            JSONMember("journalMode", .string(info.journalMode)),
            JSONMember("databaseBytes", .number(String(info.databaseBytes))),
        ]
        members.append(JSONMember("rows", .object(info.counts.map { JSONMember($0.table, .number(String($0.rows))) })))
        context.console.out(FactSheet(id: info.directory, members: members).render(context.renderer))
        return
    }
}
