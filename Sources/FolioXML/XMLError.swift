/// An error from parsing, canonicalizing, validating or signing XML.
public struct XMLError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, for a human.
    public let message: String
    /// The 1-based line of the input where a parse error was found, when known.
    public let line: Int?

    public init(_ message: String, line: Int? = nil) {
        self.message = message
        self.line = line
    }

    public var description: String {
        if let line { return "line \(line): \(message)" }
        return message
    }
}
