import CommandLineKit
import FolioCore
import FolioSupport

/// `folio documents pdf`
enum DocumentsPDF: LeafCommand {
    static let file: OptionKey<String?> = .string("file", value: "path", kind: .path,
                                                  help: "Print this signed XML file ('-' for stdin) instead of a stored document.")
    static let outputFile: OptionKey<String?> = .string(
        "output-file", short: "O", value: "path", kind: .path,
        help: "Where the PDF goes ('-' for stdout; default: ACCESSKEY.pdf in the current directory).")
    static let force: OptionKey<Bool> = .flag("force", help: "Replace an existing output file without asking (as --yes).")
    /// Renders the PDF this many times in the process and writes the last: what bench/ measures.
    static let repeatCount: OptionKey<Int> = .integer("bench-repeat", value: "n", range: 1...1_000_000, default: 1,
                                                      help: "Render the PDF n times (benchmarks).", hidden: true)
    static let document = DocumentsCommands.handle.optional

    static let spec = Command(
        "pdf", abstract: "Write a document's RIDE (its printed representation) as a PDF.",
        discussion: "The RIDE (Representación Impresa del Documento Electrónico) of a factura on A4: the issuer, the "
            + "number, environment and emission, the authorization when the XML is the SRI's authorization response, the "
            + "access key in digits and as a Code 128 barcode, the buyer, the items (on further pages, the table header "
            + "repeated, when they do not fit), payments, additional fields and totals. Folio writes the PDF itself, "
            + "with the standard Helvetica fonts: its text can be selected and searched. The same document gives the "
            + "same bytes. The PDF is written beside its target and renamed into place, so an interrupted run leaves "
            + "no partial file. Only facturas have a RIDE layout yet: another document type fails validation_failed "
            + "(exit 3), as does a --file that is not an SRI document, and nothing is written.",
        options: [file.option, outputFile.option, force.option, repeatCount.option],
        arguments: [document.argument],
        examples: [
            Example("folio documents pdf 1503202501179001167400110010010000000421234567815 -O factura.pdf"),
            Example("folio documents pdf --file signed.xml -O ride.pdf"),
            Example("folio documents pdf doc_01JD… -O - | lp", "print it"),
        ],
        destructive: "Asks before -O replaces an existing file (--yes or --force replace it without asking).")

    struct Options {
        enum Source {
            case stored(String)
            case file(path: String, bytes: [UInt8])
        }
        var source: Source
        var output: String?
        var force: Bool
        var repeatCount: Int
    }

    static func options(_ inv: Invocation, _ context: CommandContext) throws(FolioError) -> Options {
        let source: Options.Source
        switch (inv[document], inv[file]) {
        case (let handle?, nil): source = .stored(handle)
        case (nil, let path?):
            source = .file(path: path, bytes: try context.readInput(path: path, limit: .xmlDocument, field: file.option.long))
        default:
            throw FolioError(.usage, "name a stored document or pass --file, not both and not neither",
                             hint: "folio documents pdf KEY -O factura.pdf, or folio documents pdf --file signed.xml -O ride.pdf")
        }
        return Options(source: source, output: inv[outputFile], force: inv[force], repeatCount: inv[repeatCount])
    }

    /// The PDF and its access key. A document the renderer refuses is named in the message:
    /// Core's says what the XML is, the reader needs to know which input that was.
    static func render(_ options: Options, _ context: CommandContext) throws -> (accessKey: String, pdf: [UInt8]) {
        guard case .file(let path, _) = options.source else { return try renderUnnamed(options, context) }
        let name = path == "-" ? "stdin" : "'\(path)'"
        do {
            return try renderUnnamed(options, context)
        } catch let error as FolioError {
            guard error.code == .validationFailed, error.field == file.option.long else { throw error }
            var named = error
            named.message = "\(name): \(error.message)"
            throw named
        }
    }

    static func renderUnnamed(_ options: Options, _ context: CommandContext) throws -> (accessKey: String, pdf: [UInt8]) {
        switch options.source {
        case .stored(let handle):
            let store = try context.openStore()
            var result = try Documents.pdf(store: store, handle: handle)
            for _ in 1..<options.repeatCount { result = try Documents.pdf(store: store, handle: handle) }
            return (result.document.accessKey, result.pdf)
        case .file(_, let bytes):
            var made = try Documents.pdf(bytes, field: file.option.long)
            for _ in 1..<options.repeatCount { made = try Documents.pdf(bytes, field: file.option.long) }
            return made
        }
    }

    static func run(_ options: Options, _ context: CommandContext) throws {
        let made = try render(options, context)
        let target = options.output ?? "\(made.accessKey).pdf"
        switch try context.outputTarget(target, kind: "a PDF", byteCount: Int64(made.pdf.count), field: outputFile.option.long,
                                        stdoutHint: "redirect it (-O - > ride.pdf, -O - | lp) or name a file with -O",
                                        fileName: "\(made.accessKey).pdf", force: options.force) {
        case nil: return
        case .stdout:
            context.console.out(made.pdf)
            return
        case .file:
            try context.writeOutputFile(target) { () throws(FileSystemError) in
                try FileSystem.writeAtomically(made.pdf, to: target, mode: 0o644)
            }
        }
        if !context.globals.quiet { context.console.note("wrote \(target) (\(made.pdf.count) bytes)") }
    }
}
