import CommandLineKit
import FolioCore
import FolioCrypto
import FolioXML
import FolioSupport

/// `folio documents create`
enum DocumentsCreate: LeafCommand {
    static let spec = Command(
        "create", abstract: "Create and sign invoices (factura 01) from JSON, one or a JSON-lines batch.",
        discussion: "The input is one JSON invoice (docs/invoice-input.md; examples/invoice.json), or JSON lines: one "
            + "invoice per line (examples/batch.jsonl). Each invoice is validated completely (its input, document type "
            + "01 enabled for the issuer, the tenant not suspended, a certificate valid now) before it takes the next "
            + "sequential of the issuer's series; then Folio builds the access key and the SRI XML, signs it "
            + "XAdES-BES (--profile sri: RSA-SHA1 as the SRI requires; modern: RSA-SHA256) and stores it as signed, "
            + "with the event document.signed. Each line of a batch is its own savepoint: a failing line is "
            + "reported on stderr with its line number and takes no number, the others go on, and the exit status "
            + "is that of the first failure. Lines are committed in groups of 100, and a group's results are "
            + "printed once it has committed. With --idempotency-key, line N of a batch uses KEY/line-N.",
        options: [
            Option("issuer", value: "issuer", kind: IssuersCommands.handleKind, required: true, help: "The issuer (iss_…) that issues and signs."),
            Option("file", value: "path", kind: .path, required: true, help: "The invoice JSON or JSON-lines file ('-' for stdin)."),
            Option("profile", value: "profile", kind: .choice(SignatureProfile.allCases.map(\.rawValue)), default: "sri",
                   help: "The signature profile."),
        ],
        examples: [
            Example("folio documents create --issuer iss_… --file invoice.json -o json"),
            Example("folio documents create --issuer iss_… --file batch.jsonl -o jsonl > created.jsonl"),
        ])

    /// Lines signed per write transaction (group commit): large enough that shared B-tree pages
    /// are written once for many invoices, small enough that other writers wait ~0.1 s at most.
    static let groupSize = 100

    struct Options {
        var issuer: String
        var profile: SignatureProfile
        /// The invoices with their line numbers (nil for a single JSON document).
        var inputs: [(line: Int?, value: JSONValue)]
    }

    static func options(_ inv: Invocation, _ context: CommandContext) throws(FolioError) -> Options {
        let path = inv.value("file") ?? "-"
        let bytes = try context.readInput(path: path, what: "invoice JSON", field: "file")
        context.fingerprintInput(bytes)
        return Options(issuer: inv.value("issuer") ?? "",
                       profile: SignatureProfile(rawValue: inv.value("profile") ?? "") ?? .sri,
                       inputs: try parse(bytes, name: path == "-" ? "stdin" : path))
    }

    /// One JSON document, else JSON lines. A malformed file is reported with line and column,
    /// as JSON lines when its first line is a complete document by itself.
    static func parse(_ bytes: [UInt8], name: String) throws(FolioError) -> [(line: Int?, value: JSONValue)] {
        let whole: JSONParseError
        do throws(JSONParseError) { return [(nil, try JSONParser.parse(bytes))] } catch { whole = error }
        let reported: JSONParseError
        do throws(JSONParseError) {
            let lines = try JSONParser.parseLines(bytes)
            if lines.isEmpty { throw whole }
            return lines.map { (Optional($0.line), $0.value) }
        } catch {
            let firstLine = Array(bytes.prefix { $0 != UInt8(ascii: "\n") })
            let looksLikeLines = error.line > 1 || (try? JSONParser.parse(firstLine)) != nil
            reported = looksLikeLines ? error : whole
        }
        throw FolioError(.validationFailed, "malformed JSON in \(name): \(reported.description)", field: "file",
                         details: [JSONMember("line", .int(reported.line)), JSONMember("column", .int(reported.column))])
    }

