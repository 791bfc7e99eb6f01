/// How an option's or argument's value is checked.
public enum ValueKind: Sendable {
    /// Any text.
    case string
    /// A whole number (optionally signed), optionally within a range.
    case integer(ClosedRange<Int>?)
    /// One of these words; completions offer them.
    case choice([String])
    /// A file path; completions complete files.
    case path
    /// (type name for help, validator returning an error message or nil)
    case custom(String, @Sendable (String) -> String?)
    /// Any text; completions ask the program itself for candidates of this named kind
    /// (`.dynamic("tenants")`), through the hidden command that `Program.dynamicCompletion`
    /// names. Without one the scripts offer nothing here.
    case dynamic(String)

    /// Checks `value`; returns what is wrong with it (without naming the option), or nil.
    func problem(with value: String) -> String? {
        switch self {
        case .string, .path, .dynamic:
            return nil
        case .integer(let range):
            guard let number = Int(value) else { return "expected a whole number" }
            if let range, !range.contains(number) {
                return "expected a whole number from \(range.lowerBound) to \(range.upperBound)"
            }
            return nil
        case .choice(let choices):
            if choices.contains(value) { return nil }
            return "expected one of \(choices.joined(separator: ", "))"
        case .custom(_, let validate):
            return validate(value)
        }
    }

    /// The choices, for help and completions.
    var choices: [String]? {
        if case .choice(let choices) = self { return choices }
        return nil
    }

    /// The kind name that completions ask the program for, when dynamic.
    var dynamicName: String? {
        if case .dynamic(let name) = self { return name }
        return nil
    }

    /// Whether completions should offer files.
    var completesFiles: Bool {
        if case .path = self { return true }
        return false
    }
}
