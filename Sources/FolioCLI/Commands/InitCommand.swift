import CommandLineKit
import FolioCore
import FolioSupport

/// `folio init`
enum InitCommand: LeafCommand {
    static let spec = Command(
        "init", abstract: "Create the store (safe to run again).",
        discussion: "Creates the store directory (mode 0700) with folio.db (SQLite, WAL), master.key (32 random "
            + "bytes, mode 0600), outbox/ and exports/. On an existing store it changes nothing. Back up master.key "
            + "apart from the database: without it, stored private keys and secrets cannot be decrypted.",
        examples: [Example("folio init"), Example("folio --store /tmp/sandbox init")])

    static func options(_ inv: Invocation, _ context: CommandContext) throws(FolioError) -> StoreLocation {
        context.globals.storeLocation
    }

    static func run(_ location: StoreLocation, _ context: CommandContext) throws {
        let result = try context.stores.initialize(location: location, environment: context.environment)
        context.console.out(context.renderer.one(StoreInitView(result: result)))
        if !context.globals.quiet {
            context.console.note(result.created ? "initialized a new store at \(result.directory)"
                                                : "a store exists already at \(result.directory); nothing was changed")
        }
        return
    }
}
