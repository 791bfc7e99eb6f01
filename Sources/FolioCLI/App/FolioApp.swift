import CommandLineKit
import FolioCore
import FolioSupport

/// The `folio` program: the command tree, parsing, dispatch, and the exit status.
public enum FolioApp {
    public static let version = "0.1.0"

    /// The command tree; every noun's file lists its verbs.
    static let tree = CommandGroup(
        "folio", abstract: "Administer a Folio e-invoicing platform from its local store.",
        discussion: "Run 'folio init' once, then register tenants, mint API keys, and sign invoices. "
            + "Results go to stdout; messages and errors to stderr. Exit statuses are listed in folio(1).",
        leaves: [InitCommand.self, CompletionsCommand.self, VersionCommand.self, GenerateDocsCommand.self,
                 CompleteCommand.self],
        groups: [StoreCommands.group, TenantsCommands.group, KeysCommands.group, IssuersCommands.group,
                 DocumentsCommands.group, ExportsCommands.group, WebhooksCommands.group, EventsCommands.group,
                 NotificationsCommands.group, JobsCommands.group,
                 AuditCommands.group],
        examples: [
            Example("folio init", "make the store, once"),
            Example("folio tenants register --email ana@example.com --name \"Ana Foods\" --tier starter"),
            Example("folio keys mint --tenant ana@example.com --label ci --scope documents:read -q"),
            Example("folio documents create --issuer iss_… --file invoice.json -o json"),
            Example("folio help keys mint", "help on one command (the same as folio keys mint --help)"),
        ])

    /// The declarative model that parsing, help, completions and man pages are rendered from.
    /// `.dynamic` values complete through the hidden `__complete`, from the store that
    /// `--store` on the line being completed names.
    public static let program = Program(name: "folio", version: version, root: tree.spec, globalOptions: GlobalOptions.specs,
                                        exitStatuses: ExitTable.manPage, manual: FolioManual.manual,
                                        dynamicCompletion: DynamicCompletion(command: CompleteCommand.name,
                                                                             forwardedOptions: ["store"]))

    /// Runs `arguments` (without argv[0]) with the given streams, clock and stores, and returns
    /// the exit status. Every failure ends here: printed once, mapped through `ExitTable`.
    /// `interruption` is where a request to stop (SIGINT, SIGTERM) shows: work ends at the next
    /// point where it can end cleanly, with status 128 + the signal.
    public static func run(arguments: [String], environment: [String: String], io: IOStreams,
                           clock: any Clock, stores: StoreProvider = DiskStores(),
                           interruption: Interruption = Interruption()) -> Int32 {
        let outcome: ParseOutcome
        do {
            // Help fits the terminal it is shown on; piped, it keeps a fixed width.
            outcome = try program.parse(arguments, environment: environment,
                                        helpWidth: TextWrap.helpWidth(terminalColumns: io.stdoutIsTerminal ? io.terminalWidth : nil))
        } catch {
            // A completion never prints an error into the user's prompt.
            if CompleteCommand.isRequested(arguments) { return 0 }
            // The command line does not parse, so the error's format comes from a scan made with
            // the parser's own rules (`-o=json`, `-ojson`, `--output json`, FOLIO_OUTPUT).
            let format = program.scanGlobal("output", in: arguments, environment: environment)
            let noColor = program.scanGlobal("no-color", in: arguments, environment: environment) != nil
            return ErrorReporter.report(error, console: Console(streams: io, colorAllowed: !noColor),
                                        json: format == "json" || format == "jsonl")
        }
        switch outcome {
        case .help(let text):
            Console(streams: io, colorAllowed: false).out(text.hasSuffix("\n") ? text : text + "\n")
            return 0
        case .version(let text):
            Console(streams: io, colorAllowed: false).out(text + "\n")
            return 0
        case .run(let invocation):
            let globals = GlobalOptions(invocation, environment: environment)
            let console = Console(streams: io, colorAllowed: !globals.noColor)
            if !takesClockFromEnvironment, environment["FOLIO_NOW"] != nil || environment["FOLIO_CLOCK_OFFSET"] != nil {
                console.warn("FOLIO_NOW and FOLIO_CLOCK_OFFSET are ignored: only a test build takes its clock from the environment")
            }
            let context = CommandContext(globals: globals, environment: environment, console: console,
                                         invocation: invocation, program: program, clock: clock, stores: stores,
                                         interruption: interruption)
            guard let handler = tree.handler(invocation.path[...]) else {
                return ErrorReporter.report(FolioError(.serverError, "no handler for '\(context.commandName)'"),
                                            console: console, json: context.jsonErrors)
            }
            do {
                try handler(invocation, context)
                return 0
            } catch let failure as ReportedFailure {
                if let error = failure.error { _ = ErrorReporter.report(error, console: console, json: context.jsonErrors) }
                return failure.status
            } catch let error as FolioError {
                let status = ErrorReporter.report(error, console: console, json: context.jsonErrors)
                return error.code == .interrupted ? context.interruptedStatus : status
            } catch {
                return ErrorReporter.report(FolioError(.serverError, "unexpected failure: \(error)"), console: console,
                                            json: context.jsonErrors)
            }
        }
    }

    /// The clock of the binary: the machine's. A debug build (what the tests run, compiled with
    /// FOLIO_TEST_CLOCK) also takes `FOLIO_NOW` (RFC 3339), which stops it at an instant, and
    /// `FOLIO_CLOCK_OFFSET` (seconds), which moves it while it runs on (so that ids made by
    /// successive commands still sort in the order they were made). A release build ignores
    /// both: the time of a production store never comes from the environment.
    public static func clock(environment: [String: String]) -> any Clock {
        #if FOLIO_TEST_CLOCK
        if let fixed = environment["FOLIO_NOW"], let instant = Timestamp(rfc3339: fixed) { return FixedClock(instant) }
        if let text = environment["FOLIO_CLOCK_OFFSET"], let offset = Int64(text) {
            return OffsetClock(SystemClock(), offsetSeconds: offset)
        }
        #endif
        return SystemClock()
    }

    /// Whether this build takes its clock from the environment (debug builds, for tests).
    public static var takesClockFromEnvironment: Bool {
        #if FOLIO_TEST_CLOCK
        return true
        #else
        return false
        #endif
    }
}
