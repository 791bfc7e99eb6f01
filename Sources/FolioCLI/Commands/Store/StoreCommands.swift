import CommandLineKit
import FolioCore

/// `folio store …`
enum StoreCommands {
    static let group = CommandGroup(
        "store", abstract: "Inspect, check and back up the store; rotate its master key.",
        leaves: [StoreInfoCommand.self, StoreCheckCommand.self, StoreBackupCommand.self, StoreRotateMasterKeyCommand.self],
        examples: [
            Example("folio store info"),
            Example("folio store check && folio store backup /backups/folio-$(date +%F).db", "check, then back up the database"),
        ])
}
