import CommandLineKit

/// What folio's help and man pages say beyond the command tree: how destructive commands
/// confirm, the files of a store, and the environment variables read other than through an
/// option (those of options, FOLIO_STORE and the like, the ENVIRONMENT section lists itself).
/// A test reads the sources for environment lookups and checks that each is listed here.
enum FolioManual {
    static var manual: Manual {
        Manual(destructivePolicy: destructivePolicy, environment: environment, files: files)
    }

    /// The one policy of every command marked `destructive`, enforced by `CommandContext.confirm`.
    static let destructivePolicy = "A destructive command asks on a terminal, and goes on only when the answer "
        + "starts with y; without a terminal on stdin (a script, a pipe, CI) it needs --yes (-y) instead. Declined, "
        + "or without a terminal and without --yes, it changes nothing and exits 2 (usage). --dry-run never asks, "
        + "since it changes nothing."

    static let environment: [ManualItem] = [
        ManualItem("FOLIO_MASTER_KEY", "The store's master key, 32 bytes as 64 hex characters or base64, used instead "
            + "of the file master.key. It must match the key check value the database keeps (exit 9 otherwise). "
            + "'store rotate-master-key' refuses to run while it is set (exit 2)."),
        ManualItem("FOLIO_SENDMAIL", "A shell command that receives each outgoing e-mail (RFC 5322) on stdin, such as "
            + "'sendmail -t'. When it fails, the message stays in outbox/ with a warning. Unset, e-mail is only "
            + "written to outbox/."),
        ManualItem("FOLIO_KEY", "The API key that 'keys verify' checks when --key-file is not given (a key on the "
            + "command line is refused)."),
        ManualItem("XDG_DATA_HOME", "Without --store and FOLIO_STORE, the store is $XDG_DATA_HOME/folio."),
        ManualItem("HOME", "Without --store, FOLIO_STORE and XDG_DATA_HOME, the store is ~/.local/share/folio "
            + "(HOME unset: the home directory of the password database). The completion scripts also expand a "
            + "leading ~/ of --store with it."),
        ManualItem("USER", "The default --actor when the password database has no name for the user."),
        ManualItem("FOLIO_NOW", "Test builds only (debug builds, which the tests run): the clock stands still at this "
            + "RFC 3339 time. A release build ignores it, with a warning."),
        ManualItem("FOLIO_CLOCK_OFFSET", "Test builds only: the clock runs this many seconds ahead (or behind, when "
            + "negative). A release build ignores it, with a warning."),
        ManualItem("FOLIO_WEBHOOK_TIMEOUT", "Test builds only: 'webhooks deliver' waits this many seconds for a "
            + "receiver instead of 15. A release build ignores it."),
    ]

    static let files: [ManualItem] = [
        ManualItem("~/.local/share/folio/", "The store directory (mode 0700) by default; $XDG_DATA_HOME/folio/ when "
            + "XDG_DATA_HOME is set, or the directory that --store or FOLIO_STORE names. 'folio init' makes it and "
            + "the files below in it."),
        ManualItem("folio.db", "The database (SQLite, WAL mode, mode 0600): tenants, keys (as SHA-256 hashes), issuers, "
            + "documents, the audit log. folio.db-wal and folio.db-shm sit beside it while it is in use. "
            + "'store backup' copies it."),
        ManualItem("master.key", "32 random bytes (mode 0600) that seal issuers' private keys and idempotency records "
            + "(AES-256-GCM). Back it up apart from the database: a backup of folio.db is of no use without it."),
        ManualItem("master.key.new", "The new key while 'store rotate-master-key' runs, renamed over master.key at its "
            + "end. After a crash, the next command that opens the key finishes the rename if the rotation had "
            + "committed; otherwise the next rotation removes it."),
        ManualItem("master.key.old", "The key before the last rotation: it opens database backups made before it. Move "
            + "it beside them; the next rotation refuses while it is in the store."),
        ManualItem("outbox/", "Outgoing e-mail (verification messages) as RFC 5322 .eml files, unless FOLIO_SENDMAIL "
            + "delivers them."),
        ManualItem("exports/", "Export archives."),
    ]
}
