/// Where an option's value came from.
public enum ValueSource: Sendable, Equatable {
    case commandLine
    /// The named environment variable.
    case environment(String)
    case defaultValue
    case absent
}

/// A successfully parsed command line: the command to run and its values.
public struct Invocation: Sendable {
    /// The command path below the program, e.g. `["tenants", "register"]`.
    public let path: [String]
    /// Resolved values by long name (command line, else environment, else default). Flags that
    /// are on hold one entry "true".
    let optionValues: [String: [String]]
    let optionSources: [String: ValueSource]
    /// Positional values by argument name, in declaration order.
    let positionals: [(name: String, values: [String])]
    /// Long names of the flags among the resolved options.
    let flagNames: Set<String>

    init(path: [String], optionValues: [String: [String]], optionSources: [String: ValueSource],
         positionals: [(name: String, values: [String])], flagNames: Set<String>) {
        self.path = path
        self.optionValues = optionValues
        self.optionSources = optionSources
        self.positionals = positionals
        self.flagNames = flagNames
    }

    /// The last value given (command line > environment > default), nil if absent.
    public func value(_ long: String) -> String? { optionValues[long]?.last }

    /// All values of a repeated option, in order given (or the single environment/default value).
    public func values(_ long: String) -> [String] { optionValues[long] ?? [] }

    /// Whether a flag is on (given on the command line, or its environment variable is set,
    /// non-empty and not "0"/"false").
    public func flag(_ long: String) -> Bool { optionValues[long] != nil }

    /// The value of a positional argument (the first, for a repeated one), nil if not given.
    public func argument(_ name: String) -> String? { arguments(name).first }

    /// Every value of a repeated positional argument.
    public func arguments(_ name: String) -> [String] {
        for entry in positionals where entry.name == name { return entry.values }
        return []
    }

    public func source(_ long: String) -> ValueSource { optionSources[long] ?? .absent }

    /// Stable text of the command path, every option value given on the command line or env
    /// (not defaults), sorted by option name, and the positionals — for idempotency fingerprints.
    ///
    /// One item per line: `command tenants register`, then `--name=value` per option value
    /// (repeated values in the order given; a flag as `--name`), then `<arg>=value` per
    /// positional. Backslashes and newlines in values are escaped so that no two different
    /// invocations produce the same text. `excluding` lists long names to leave out.
    public func canonicalDescription(excluding: Set<String>) -> String {
        var text = "command"
        for word in path { text += " " + Invocation.escaped(word) }
        text += "\n"
        for name in optionSources.keys.sorted() where !excluding.contains(name) {
            switch optionSources[name] {
            case .commandLine?, .environment?: break
            default: continue
            }
            for value in optionValues[name] ?? [] {
                text += flagNames.contains(name) ? "--\(name)\n" : "--\(name)=\(Invocation.escaped(value))\n"
            }
        }
        for entry in positionals {
            for value in entry.values { text += "<\(entry.name)>=\(Invocation.escaped(value))\n" }
        }
        return text
    }

    private static func escaped(_ value: String) -> String {
        guard value.utf8.contains(where: { $0 == 0x5C || $0 == 0x0A || $0 == 0x0D }) else { return value }
        var out = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
