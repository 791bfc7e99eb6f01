import CommandLineKit
import FolioCore
import FolioCrypto
import FolioSupport

/// Everything a command needs besides its own options: global options, the environment,
/// the console, and the one way to run a mutation and print its result.
final class CommandContext {
    let globals: GlobalOptions
    let environment: [String: String]
    let console: Console
    let invocation: Invocation
    let program: Program
    let now: Timestamp
    /// Contents a command read from files or stdin: part of the idempotency fingerprint.
    private var inputDigests: [String] = []

    init(globals: GlobalOptions, environment: [String: String], console: Console, invocation: Invocation, program: Program) {
        self.globals = globals
        self.environment = environment
        self.console = console
        self.invocation = invocation
        self.program = program
        self.now = Timestamp.now(environment: environment)
    }

    var renderer: Renderer {
        Renderer(format: globals.output, quiet: globals.quiet, terminal: console.stdoutIsTerminal,
                 color: console.colorEnabled, now: now)
    }

    var commandName: String { invocation.path.joined(separator: " ") }

    private var store: Store?

    /// The store, opened once per invocation.
    func openStore() throws(FolioError) -> Store {
        if let store { return store }
        let opened = try Store.open(location: globals.storeLocation, environment: environment)
        store = opened
        return opened
    }

    /// Records input that is not on the command line (a file, stdin) in the fingerprint.
    func fingerprintInput(_ bytes: [UInt8]) {
        inputDigests.append(Hex.encode(Digest.sha256(bytes)))
    }

    func mutationContext() -> MutationContext {
        var text = invocation.canonicalDescription(excluding: GlobalOptions.notInFingerprint)
        for digest in inputDigests { text += "\u{0}" + digest }
        return MutationContext(actor: globals.resolvedActor(environment: environment), command: commandName,
                               idempotencyKey: globals.idempotencyKey,
                               fingerprint: Hex.encode(Digest.sha256(Array(text.utf8))), dryRun: globals.dryRun,
                               now: now)
    }

    /// Runs `mutation` through the store's pipeline, prints its result (first time, replay or
    /// dry run) and returns the exit status.
    func perform<R>(_ mutation: Mutation<R>, render: (R) -> [UInt8], message: ((R) -> String?)? = nil) throws(FolioError) -> Int32 {
        let store = try openStore()
        var note: String?
        let outcome = try store.perform(mutation, context: mutationContext()) { result throws(FolioError) in
            note = message?(result)
            return render(result)
        }
        console.out(outcome.stdout)
        switch outcome.kind {
        case .performed: if let note, !globals.quiet { console.note(note) }
        case .replayed: if !globals.quiet { console.note("replayed the result of idempotency key '\(globals.idempotencyKey ?? "")'; nothing was changed") }
        case .dryRun: console.note("dry run: nothing was written")
        }
        for warning in outcome.warnings { console.warn(warning) }
        return outcome.exitStatus
    }

    /// Prints one page of a list, or with `--all` every page (streamed for jsonl, csv, id and
    /// piped tables).
    func printList<T: Presentable>(_ page: ListOptions, fetch: (PageRequest) throws(FolioError) -> Page<T>) throws(FolioError) -> Int32 {
        let renderer = self.renderer
        guard page.all else {
            let result = try fetch(PageRequest(limit: page.limit, cursor: page.cursor))
            console.out(renderer.page(result.items, nextCursor: result.nextCursor))
            if let next = result.nextCursor, console.stdoutIsTerminal, globals.output == .table, !globals.quiet {
                console.note("more: --cursor \(next) (or --all)")
            }
            return 0
        }
        var cursor = page.cursor
        var collected: [T] = []
        var first = true
        let streams = globals.output != .json || globals.quiet
        let streamsTable = globals.output == .table && console.stdoutIsTerminal && !globals.quiet
        repeat {
            let result = try fetch(PageRequest(limit: PageRequest.maximumLimit, cursor: cursor))
            if streams && !streamsTable {
                console.out(renderer.chunk(result.items, first: first))
            } else {
                collected += result.items
            }
            first = false
            cursor = result.nextCursor
        } while cursor != nil
        if !streams || streamsTable { console.out(renderer.page(collected, nextCursor: nil)) }
        return 0
    }

    /// Reads a secret or a file: `path` "-" or nil means stdin. Never from argv.
    func readInput(path: String?, what: String, field: String) throws(FolioError) -> [UInt8] {
        if let path, path != "-" {
            do { return try FileSystem.readFile(path) } catch {
                throw .validation("cannot read the \(what) from \(path): \(error.reason)", field: field)
            }
        }
        if console.stdinIsTerminal {
            throw .validation("no \(what) given", field: field,
                              hint: "pass --\(field) FILE, or pipe it on stdin")
        }
        return console.readStdin()
    }

    /// Asks before a destructive action: `--yes` skips it; without a terminal it fails naming --yes.
    func confirm(_ question: String) throws(FolioError) {
        if globals.yes || globals.dryRun { return }
        guard console.stdinIsTerminal else {
            throw FolioError(.usage, "this is a destructive action and stdin is not a terminal to confirm it",
                             hint: "pass --yes to confirm")
        }
        guard console.confirm(question) else { throw FolioError(.usage, "cancelled; nothing was changed") }
    }
}

/// `--limit`, `--cursor`, `--all` of every list command.
struct ListOptions {
    var limit: Int
    var cursor: String?
    var all: Bool

    static let specs: [Option] = [
        Option("limit", value: "n", kind: .integer(1...PageRequest.maximumLimit), default: String(PageRequest.defaultLimit),
               help: "How many items to show at most."),
        Option("cursor", value: "cursor", help: "Continue after this cursor (from nextCursor)."),
        Option("all", help: "Show every page."),
    ]

    init(_ invocation: Invocation) {
        limit = invocation.value("limit").flatMap { Int($0) } ?? PageRequest.defaultLimit
        cursor = invocation.value("cursor")
        all = invocation.flag("all")
    }
}
