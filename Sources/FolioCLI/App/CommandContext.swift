import CommandLineKit
import FolioCore
import FolioCrypto
import FolioSupport

/// Everything a command needs besides its own options: global options, the environment, the
/// injected streams, clock and store provider, and the one way to run a mutation and print it.
final class CommandContext {
    let globals: GlobalOptions
    let environment: [String: String]
    let console: Console
    let invocation: Invocation
    let program: Program
    let clock: any Clock
    /// The command's "now": one instant for all it does.
    let now: Timestamp
    let ids: IDGenerator
    let stores: StoreProvider
    let interruption: Interruption
    /// Contents a command read from files or stdin: part of the idempotency fingerprint.
    private var inputDigests: [String] = []
    private var store: Store?

    init(globals: GlobalOptions, environment: [String: String], console: Console, invocation: Invocation,
         program: Program, clock: any Clock, stores: StoreProvider, interruption: Interruption) {
        self.globals = globals
        self.environment = environment
        self.console = console
        self.invocation = invocation
        self.program = program
        self.clock = clock
        self.now = clock.now()
        self.ids = IDGenerator(clock: clock)
        self.stores = stores
        self.interruption = interruption
    }

    /// The exit status of work stopped by a signal: 128 + its number (130 for SIGINT).
    var interruptedStatus: Int32 { 128 + (interruption.signal ?? 2) }

    var renderer: Renderer {
        Renderer(format: globals.output, quiet: globals.quiet, terminal: console.stdoutIsTerminal,
                 width: console.stdoutIsTerminal ? console.streams.terminalWidth : nil, color: console.colorEnabled, now: now)
    }

    var commandName: String { invocation.path.joined(separator: " ") }

    /// Whether errors go to stderr as JSON (`-o json` and `-o jsonl`).
    var jsonErrors: Bool { globals.output == .json || globals.output == .jsonl }

    /// The store, opened once per invocation.
    func openStore() throws(FolioError) -> Store {
        if let store { return store }
        let opened = try stores.open(location: globals.storeLocation, environment: environment, lockWait: lockWait)
        store = opened
        return opened
    }

    /// How the store waits for another process's lock: up to `--lock-timeout`, ended by Ctrl-C,
    /// and after a second a status line on a terminal (not with -q, like progress), blanked when
    /// the wait ends, so that a command that seems stuck says why.
    var lockWait: LockWait {
        let console = console, interruption = interruption, quiet = globals.quiet
        return LockWait(timeoutMilliseconds: globals.lockTimeout * 1_000, onEvent: { event in
            guard !quiet else { return }
            switch event {
            case .waiting(let timeout):
                console.status("waiting for the store lock… (another folio process is writing; up to \(timeout / 1_000) s)")
            case .ended:
                console.clearStatus()
            }
        }, isCancelled: { interruption.isRequested })
    }

    /// Records input that is not on the command line (a file, stdin) in the fingerprint.
    func fingerprintInput(_ bytes: [UInt8]) {
        inputDigests.append(Hex.encode(Digest.sha256(bytes)))
    }

    /// The context of this command's changes. The actor is free text the audit log keeps and
    /// prints, so it is checked as names are.
    func mutationContext() throws(FolioError) -> MutationContext {
        let actor = globals.resolvedActor(environment: environment)
        try FreeText.check(actor, field: GlobalOptions.actor.option.long, what: "the actor")
        var text = invocation.canonicalDescription(excluding: GlobalOptions.notInFingerprint)
        for digest in inputDigests { text += "\u{0}" + digest }
        return MutationContext(actor: actor, command: commandName,
                               idempotencyKey: globals.idempotencyKey,
                               fingerprint: Hex.encode(Digest.sha256(Array(text.utf8))), dryRun: globals.dryRun,
                               now: now, ids: ids, isCancelled: { [interruption] in interruption.isRequested })
    }

    /// Runs `mutation` through the store's pipeline and prints its result — the first time, a
    /// replay of the recorded result (in the format asked for now), or a dry run — with
    /// `message` as a note on stderr. A result whose change asked for a non-zero exit status
    /// ends the command with it (`ReportedFailure`).
    func perform<R>(_ mutation: Mutation<R>, present: (R) -> Presented, message: ((R) -> String?)? = nil) throws {
        let store = try openStore()
        let outcome = try store.perform(mutation, context: try mutationContext()) { result throws(FolioError) in
            present(result).recorded
        }
        print(outcome, present: present)
        switch outcome.kind {
        case .performed:
            if !globals.quiet, let result = outcome.result, let note = message?(result) { console.note(note) }
        case .replayed:
            if !globals.quiet { console.note("replayed the result of idempotency key '\(globals.idempotencyKey ?? "")'; nothing was changed") }
        case .dryRun:
            console.note("dry run: nothing was written")
        }
        for warning in outcome.warnings { console.warn(warning) }
        if outcome.exitStatus != 0 { throw ReportedFailure(status: outcome.exitStatus) }
    }

