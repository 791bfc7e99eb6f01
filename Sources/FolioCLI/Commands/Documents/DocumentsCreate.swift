import CommandLineKit
import FolioCore
import FolioCrypto
import FolioXML
import FolioSupport

/// `folio documents create`
enum DocumentsCreate: LeafCommand {
    static let issuer: OptionKey<String> = .required("issuer", value: "issuer", kind: IssuersCommands.handleKind,
                                                     help: "The issuer (iss_…) that issues and signs.")
    static let file: OptionKey<String> = .required("file", value: "path", kind: .path,
                                                   help: "The invoice JSON or JSON-lines file ('-' for stdin).")
    static let profile: OptionKey<SignatureProfile> = .choice("profile", value: "profile", default: .sri,
                                                              help: "The signature profile.")

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
        options: [issuer.option, file.option, profile.option],
        examples: [
            Example("folio documents create --issuer iss_… --file invoice.json -o json"),
            Example("folio documents create --issuer iss_… --file batch.jsonl -o jsonl > created.jsonl"),
        ])

    /// Lines stored per write transaction (group commit): large enough that shared B-tree pages
    /// are written once for many invoices, small enough that other writers wait ~10 ms at most
    /// (the lines are signed before the transaction; it only checks and inserts them).
    static let groupSize = 100

    struct Options {
        var issuer: String
        var profile: SignatureProfile
        /// The invoices with their line numbers (nil for a single JSON document).
        var inputs: [(line: Int?, value: JSONValue)]
    }

    static func options(_ inv: Invocation, _ context: CommandContext) throws(FolioError) -> Options {
        let path = inv[file]
        let bytes = try context.readInput(path: path, what: "invoice JSON", field: file.option.long)
        context.fingerprintInput(bytes)
        return Options(issuer: inv[issuer], profile: inv[profile], inputs: try parse(bytes, name: path == "-" ? "stdin" : path))
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

    static func run(_ options: Options, _ context: CommandContext) throws {
        let store = try context.openStore()
        let masterKey = try store.masterKey()
        let cache = SigningKeyCache()
        let mutation = { (input: JSONValue) in
            Documents.create(issuer: options.issuer, input: input, profile: options.profile, masterKey: masterKey, cache: cache)
        }
        guard options.inputs.count > 1 || options.inputs.first?.line != nil else {
            try context.perform(mutation(options.inputs[0].value), present: { Presented(one: $0) }) { document in
                "signed \(document.id): \(document.number), access key \(document.accessKey), total \(document.total)"
            }
            return
        }
        let printer = BatchPrinter(context: context, total: options.inputs.count)
        let inputs = options.inputs.map { BatchInput(line: $0.line ?? 1, value: $0.value) }
        let summary = store.performBatch(inputs, groupSize: groupSize, context: context.mutationContext(), mutation: mutation,
                                         record: { Presented(one: $0).recorded },
                                         deliver: { printer.print($0, warnings: $1) })
        printer.finish(summary)
        if summary.interrupted { throw ReportedFailure(status: context.interruptedStatus) }
        if let status = printer.firstFailure { throw ReportedFailure(status: status) }
    }
}