    static func run(_ options: Options, _ context: CommandContext) throws(FolioError) -> Int32 {
        let store = try context.openStore()
        let masterKey = try store.masterKey()
        let cache = SigningKeyCache()
        let renderer = context.renderer
        let base = context.mutationContext()
        let console = context.console
        let mutation = { (input: JSONValue) in
            Documents.create(issuer: options.issuer, input: input, profile: options.profile, masterKey: masterKey, cache: cache)
        }
        guard options.inputs.count > 1 || options.inputs.first?.line != nil else {
            return try context.perform(mutation(options.inputs[0].value), render: { renderer.one($0) }) { document in
                "signed \(document.id): \(document.number), access key \(document.accessKey), total \(document.total)"
            }
        }
        let collectsJSON = context.globals.output == .json && !context.globals.quiet
        var collected: [JSONValue] = []
        var firstFailure: Int32 = 0
        var created = 0, succeeded = 0
        let progress = console.stderrIsTerminal && !context.globals.quiet
        let json = context.globals.output == .json || context.globals.output == .jsonl
        for start in stride(from: 0, to: options.inputs.count, by: groupSize) {
            let chunk = options.inputs[start..<min(start + groupSize, options.inputs.count)]
            var results: [(line: Int, outcome: Result<MutationOutcome, FolioError>)] = []
            // Each line is a savepoint of the group: a failing line takes no number and the
            // others go on. Results are printed only once the group has committed.
            let signChunk = { () throws(FolioError) -> Void in
                for item in chunk {
                    let line = item.line ?? 1
                    var ctx = base
                    ctx.idempotencyKey = base.idempotencyKey.map { "\($0)/line-\(line)" }
                    ctx.fingerprint = Hex.encode(Digest.sha256(Array((base.fingerprint + "/line-\(line)").utf8)))
                    let first = succeeded == 0
                    do throws(FolioError) {
                        let outcome = try store.perform(mutation(item.value), context: ctx) { document throws(FolioError) in
                            collectsJSON ? document.json.compactBytes() + [UInt8(ascii: "\n")] : renderer.chunk([document], first: first)
                        }
                        succeeded += 1
                        results.append((line, .success(outcome)))
                    } catch {
                        results.append((line, .failure(error)))
                    }
                }
            }
            var warnings: [String] = []
            if context.globals.dryRun {
                try signChunk()   // every line is rolled back anyway
            } else {
                do throws(FolioError) { warnings = try store.group(signChunk).warnings } catch {
                    // The group's commit failed: none of its lines was written.
                    succeeded -= results.filter { if case .success = $0.outcome { true } else { false } }.count
                    results = chunk.map { ($0.line ?? 1, .failure(error)) }
                }
            }
            // One write per group; flushed before anything goes to stderr, so a terminal
            // still shows results and errors in line order.
            var pending: [UInt8] = []
            for (line, result) in results {
                switch result {
                case .success(let outcome):
                    if collectsJSON {
                        if let value = try? JSONParser.parse(outcome.stdout) { collected.append(value) }
                    } else {
                        pending += outcome.stdout
                    }
                    if outcome.kind != .dryRun { created += 1 }
                    if !outcome.warnings.isEmpty {
                        console.out(pending)
                        pending = []
                        for warning in outcome.warnings { console.warn(warning) }
                    }
                case .failure(var error):
                    console.out(pending)
                    pending = []
                    error.message = "line \(line): " + error.message
                    error.details.append(JSONMember("line", .int(line)))
                    let status = ErrorReporter.report(error, console: console, json: json)
                    if firstFailure == 0 { firstFailure = status }
                }
            }
            console.out(pending)
            for warning in warnings { console.warn(warning) }
            if progress { console.err("\r\(start + chunk.count)/\(options.inputs.count) documents") }
        }
        if progress { console.err("\r") }
        if collectsJSON {
            let doc = JSONValue.object([JSONMember("items", .array(collected)), JSONMember("nextCursor", .null),
                                        JSONMember("hasMore", .bool(false))])
            console.out(doc.prettyText() + "\n")
        }
        if context.globals.dryRun { console.note("dry run: nothing was written") }
        else if !context.globals.quiet {
            console.note("signed \(created) of \(options.inputs.count) documents")
        }
        return firstFailure
    }
}
