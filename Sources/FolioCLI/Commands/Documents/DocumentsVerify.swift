import CommandLineKit
import FolioCore

/// `folio documents verify`
enum DocumentsVerify: LeafCommand {
    static let file: OptionKey<String?> = .string("file", value: "path", kind: .path,
                                                  help: "Verify this XML file ('-' for stdin) instead of a stored document.")
    /// Optional: `--file` names the document instead.
    static let document = DocumentsCommands.handle.optional

    static let spec = Command(
        "verify", abstract: "Verify the XAdES signature of a stored document or of an XML file.",
        discussion: "Recomputes every reference digest through libxml2's C14N, checks the RSA signature value with "
            + "the certificate in KeyInfo and that the certificate was valid at the signing time. Works on XAdES-BES "
            + "and plain enveloped XML-DSig documents that Folio did not make. The report goes to stdout; when the "
            + "signature does not verify, the error signature_invalid (exit 10) names every failure. For a factura, "
            + "every tax group (totalImpuesto), totalSinImpuestos and totalDescuento is also compared with the sum "
            + "over its lines: a difference above 0.01 is a warning on stderr (and in the JSON's warnings), which "
            + "the SRI would reject as ERROR EN DIFERENCIAS; it does not change the exit status.",
        options: [file.option],
        arguments: [document.argument],
        examples: [
            Example("folio documents verify 1503202501179001167400110010010000000421234567815"),
            Example("folio documents verify --file signed.xml -o json"),
        ])

    enum Options {
        case stored(String)
        case file(name: String, bytes: [UInt8])
    }

    static func options(_ inv: Invocation, _ context: CommandContext) throws(FolioError) -> Options {
        switch (inv[document], inv[file]) {
        case (let handle?, nil): return .stored(handle)
        case (nil, let path?):
            let bytes = try context.readInput(path: path, limit: .xmlDocument, field: file.option.long)
            return .file(name: path == "-" ? "stdin" : path, bytes: bytes)
        default:
            throw FolioError(.usage, "name a stored document or pass --file, not both and not neither",
                             hint: "folio documents verify KEY, or folio documents verify --file signed.xml")
        }
    }

    static func run(_ options: Options, _ context: CommandContext) throws {
        let report: DocumentVerification
        switch options {
        case .stored(let handle): report = try Documents.verify(store: try context.openStore(), handle: handle, now: context.now)
        case .file(let name, let bytes): report = Documents.verify(bytes, source: name, now: context.now)
        }
        context.console.out(context.renderer.one(report))
        // Amounts that disagree do not make the signature invalid, so they change no exit status.
        for warning in report.warnings { context.console.warn(warning) }
        if let error = report.error { throw ReportedFailure(error) }
    }
}
