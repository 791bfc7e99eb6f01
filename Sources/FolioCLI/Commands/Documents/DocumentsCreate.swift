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
            + "is that of the first failure. A batch is read as it goes, one line at a time: a malformed line "
            + "fails alone, and a line longer than 2 MiB (the limit for one invoice, as for a whole file) fails "
            + "and ends the batch. Lines are committed in groups of 100 (fewer when their text passes 8 MiB), "
            + "and a group's results are printed once it has committed. With --idempotency-key, line N of a "
            + "batch uses KEY/line-N, fingerprinted with that line's text.",
        options: [issuer.option, file.option, profile.option],
        examples: [
            Example("folio documents create --issuer iss_… --file invoice.json -o json"),
            Example("folio documents create --issuer iss_… --file batch.jsonl -o jsonl > created.jsonl"),
        ])

    /// Lines stored per write transaction (group commit): large enough that shared B-tree pages
    /// are written once for many invoices, small enough that other writers wait ~10 ms at most
    /// (the lines are signed before the transaction; it only checks and inserts them).
    static let groupSize = 100
    /// A group also ends once its lines reach this many bytes: a batch holds one group of
    /// parsed invoices in memory, and 100 invoices at the limit would be 200 MiB of text.
    static let groupBytes = 8 << 20

    struct Options {
        var issuer: String
        var profile: SignatureProfile
        var input: InvoiceReader
    }

    static func options(_ inv: Invocation, _ context: CommandContext) throws(FolioError) -> Options {
        let input = try InvoiceReader(path: inv[file], field: file.option.long, context: context)
        // A batch's lines are fingerprinted one by one, as they are read (BatchInput.fingerprint).
        if case .document(_, let bytes) = input.kind { context.fingerprintInput(bytes) }
        return Options(issuer: inv[issuer], profile: inv[profile], input: input)
    }

    static func run(_ options: Options, _ context: CommandContext) throws {
        let store = try context.openStore()
        let masterKey = try store.masterKey()
        let cache = SigningKeyCache()
        let mutation = { (input: JSONValue) in
            Documents.create(issuer: options.issuer, input: input, profile: options.profile, masterKey: masterKey, cache: cache)
        }
        if case .document(let input, _) = options.input.kind {
            var warnings: [DocumentWarning] = []
            try context.perform(mutation(input), present: { created in
                warnings = created.warnings
                return Presented(one: created)
            }) { created in
                let document = created.document
                return "signed \(document.id): \(document.number), access key \(document.accessKey), total \(document.total)"
            }
            for warning in warnings { context.console.warn(warning.text) }
            return
        }
        let printer = BatchPrinter(context: context)
        let summary = store.performBatch(reading: options.input, groupSize: groupSize, groupBytes: groupBytes,
                                         context: try context.mutationContext(), mutation: mutation,
                                         record: { Presented(one: $0).recorded },
                                         deliver: { printer.print($0, warnings: $1) })
        printer.finish(summary)
        if summary.interrupted { throw ReportedFailure(status: context.interruptedStatus) }
        if let status = printer.firstFailure { throw ReportedFailure(status: status) }
    }
}
