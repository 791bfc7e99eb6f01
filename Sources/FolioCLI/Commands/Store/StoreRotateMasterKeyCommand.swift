import CommandLineKit
import FolioCore
import FolioSupport

/// `folio store rotate-master-key`
enum StoreRotateMasterKeyCommand: LeafCommand {
    static let spec = Command(
        "rotate-master-key", abstract: "Replace master.key with a new random key, every secret sealed again under it.",
        discussion: "Opens every secret sealed under the current key (issuers' private keys, idempotency records) "
            + "and seals it under a new random key, in one transaction with its audit entry; the key itself is "
            + "never printed. The new key is written to master.key.new and a copy of the current one to "
            + "master.key.old before the commit, and master.key.new replaces master.key after it. If folio stops "
            + "before the commit, nothing changed; if it stops after, the next command that opens the key "
            + "finishes the rename. master.key.old opens the database backups made before the rotation: move it "
            + "beside them (a later rotation refuses while it is in the store). Back up the new master.key at once. "
            + "A secret that does not open stops the rotation (exit 9). A key given in FOLIO_MASTER_KEY is not "
            + "rotated (exit 2): the new key could not reach where that variable is kept. --dry-run opens and seals "
            + "every secret and writes nothing.",
        examples: [
            Example("folio store rotate-master-key --dry-run", "check that every secret opens"),
            Example("folio store rotate-master-key --yes && cp -p \"$FOLIO_STORE/master.key\" /backups/"),
        ],
        destructive: "Always asks: database backups made before it open only with master.key.old.")

    static func options(_ inv: Invocation, _ context: CommandContext) throws(FolioError) {
        if context.globals.idempotencyKey != nil {
            throw FolioError(.usage, "store rotate-master-key takes no --idempotency-key: a rotation is never replayed")
        }
        if let key = context.environment["FOLIO_MASTER_KEY"], !key.isEmpty {
            throw FolioError(.usage, "the master key comes from FOLIO_MASTER_KEY; a rotation writes the new key to master.key "
                                 + "and could not hand it to wherever FOLIO_MASTER_KEY is kept",
                             hint: "put the current key in master.key (mode 0600), unset FOLIO_MASTER_KEY, rotate, then "
                                 + "store the new master.key where FOLIO_MASTER_KEY comes from")
        }
    }

    static func run(_ options: Void, _ context: CommandContext) throws {
        let store = try context.openStore()
        try context.confirm("Replace the master key of \(store.directory)? Back up the new master.key afterwards; "
                            + "backups of the database made before need the old one (kept as master.key.old).")
        let rotation = try store.rotateMasterKey(context: context.mutationContext())
        var members = [JSONMember("masterKey", .string(rotation.masterKeyPath))]
        if !context.globals.dryRun { members.append(JSONMember("previousKey", .string(rotation.previousKeyPath))) }
        members += [
            JSONMember("certificates", .int(rotation.certificates)),
            JSONMember("idempotencyRecords", .int(rotation.idempotencyRecords)),
            JSONMember("webhookSecrets", .int(rotation.webhookSecrets)),
            JSONMember("dryRun", .bool(context.globals.dryRun)),
        ]
        context.console.out(FactSheet(id: rotation.masterKeyPath, members: members).render(context.renderer))
        if context.globals.dryRun {
            context.console.note("dry run: \(rotation.certificates) private key(s) and \(rotation.idempotencyRecords) "
                                 + "idempotency record(s) and \(rotation.webhookSecrets) webhook secret(s) open with the current key; nothing was written")
        } else if !context.globals.quiet {
            context.console.note("rotated the master key: back up \(rotation.masterKeyPath) now; \(rotation.previousKeyPath) "
                                 + "opens backups made before this rotation, move it beside them")
        }
    }
}
