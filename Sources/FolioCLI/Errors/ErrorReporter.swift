import CommandLineKit
import FolioCore
import FolioSupport

/// The one place that maps every failure to its DESIGN §4 code and exit status, and prints it.
/// Messages and hints pass through `MessageText.safe` (quoted input capped, control characters
/// made visible) and, as all of stderr, through the redaction of API keys in `Console.err`.
enum ErrorReporter {
    static func exitStatus(for code: ErrorCode) -> Int32 { ExitTable.status(for: code) }

    /// Prints `error` on stderr (JSON with `-o json`/`jsonl`) and returns its exit status.
    static func report(_ reported: FolioError, console: Console, json: Bool) -> Int32 {
        var error = FieldOptions.forCommandLine(reported)
        if let remedy = error.remedy { error.hint = remedy.hint }
        error.message = MessageText.safe(error.message)
        error.hint = error.hint.map(MessageText.safe)
        error.field = error.field.map(MessageText.value)
        if json {
            var members = [JSONMember("error", .string(error.code.rawValue)), JSONMember("message", .string(error.message))]
            if let field = error.field { members.append(JSONMember("field", .string(field))) }
            if let hint = error.hint { members.append(JSONMember("hint", .string(hint))) }
            members += error.details
            console.err(JSONValue.object(members).compactText() + "\n")
        } else {
            var text = console.paint("error:", .red, stderr: true) + " " + error.message + "\n"
            if let hint = error.hint { text += "hint: " + hint + "\n" }
            console.err(text)
        }
        return exitStatus(for: error.code)
    }

    /// A value the model rejects (`--tier gold`) is `validation_failed` (3), as DESIGN §4 says of
    /// malformed values; every other parse failure is `usage` (2).
    static func code(for error: ParseError) -> ErrorCode {
        error.kind == .invalidValue ? .validationFailed : .usage
    }

    static func report(_ error: ParseError, console: Console, json: Bool) -> Int32 {
        let code = code(for: error)
        if json {
            var members = [JSONMember("error", .string(code.rawValue)), JSONMember("message", .string(MessageText.safe(error.message)))]
            if let option = error.option { members.append(JSONMember("field", .string(MessageText.value(option)))) }
            if let suggestion = error.suggestion { members.append(JSONMember("suggestion", .string(suggestion))) }
            members.append(JSONMember("usage", .string(error.usage)))
            console.err(JSONValue.object(members).compactText() + "\n")
        } else {
            let text = MessageText.safe(error.render())
            console.err(text.hasPrefix("error:") ? console.paint("error:", .red, stderr: true) + text.dropFirst(6) : text)
        }
        return exitStatus(for: code)
    }
}