    /// Prints what a mutation produced: its result, or the recorded one of a replay (printed
    /// as it was when it predates recorded results).
    func print<R>(_ outcome: MutationOutcome<R>, present: (R) -> Presented) {
        if let result = outcome.result {
            console.out(renderer.render(present(result)))
        } else if let recorded = outcome.recorded {
            console.out(Presented(recorded: recorded).map { renderer.render($0) } ?? recorded)
        }
    }

    /// Prints one page of a list, or with `--all` every page (streamed for jsonl, csv, id and
    /// piped tables). `noun` names the items in the notes: an empty list on a terminal says
    /// "no tenants match" on stderr (piped, nothing: a script sees an empty result); a page that
    /// stops at --limit while more exist says how to go on (`listNotes`).
    func printList<T: Presentable>(_ page: ListOptions, noun: String,
                                   fetch: (PageRequest) throws(FolioError) -> Page<T>) throws(FolioError) {
        let renderer = self.renderer
        guard page.all else {
            let result = try fetch(PageRequest(limit: page.limit, cursor: page.cursor))
            console.out(renderer.page(result.items, nextCursor: result.nextCursor))
            listNotes(count: result.items.count, noun: noun, nextCursor: result.nextCursor)
            return
        }
        var cursor = page.cursor
        var collected: [T] = []
        var count = 0
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
            count += result.items.count
            first = false
            cursor = result.nextCursor
        } while cursor != nil
        if !streams || streamsTable { console.out(renderer.page(collected, nextCursor: nil)) }
        listNotes(count: count, noun: noun, nextCursor: nil)
    }

    /// The notes after a list, on stderr, never with -q:
    /// - an empty list shown on a terminal (a table or ids, which print nothing for it) says so,
    ///   rather than leave a blank; JSON says it itself, and piped output stays empty;
    /// - a page that stopped at --limit while more exist says how to get the rest, once, piped
    ///   or not: `| wc -l` or a script that takes the first 50 of 80 for all of them is the
    ///   mistake it prevents. Not with `-o json`, whose document carries hasMore and nextCursor.
    private func listNotes(count: Int, noun: String, nextCursor: String?) {
        guard !globals.quiet else { return }
        if count == 0, console.stdoutIsTerminal, globals.output == .table || globals.output == .id {
            console.note("no \(noun) match")
        }
        if let next = nextCursor, globals.output != .json {
            console.note("more \(noun) match: --cursor \(next) for the next page, or --all for every page")
        }
    }

    /// Reads a secret or a file: `path` "-" or nil means stdin. Never from argv. Reads at most
    /// `limit` bytes: a longer input, a directory or an unreadable file fails
    /// `validation_failed` on `field`, the option that names the input.
    func readInput(path: String?, limit: InputLimit, field: String) throws(FolioError) -> [UInt8] {
        let bytes: [UInt8]
        if let path, path != "-" {
            do throws(FileSystemError) { bytes = try FileSystem.readFile(path, limit: limit.bytes) } catch {
                throw inputError(error, path: path, limit: limit, field: field)
            }
        } else {
            if console.stdinIsTerminal {
                throw .validation("no \(limit.what) given", field: field, hint: "pass --\(field) FILE, or pipe it on stdin")
            }
            bytes = console.readStdin(limit: limit.bytes)
        }
        if bytes.count > limit.bytes { throw tooLarge(limit, source: path, field: field) }
        return bytes
    }

    /// The error for an input longer than its limit (from `path`, nil or "-" for stdin).
    func tooLarge(_ limit: InputLimit, source path: String?, field: String) -> FolioError {
        let source = path == nil || path == "-" ? "stdin" : "'\(path!)'"
        return FolioError(.validationFailed,
                          "the \(limit.what) from \(source) is longer than \(limit.described), the most Folio reads for \(limit.one)",
                          field: field, hint: "check that --\(field) names the \(limit.what)",
                          details: [JSONMember("limit", .int(limit.bytes))])
    }

    /// A failed read of `path` in words: a directory and a missing file are named as such.
    func inputError(_ error: FileSystemError, path: String, limit: InputLimit, field: String) -> FolioError {
        if error.isTooLarge { return tooLarge(limit, source: path, field: field) }
        let why = error.isDirectory ? "it is a directory, not a file" : error.reason
        return .validation("cannot read the \(limit.what) from '\(path)': \(why)", field: field)
    }
}
