/// A mistake in how the command line was written (exit status 2, error code `usage`).
public struct ParseError: Error, Sendable {
    public enum Kind: Sendable, Equatable {
        case unknownCommand, unknownOption, missingValue, missingArgument, missingOption,
             unexpectedArgument, invalidValue, missingSubcommand
        /// Reserved: the parser never throws it, because a non-repeatable option given twice
        /// takes its last value (like most Unix tools).
        case duplicateOption
    }

    public let kind: Kind
    /// e.g. "unknown option '--scop'"
    public let message: String
    /// e.g. "--scope" (rendered as "did you mean '--scope'?")
    public let suggestion: String?
    /// "usage: folio keys mint --tenant <tenant> [options]"
    public let usage: String
    /// "folio keys mint --help"
    public let helpCommand: String
    /// The option or argument concerned, without dashes, if any.
    public let option: String?

    public init(kind: Kind, message: String, suggestion: String? = nil, usage: String,
                helpCommand: String, option: String? = nil) {
        self.kind = kind
        self.message = message
        self.suggestion = suggestion
        self.usage = usage
        self.helpCommand = helpCommand
        self.option = option
    }

    /// The full stderr text, each line ending in a newline:
    /// `error: …`, `did you mean '…'?` (if any), `usage: …`, `see '… --help'`.
    public func render() -> String {
        var text = "error: \(message)\n"
        if let suggestion { text += "did you mean '\(suggestion)'?\n" }
        text += "\(usage)\nsee '\(helpCommand)'\n"
        return text
    }
}
