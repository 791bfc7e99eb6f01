/// A named option (`--scope a`, `-o json`) or flag (`--yes`, `-y`) of a command.
///
/// An option given twice that is not `repeated` does not fail: the last value wins, like most
/// Unix tools, so that aliases and wrapper scripts can override an earlier value.
public struct Option: Sendable {
    /// The long name without dashes (`"output"` for `--output`).
    public let long: String
    /// The one-letter short name (`"o"` for `-o`).
    public let short: Character?
    /// The value placeholder shown in help (`"format"` → `<format>`); nil makes a flag.
    public let valueName: String?
    public let kind: ValueKind
    /// Whether the option may be given several times, collecting every value.
    public let repeated: Bool
    /// Whether the command fails without it (after environment and default are consulted).
    public let required: Bool
    /// The value used when neither the command line nor the environment gives one.
    public let defaultValue: String?
    /// The environment variable consulted when the command line does not give the option.
    public let env: String?
    public let help: String
    /// Hidden options parse normally but appear in no help, completion or man page.
    public let hidden: Bool

    public init(_ long: String, short: Character? = nil, value: String? = nil,
                kind: ValueKind = .string, repeated: Bool = false, required: Bool = false,
                default: String? = nil, env: String? = nil, help: String, hidden: Bool = false) {
        self.long = long
        self.short = short
        self.valueName = value
        self.kind = kind
        self.repeated = repeated
        self.required = required
        self.defaultValue = `default`
        self.env = env
        self.help = help
        self.hidden = hidden
    }

    /// Whether the option takes no value.
    public var isFlag: Bool { valueName == nil }

    /// `--scope <scope>` or `--yes`, as written in usage lines and errors.
    var usageText: String {
        guard let valueName else { return "--\(long)" }
        return "--\(long) <\(valueName)>"
    }
}

/// A positional argument of a command.
public struct Argument: Sendable {
    public let name: String
    public let help: String
    public let optional: Bool
    /// A repeated positional takes every remaining word (at least one unless `optional`).
    public let repeated: Bool
    public let kind: ValueKind

    public init(_ name: String, help: String, optional: Bool = false, repeated: Bool = false,
                kind: ValueKind = .string) {
        self.name = name
        self.help = help
        self.optional = optional
        self.repeated = repeated
        self.kind = kind
    }

    /// `<name>`, `[<name>]`, `<name>...` or `[<name>...]`.
    var usageText: String {
        let base = "<\(name)>" + (repeated ? "..." : "")
        return optional ? "[\(base)]" : base
    }
}

/// An example invocation shown in help and man pages.
public struct Example: Sendable {
    /// The command line, starting with the program name.
    public let command: String
    public let comment: String?

    public init(_ command: String, _ comment: String? = nil) {
        self.command = command
        self.comment = comment
    }
}
