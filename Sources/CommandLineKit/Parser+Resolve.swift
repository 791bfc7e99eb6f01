extension Parser {
    /// After the last word: checks the command is runnable, binds positionals and fills
    /// option values from the environment and defaults.
    func resolve() throws(ParseError) -> Invocation {
        if command.isGroup, command.arguments.isEmpty {
            let names = command.visibleSubcommands.map(\.name).joined(separator: ", ")
            throw error(.missingSubcommand,
                        "'\(program.commandLine(path))' needs a subcommand: \(names)")
        }
        let positionals = try bindPositionals()
        var values: [String: [String]] = [:]
        var sources: [String: ValueSource] = [:]
        var flags: Set<String> = []
        for option in program.optionsInScope(of: command) {
            if option.isFlag { flags.insert(option.long) }
            if let list = given[option.long] {
                values[option.long] = list
                sources[option.long] = .commandLine
            } else if let name = option.env, let raw = environment[name], !raw.isEmpty {
                if option.isFlag {
                    guard raw != "0", raw.lowercased() != "false" else { continue }
                    values[option.long] = ["true"]
                } else {
                    if let problem = option.kind.problem(with: raw) {
                        throw error(.invalidValue,
                                    "invalid value '\(raw)' for --\(option.long) (from \(name)): \(problem)",
                                    option: option.long)
                    }
                    values[option.long] = [raw]
                }
                sources[option.long] = .environment(name)
            } else if let value = option.defaultValue {
                values[option.long] = [value]
                sources[option.long] = .defaultValue
            } else if option.required {
                throw error(.missingOption, "missing required option '\(option.usageText)'",
                            option: option.long)
            }
        }
        return Invocation(path: path, optionValues: values, optionSources: sources,
                          positionals: positionals, flagNames: flags)
    }

    /// Hands the positional words to the declared arguments in order. A repeated argument takes
    /// what the required arguments after it leave over; an optional one takes a word if any is
    /// left beyond what the required ones after it need.
    private func bindPositionals() throws(ParseError) -> [(name: String, values: [String])] {
        var remaining = words[...]
        var bound: [(name: String, values: [String])] = []
        let declared = command.arguments
        for (position, argument) in declared.enumerated() {
            let neededAfter = declared[(position + 1)...].reduce(0) { $0 + ($1.optional ? 0 : 1) }
            var taken: [String] = []
            if argument.repeated {
                let count = max(0, remaining.count - neededAfter)
                taken = Array(remaining.prefix(count))
            } else if remaining.count > neededAfter {
                taken = [remaining.first!]
            }
            remaining = remaining.dropFirst(taken.count)
            if taken.isEmpty, !argument.optional {
                throw error(.missingArgument, "missing argument <\(argument.name)>", option: argument.name)
            }
            for value in taken {
                if let problem = argument.kind.problem(with: value) {
                    throw error(.invalidValue, "invalid value '\(value)' for <\(argument.name)>: \(problem)",
                                option: argument.name)
                }
            }
            bound.append((argument.name, taken))
        }
        if let extra = remaining.first {
            throw error(.unexpectedArgument, "unexpected argument '\(extra)'")
        }
        return bound
    }

    // MARK: errors

    func error(_ kind: ParseError.Kind, _ message: String, suggestion: String? = nil,
               option: String? = nil) -> ParseError {
        ParseError(kind: kind, message: message, suggestion: suggestion,
                   usage: program.usage(for: path),
                   helpCommand: program.commandLine(path) + " --help", option: option)
    }

    func unknownCommand(_ word: String) -> ParseError {
        let names = command.visibleSubcommands.map(\.name)
        let where_ = path.isEmpty ? "" : " for '\(program.commandLine(path))'"
        return error(.unknownCommand, "unknown command '\(word)'\(where_)",
                     suggestion: Suggestion.best(for: word, among: names))
    }

    func unknownLong(_ name: String) -> ParseError {
        var names = program.optionsInScope(of: command).filter { !$0.hidden }.map(\.long)
        names.append("help")
        let suggestion = Suggestion.best(for: name, among: names).map { "--" + $0 }
        return error(.unknownOption, "unknown option '--\(name)'", suggestion: suggestion, option: name)
    }
}
