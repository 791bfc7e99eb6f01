import CommandLineKit
import FolioCore

/// The `folio` program: the command tree, parsing, dispatch, and the exit status.
public enum FolioApp {
    public static let version = "0.1.0"

    /// The command tree; every noun's file lists its verbs.
    static let tree = CommandGroup(
        "folio", abstract: "Administer a Folio e-invoicing platform from its local store.",
        discussion: "Run 'folio init' once, then register tenants, mint API keys, and sign invoices. "
            + "Results go to stdout; messages and errors to stderr. Exit statuses are listed in folio(1).",
        leaves: [InitCommand.self, CompletionsCommand.self, GenerateDocsCommand.self, CompleteCommand.self],
        groups: [StoreCommands.group, TenantsCommands.group, KeysCommands.group, IssuersCommands.group,
                 DocumentsCommands.group, AuditCommands.group])

    /// The declarative model that parsing, help, completions and man pages are rendered from.
    /// `.dynamic` values complete through the hidden `__complete`, from the store that
    /// `--store` on the line being completed names.
    public static let program = Program(name: "folio", version: version, root: tree.spec, globalOptions: GlobalOptions.specs,
                                        dynamicCompletion: DynamicCompletion(command: CompleteCommand.name,
                                                                             forwardedOptions: ["store"]))

    /// Runs `arguments` (without argv[0]) and returns the exit status.
    public static func run(arguments: [String], environment: [String: String]) -> Int32 {
        let jsonErrors = wantsJSONErrors(arguments, environment)
        let outcome: ParseOutcome
        do {
            outcome = try program.parse(arguments, environment: environment)
        } catch {
            // A completion never prints an error into the user's prompt.
            if CompleteCommand.isRequested(arguments) { return 0 }
            return ErrorReporter.report(error, console: Console(colorAllowed: colorAllowed(arguments, environment)), json: jsonErrors)
        }
        switch outcome {
        case .help(let text):
            Console(colorAllowed: false).out(text.hasSuffix("\n") ? text : text + "\n")
            return 0
        case .version(let text):
            Console(colorAllowed: false).out(text + "\n")
            return 0
        case .run(let invocation):
            let globals = GlobalOptions(invocation, environment: environment)
            let console = Console(colorAllowed: !globals.noColor)
            let context = CommandContext(globals: globals, environment: environment, console: console,
                                         invocation: invocation, program: program)
            let json = globals.output == .json || globals.output == .jsonl
            guard let handler = tree.handler(invocation.path[...]) else {
                return ErrorReporter.report(FolioError(.serverError, "no handler for '\(context.commandName)'"),
                                            console: console, json: json)
            }
            do {
                return try handler(invocation, context)
            } catch let error as FolioError {
                return ErrorReporter.report(error, console: console, json: json)
            } catch {
                return ErrorReporter.report(FolioError(.serverError, "unexpected failure: \(error)"), console: console, json: json)
            }
        }
    }

    /// Whether a usage error should be JSON: decided before parsing succeeded, so from a scan.
    private static func wantsJSONErrors(_ arguments: [String], _ environment: [String: String]) -> Bool {
        var format = environment["FOLIO_OUTPUT"]
        var i = 0
        while i < arguments.count {
            let a = arguments[i]
            if a == "--" { break }
            if (a == "-o" || a == "--output"), i + 1 < arguments.count { format = arguments[i + 1]; i += 1 }
            else if a.hasPrefix("--output=") { format = String(a.dropFirst(9)) }
            else if a.hasPrefix("-o"), a.count > 2, !a.hasPrefix("--") { format = String(a.dropFirst(2)) }
            i += 1
        }
        return format == "json" || format == "jsonl"
    }

    private static func colorAllowed(_ arguments: [String], _ environment: [String: String]) -> Bool {
        !arguments.contains("--no-color") && (environment["NO_COLOR"] ?? "").isEmpty
    }
}
