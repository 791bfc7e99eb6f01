import CommandLineKit
import FolioCore
import FolioSupport

/// The options of DESIGN §2 that every command takes, before or after the subcommand.
struct GlobalOptions {
    var store: String
    var output: OutputFormat
    /// `--actor`/`FOLIO_ACTOR` as given; see `resolvedActor`.
    var actor: String?
    var idempotencyKey: String?
    var dryRun: Bool
    var yes: Bool
    var noColor: Bool
    var quiet: Bool
    /// `--lock-timeout`/`FOLIO_LOCK_TIMEOUT`: seconds to wait for another process's store lock.
    var lockTimeout: Int

    // The default store depends on the environment, so it is resolved when read, not declared.
    static let store: OptionKey<String?> = .string(
        "store", value: "path", kind: .path, env: "FOLIO_STORE",
        help: "The store directory (default: $XDG_DATA_HOME/folio, else ~/.local/share/folio).")
    static let output: OptionKey<OutputFormat> = .choice("output", short: "o", value: "format", default: .table,
                                                         env: "FOLIO_OUTPUT",
                                                         help: "Output format. csv puts a ' before a cell that starts with "
                                                             + "=, +, -, @, a tab or a CR, so that no spreadsheet runs it as a formula.")
    static let actor: OptionKey<String?> = .string(
        "actor", value: "name", env: "FOLIO_ACTOR", help: "Who is acting, for the audit log (default: the OS user name).")
    static let idempotencyKey: OptionKey<String?> = .string(
        "idempotency-key", value: "key",
        help: "On a mutating command: the same key with the same arguments replays the first result (kept 24 h).")
    static let dryRun: OptionKey<Bool> = .flag(
        "dry-run", help: "On a mutating command: validate and show what would change; write nothing.")
    static let yes: OptionKey<Bool> = .flag("yes", short: "y", help: "Skip the confirmation of a destructive command.")
    static let noColor: OptionKey<Bool> = .flag(
        "no-color", env: "NO_COLOR", help: "No ANSI colour (colour only ever appears on a terminal).")
    static let quiet: OptionKey<Bool> = .flag("quiet", short: "q", help: "Print nothing but the result's id(s).")
    // A day at most: a longer wait is a stuck process, not a queue.
    static let lockTimeout: OptionKey<Int> = .integer(
        "lock-timeout", value: "seconds", range: 0...86_400, default: LockWait.defaultTimeoutSeconds, env: "FOLIO_LOCK_TIMEOUT",
        help: "How long to wait for the store while another folio process writes to it, before failing "
            + "store_unavailable (exit 9); 0 fails at once. After a second, a terminal shows 'waiting for the store lock…'.")

    static let specs: [Option] = [store.option, output.option, actor.option, idempotencyKey.option, dryRun.option,
                                  yes.option, noColor.option, quiet.option, lockTimeout.option]

    /// Global options that do not change what a command means, so they stay out of the
    /// idempotency fingerprint: presentation (`-o`, `-q`, `--no-color`: a replay renders the
    /// recorded result in the format asked for then), who acts, where the store is, prompts,
    /// how long to wait for the store.
    static let notInFingerprint = Set([idempotencyKey.option, store.option, output.option, quiet.option, noColor.option,
                                       actor.option, yes.option, dryRun.option, lockTimeout.option].map(\.long))

    /// Who acts, for the audit log: the option, else the OS user name. Looked up only when a
    /// mutation needs it: the password-database lookup costs every read command start-up time.
    func resolvedActor(environment: [String: String]) -> String {
        actor ?? FileSystem.userName(environment: environment)
    }

    /// The store `--store` names: that data directory, its database `folio.db` inside it.
    var storeLocation: StoreLocation { StoreLocation(dataDirectory: store) }

    init(_ invocation: Invocation, environment: [String: String]) {
        store = invocation[GlobalOptions.store] ?? Store.defaultDirectory(environment: environment)
        output = invocation[GlobalOptions.output]
        actor = invocation[GlobalOptions.actor]
        idempotencyKey = invocation[GlobalOptions.idempotencyKey]
        dryRun = invocation[GlobalOptions.dryRun]
        yes = invocation[GlobalOptions.yes]
        noColor = invocation[GlobalOptions.noColor]
        quiet = invocation[GlobalOptions.quiet]
        lockTimeout = invocation[GlobalOptions.lockTimeout]
    }
}
