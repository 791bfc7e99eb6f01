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

    static let specs: [Option] = [
        Option("store", value: "path", kind: .path, env: "FOLIO_STORE",
               help: "The store directory (default: $XDG_DATA_HOME/folio, else ~/.local/share/folio)."),
        Option("output", short: "o", value: "format", kind: .choice(OutputFormat.allCases.map(\.rawValue)),
               default: "table", env: "FOLIO_OUTPUT", help: "Output format."),
        Option("actor", value: "name", env: "FOLIO_ACTOR", help: "Who is acting, for the audit log (default: the OS user name)."),
        Option("idempotency-key", value: "key",
               help: "On a mutating command: the same key with the same arguments replays the first result (kept 24 h)."),
        Option("dry-run", help: "On a mutating command: validate and show what would change; write nothing."),
        Option("yes", short: "y", help: "Skip the confirmation of a destructive command."),
        Option("no-color", env: "NO_COLOR", help: "No ANSI colour (colour only ever appears on a terminal)."),
        Option("quiet", short: "q", help: "Print nothing but the result's id(s)."),
    ]

    /// Global options that do not change what a command means, so they stay out of the
    /// idempotency fingerprint.
    static let notInFingerprint: Set<String> = ["idempotency-key", "store", "no-color", "actor", "yes", "dry-run"]

    /// Who acts, for the audit log: the option, else the OS user name. Looked up only when a
    /// mutation needs it: the password-database lookup costs every read command start-up time.
    func resolvedActor(environment: [String: String]) -> String {
        actor ?? FileSystem.userName(environment: environment)
    }

    /// The store `--store` names: that data directory, its database `folio.db` inside it.
    var storeLocation: StoreLocation { StoreLocation(dataDirectory: store) }

    init(_ invocation: Invocation, environment: [String: String]) {
        store = invocation.value("store") ?? Store.defaultDirectory(environment: environment)
        output = invocation.value("output").flatMap(OutputFormat.init(rawValue:)) ?? .table
        actor = invocation.value("actor")
        idempotencyKey = invocation.value("idempotency-key")
        dryRun = invocation.flag("dry-run")
        yes = invocation.flag("yes")
        noColor = invocation.flag("no-color")
        quiet = invocation.flag("quiet")
    }
}
