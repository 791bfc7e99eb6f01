extension Program {
    /// The one-line usage text of the command at `path`:
    /// `usage: folio keys mint --tenant <tenant> [options]`.
    public func usage(for path: [String]) -> String {
        "usage: " + synopsis(for: resolvedPath(path))
    }

    /// The full help text of the command at `path` (an unknown path gives the help of its longest
    /// known prefix), its lines wrapped between words to `width` columns (`TextWrap.helpWidth`:
    /// the terminal's, or a fixed 80). Hidden options and commands are left out.
    public func help(for path: [String], width: Int = TextWrap.fixedWidth) -> String {
        let path = resolvedPath(path)
        let command = self.command(at: path) ?? root
        let ownOptions = command.visibleOptions + builtInOptions(isRoot: path.isEmpty)
        let globals = globalOptions.filter { global in
            !global.hidden && !command.options.contains { $0.long == global.long }
        }
        var sections: [(title: String, rows: [(label: String, text: String)])] = []
        if !command.arguments.isEmpty {
            sections.append(("ARGUMENTS", command.arguments.map { ($0.usageText, describe($0)) }))
        }
        sections.append(("OPTIONS", ownOptions.map { (label(for: $0), describe($0)) }))
        if !command.visibleSubcommands.isEmpty {
            sections.append(("SUBCOMMANDS", command.visibleSubcommands.map { ($0.name, $0.abstract) }))
        }
        if !globals.isEmpty {
            sections.append(("GLOBAL OPTIONS", globals.map { (label(for: $0), describe($0)) }))
        }
        // One description column for the whole page, so sections line up. On a narrow terminal
        // (less than 30 columns left for descriptions) every description goes under its label.
        let longest = sections.flatMap { $0.rows.map(\.label.count) }.max() ?? 0
        var column = 2 + min(longest + 2, 32)
        if width - column < 30 { column = min(10, width / 3) }

        var text = TextWrap.block(command.abstract, indent: 0, width: width)
        text += "\n" + "USAGE: " + TextWrap.wrap(synopsis(for: path), firstIndent: 7, indent: 9, width: width)
            .joined(separator: "\n") + "\n"
        if let discussion = command.discussion {
            text += "\n" + TextWrap.block(discussion, indent: 2, width: width)
        }
        if let note = destructiveNote(command) {
            text += "\nDESTRUCTIVE:\n" + TextWrap.block(note, indent: 2, width: width)
        }
        for section in sections {
            text += "\n\(section.title):\n"
            for row in section.rows { text += Program.helpRow(row.label, row.text, column: column, width: width) }
        }
        if !command.examples.isEmpty {
            text += "\nEXAMPLES:\n"
            for (index, example) in command.examples.enumerated() {
                if index > 0, example.comment != nil { text += "\n" }
                if let comment = example.comment { text += TextWrap.block("# " + comment, indent: 2, width: width) }
                text += Program.exampleLines(example.command, width: width)
            }
        }
        if command.isGroup {
            text += "\n" + TextWrap.block("Run '\(commandLine(path)) help <subcommand>' (or '\(commandLine(path)) "
                                          + "<subcommand> --help') for more about a command.", indent: 0, width: width)
        }
        return text
    }

    /// What help and the command's man page say of a destructive command: when it asks, then
    /// the program's policy; nil for a command that is not destructive.
    func destructiveNote(_ command: Command) -> String? {
        guard let when = command.destructive else { return nil }
        guard let policy = manual.destructivePolicy else { return when }
        return when + " " + policy
    }

    /// The synopsis without "usage: ": path, `<subcommand>`, required options, `[options]`,
    /// positionals.
    func synopsis(for path: [String]) -> String {
        let command = self.command(at: path) ?? root
        var parts = [commandLine(path)]
        if command.isGroup { parts.append("<subcommand>") }
        for option in optionsInScope(of: command) where option.required && option.defaultValue == nil {
            parts.append(option.usageText)
        }
        parts.append("[options]")
        for argument in command.arguments { parts.append(argument.usageText) }
        return parts.joined(separator: " ")
    }

    /// The longest prefix of `path` that names a command.
    func resolvedPath(_ path: [String]) -> [String] {
        var command = root
        var known: [String] = []
        for word in path {
            guard let sub = command.subcommand(named: word) else { break }
            command = sub
            known.append(word)
        }
        return known
    }

    /// `-h/--help` everywhere, `--version` on the program itself.
    func builtInOptions(isRoot: Bool) -> [Option] {
        var options = [Option("help", short: "h", help: "Show help for this command.")]
        if isRoot { options.append(Option("version", help: "Show the version and exit.")) }
        return options
    }

    /// `-o, --output <format>` (options without a short name align after four spaces).
    func label(for option: Option) -> String {
        var text = option.short.map { "-\($0), " } ?? "    "
        text += "--\(option.long)"
        if let value = option.valueName { text += " <\(value)>" }
        return text
    }

    /// The help text of an option with its notes: choices, range, default, env, repeatable.
    func describe(_ option: Option) -> String {
        var notes: [String] = []
        if option.required && option.defaultValue == nil { notes.append("(required)") }
        if let kindNote = Program.kindNote(option.kind) { notes.append(kindNote) }
        if option.repeated { notes.append("(repeatable)") }
        if let value = option.defaultValue { notes.append("(default: \(value))") }
        if let env = option.env { notes.append("(env: \(env))") }
        return ([option.help] + notes).joined(separator: " ")
    }

    func describe(_ argument: Argument) -> String {
        var notes: [String] = []
        if let kindNote = Program.kindNote(argument.kind) { notes.append(kindNote) }
        if argument.repeated { notes.append("(repeatable)") }
        return ([argument.help] + notes).joined(separator: " ")
    }

    static func kindNote(_ kind: ValueKind) -> String? {
        switch kind {
        case .choice(let choices): return "(one of: \(choices.joined(separator: ", ")))"
        case .integer(let range?): return "(from \(range.lowerBound) to \(range.upperBound))"
        case .integer(nil): return "(a whole number)"
        case .custom(let typeName, _): return "(\(typeName))"
        case .string, .path, .dynamic: return nil
        }
    }

    /// `  $ command`, broken between words with ` \` line continuations when it is wider than
    /// `width`: still one command to the shell, so a copied example runs as it is. Never broken
    /// inside quotes (a continuation inside single quotes would be part of the text).
    static func exampleLines(_ command: String, width: Int) -> String {
        var words: [String] = []
        var word = ""
        var quote: Character?
        for character in command {
            if character == " ", quote == nil {
                if !word.isEmpty { words.append(word) }
                word = ""
                continue
            }
            if character == "'" || character == "\"" { quote = quote == nil ? character : (quote == character ? nil : quote) }
            word.append(character)
        }
        if !word.isEmpty { words.append(word) }
        var lines: [String] = []
        var line = "  $"
        for (index, word) in words.enumerated() {
            // Room for the word, and for the continuation after it unless it is the last.
            let room = index == words.count - 1 ? 0 : 2
            if line.count > 6, line.count + 1 + word.count + room > width {
                lines.append(line + " \\")
                line = "     "
            }
            line += " " + word
        }
        lines.append(line)
        return lines.joined(separator: "\n") + "\n"
    }

    /// `  label   text…` with the text from `column` to `width`; a long label puts the text below.
    static func helpRow(_ label: String, _ text: String, column: Int, width: Int) -> String {
        var row = "  " + label
        if 2 + label.count + 2 > column {
            row += "\n" + String(repeating: " ", count: column)
        } else {
            row += String(repeating: " ", count: column - 2 - label.count)
        }
        row += TextWrap.wrap(text, firstIndent: column, indent: column, width: width).joined(separator: "\n")
        return row + "\n"
    }
}
