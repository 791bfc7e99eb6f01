import CommandLineKit
import FolioCore

/// `folio documents decode-key`
enum DocumentsDecodeKey: LeafCommand {
    static let key: ArgumentKey<String> = .string("key", help: "The 49-digit access key.")

    static let spec = Command(
        "decode-key", abstract: "Show the fields of an access key and whether its check digit holds.",
        discussion: "Reads the 49 digits offline: date, document type, RUC, environment, series, sequential, numeric "
            + "code, emission type and the modulo-11 check digit. The fields are printed even when the check digit "
            + "is wrong; then the exit status is 3 (validation_failed).",
        arguments: [key.argument],
        examples: [Example("folio documents decode-key 1503202501179001167400110010010000000421234567815 -o json")])

    static func options(_ inv: Invocation, _ context: CommandContext) throws(FolioError) -> String {
        inv[key]
    }

    static func run(_ key: String, _ context: CommandContext) throws {
        let decoded: DecodedAccessKey
        do throws(AccessKeyError) { decoded = try AccessKey.decode(key) } catch {
            throw FolioError.validation(error.message, field: Self.key.argument.name)
        }
        context.console.out(context.renderer.one(decoded))
        if !decoded.checkDigitValid {
            throw ReportedFailure(.validation("the check digit is \(decoded.checkDigit), expected \(decoded.expectedCheckDigit)",
                                              field: "checkDigit"))
        }
        if let problem = decoded.problems.first { throw ReportedFailure(.validation(problem, field: Self.key.argument.name)) }
    }
}
