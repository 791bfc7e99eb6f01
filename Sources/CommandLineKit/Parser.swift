/// One parse: walks the words once, left to right.
struct Parser {
    let program: Program
    let args: [String]
    let environment: [String: String]
    /// The columns help is wrapped to.
    let helpWidth: Int
    var command: Command
    var path: [String] = []
    /// Values given on the command line, by long name.
    var given: [String: [String]] = [:]
    var words: [String] = []
    var helpRequested = false
    var versionRequested = false
    /// `help <command…>` mode: command words name the command to describe.
    var helpCommandMode = false

    init(program: Program, arguments: [String], environment: [String: String], helpWidth: Int) {
        self.program = program
        self.args = arguments
        self.environment = environment
        self.helpWidth = helpWidth
        self.command = program.root
    }

    mutating func run() throws(ParseError) -> ParseOutcome {
        do {
            return try parseAll()
        } catch {
            // Help asked anywhere wins over a mistake elsewhere on the line, except a mistyped
            // command word: then the suggestion is more useful than the parent's help.
            if error.kind != .unknownCommand, helpWordPresent() {
                return .help(program.help(for: path, width: helpWidth))
            }
            throw error
        }
    }

    private func helpWordPresent() -> Bool {
        for arg in args {
            if arg == "--" { return false }
            if arg == "--help" || arg == "-h" { return true }
        }
        return false
    }

    private mutating func parseAll() throws(ParseError) -> ParseOutcome {
        var index = 0
        var optionsEnded = false
        while index < args.count {
            let arg = args[index]
            index += 1
            if optionsEnded || arg == "-" || !arg.hasPrefix("-") || isNegativeNumber(arg) {
                try takeWord(arg)
            } else if arg == "--" {
                optionsEnded = true
            } else if arg.hasPrefix("--") {
                try takeLong(arg, &index)
            } else {
                try takeShortCluster(arg, &index)
            }
        }
        if helpCommandMode || helpRequested { return .help(program.help(for: path, width: helpWidth)) }
        if versionRequested { return .version("\(program.name) \(program.version)") }
        return .run(try resolve())
    }

    // MARK: words

    private mutating func takeWord(_ word: String) throws(ParseError) {
        if helpCommandMode {
            guard let sub = command.subcommand(named: word) else { throw unknownCommand(word) }
            command = sub
            path.append(word)
            return
        }
        if command.isGroup, words.isEmpty {
            if let sub = command.subcommand(named: word) {
                command = sub
                path.append(word)
                return
            }
            // `help` as a verb at every level: `folio help keys mint`, `folio keys help mint`,
            // `folio keys help`. Only where it cannot be a command word (a group's own `help`
            // subcommand would win above) and not after a leaf, whose words are its arguments.
            if word == "help" {
                helpCommandMode = true
                return
            }
            if command.arguments.isEmpty { throw unknownCommand(word) }
        }
        words.append(word)
    }

    private func isNegativeNumber(_ arg: String) -> Bool {
        let digits = arg.utf8.dropFirst()
        guard !digits.isEmpty, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return false }
        // Only when no short option is a digit, so "-1" cannot mean an option.
        return !program.optionsInScope(of: command).contains { $0.short?.isNumber == true }
    }

    // MARK: options

    private mutating func takeLong(_ arg: String, _ index: inout Int) throws(ParseError) {
        let body = arg.dropFirst(2)
        let name: Substring
        var inline: String?
        if let equals = body.firstIndex(of: "=") {
            name = body[..<equals]
            inline = String(body[body.index(after: equals)...])
        } else {
            name = body
        }
        guard let option = findLong(name) else {
            if inline == nil, name == "help" { helpRequested = true; return }
            if inline == nil, name == "version" { versionRequested = true; return }
            if helpCommandMode { return }
            throw unknownLong(String(name))
        }
        if option.isFlag {
            if inline != nil {
                throw error(.invalidValue, "option '--\(option.long)' takes no value", option: option.long)
            }
            given[option.long] = ["true"]
            return
        }
        if let inline {
            try record(option, inline)
        } else {
            let value = try nextValue(for: option, spelled: "--\(option.long)", &index)
            try record(option, value)
        }
    }

    private mutating func takeShortCluster(_ arg: String, _ index: inout Int) throws(ParseError) {
        var rest = arg.dropFirst()
        while let letter = rest.first {
            rest = rest.dropFirst()
            guard let option = findShort(letter) else {
                if letter == "h" { helpRequested = true; continue }
                if helpCommandMode { continue }
                throw error(.unknownOption, "unknown option '-\(letter)'", option: String(letter))
            }
            if option.isFlag {
                given[option.long] = ["true"]
                continue
            }
            // The rest of the cluster is the value (`-ojson`, `-o=json`), else the next word.
            if !rest.isEmpty {
                try record(option, String(rest.first == "=" ? rest.dropFirst() : rest))
            } else {
                let value = try nextValue(for: option, spelled: "-\(letter)", &index)
                try record(option, value)
            }
            return
        }
    }

    /// The word after an option as its value. A word that looks like an option is not taken
    /// (write `--name=-x` for such a value), so that a forgotten value gives a clear error;
    /// except one of the option's own choices (`--sort -date`), which can be nothing else.
    private func nextValue(for option: Option, spelled: String, _ index: inout Int) throws(ParseError) -> String {
        if index < args.count {
            let next = args[index]
            if next == "-" || !next.hasPrefix("-") || isNegativeNumber(next) || option.kind.choices?.contains(next) == true {
                index += 1
                return next
            }
        }
        throw error(.missingValue, "option '\(spelled)' needs a value <\(option.valueName ?? "value")>",
                    option: option.long)
    }

    private mutating func record(_ option: Option, _ value: String) throws(ParseError) {
        if helpCommandMode { return }
        if let problem = option.kind.problem(with: value) {
            throw error(.invalidValue, "invalid value '\(value)' for --\(option.long): \(problem)",
                        option: option.long)
        }
        if option.repeated {
            given[option.long, default: []].append(value)
        } else {
            given[option.long] = [value]   // last one wins
        }
    }

    private func findLong(_ name: Substring) -> Option? {
        for option in command.options where option.long == name { return option }
        for option in program.globalOptions where option.long == name { return option }
        return nil
    }

    private func findShort(_ letter: Character) -> Option? {
        for option in command.options where option.short == letter { return option }
        for option in program.globalOptions where option.short == letter { return option }
        return nil
    }
}
