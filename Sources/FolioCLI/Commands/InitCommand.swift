import CommandLineKit
import FolioCore
import FolioSupport

/// `folio init`
enum InitCommand: LeafCommand {
    static let spec = Command(
        "init", abstract: "Create the store (safe to run again).",
        discussion: "Creates the store directory (mode 0700; an existing empty folder is made 0700) with folio.db "
            + "(SQLite, WAL), master.key (32 random bytes, mode 0600; none with FOLIO_MASTER_KEY set), outbox/ and "
            + "exports/, whole or not at all: it is built in a temporary folder beside it, and a failure leaves "
            + "nothing behind. The database records a check value of the key, which every command that opens the "
            + "key verifies. On an existing store it changes nothing, and it never makes a new master.key beside "
            + "an existing database (exit 9: restore master.key from your backup). Back up master.key apart from "
            + "the database: without it, stored private keys and secrets cannot be decrypted. --dry-run is refused: "
            + "init writes nothing on an existing store already.",
        examples: [Example("folio init"), Example("folio --store /tmp/sandbox init")])

    static func options(_ inv: Invocation, _ context: CommandContext) throws(FolioError) -> StoreLocation {
        if context.globals.dryRun {
            throw FolioError(.usage, "init takes no --dry-run: creating the store is all it does, and on an existing store it changes nothing",
                             hint: "'folio store check' checks an existing store without writing")
        }
        return context.globals.storeLocation
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
