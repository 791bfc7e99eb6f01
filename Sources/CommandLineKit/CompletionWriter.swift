/// A shell that `completionScript(for:)` writes for.
public enum Shell: String, Sendable, CaseIterable {
    case bash, zsh, fish
}

extension Program {
    /// A completion script for `shell`, generated from the model: subcommand names at each
    /// level, the current command's long options plus the global ones, choice values after an
    /// option (`-o <TAB>` offers the formats), files for `.path` values, and for `.dynamic`
    /// values whatever the program's hidden command answers (see `DynamicCompletion`).
    /// Byte-identical for the same model.
    ///
    /// Every script finds the current command the same way: it walks the words before the
    /// cursor, skipping the value after each value-taking option (`--opt value`; `--opt=value`
    /// and `-ovalue` are one word), follows the words that name subcommands, and counts the
    /// other words, so that each positional completes by its own kind.
    public func completionScript(for shell: Shell) -> String {
        let writer = CompletionWriter(program: self)
        switch shell {
        case .bash: return writer.bash()
        case .zsh: return writer.zsh()
        case .fish: return writer.fish()
        }
    }
}

/// The model seen by the completion scripts: every visible command with what can follow it.
struct CompletionWriter {
    struct Node {
        /// `folio tenants register`
        let line: String
        let command: Command
        /// The command's own visible options plus the built-in ones (not the global ones).
        let options: [Option]
    }

    let program: Program
    let nodes: [Node]
    /// Visible global options not shadowed anywhere they are used (global completions apply at
    /// every level).
    let globals: [Option]
    /// Shell-safe function-name stem: `folio` → `folio`, `my-tool` → `my_tool`.
    let stem: String

    init(program: Program) {
        self.program = program
        var nodes = [Node(line: program.name, command: program.root,
                          options: program.root.visibleOptions + program.builtInOptions(isRoot: true))]
        for entry in program.visibleCommands() {
            nodes.append(Node(line: program.commandLine(entry.path), command: entry.command,
                              options: entry.command.visibleOptions + program.builtInOptions(isRoot: false)))
        }
        self.nodes = nodes
        self.globals = program.globalOptions.filter { !$0.hidden }
        self.stem = String(program.name.map { $0.isLetter || $0.isNumber ? $0 : "_" })
    }

    /// What to offer for an option's value or a positional, by kind.
    enum ValueCompletion: Equatable {
        case nothing
        case files
        case words([String])
        /// Ask the program (`DynamicCompletion`) for candidates of this kind.
        case dynamic(String)
    }

    func completion(for kind: ValueKind) -> ValueCompletion {
        if kind.completesFiles { return .files }
        if let choices = kind.choices { return .words(choices) }
        if let name = kind.dynamicName, program.dynamicCompletion != nil { return .dynamic(name) }
        return .nothing
    }

    /// What to offer at each position of a leaf's positionals: `position` counts the positional
    /// words before the cursor; a repeated last argument (`orLater`) takes every later position
    /// too. Positions that offer nothing are left out.
    func positionalCompletions(_ command: Command) -> [(position: Int, orLater: Bool, completion: ValueCompletion)] {
        var result: [(position: Int, orLater: Bool, completion: ValueCompletion)] = []
        for (index, argument) in command.arguments.enumerated() {
            let completion = completion(for: argument.kind)
            if completion == .nothing { continue }
            result.append((index, argument.repeated && index == command.arguments.count - 1, completion))
        }
        return result
    }

    /// Whether any visible option or positional completes dynamically (the scripts then carry
    /// the helper that runs the program).
    var usesDynamic: Bool {
        let options = nodes.flatMap(\.options) + globals
        if options.contains(where: { completion(for: $0.kind).isDynamic }) { return true }
        return nodes.contains { node in node.command.arguments.contains { completion(for: $0.kind).isDynamic } }
    }

    /// The spellings of the options whose values the dynamic helper passes along.
    var forwardedOptions: [Option] {
        let names = program.dynamicCompletion?.forwardedOptions ?? []
        return names.compactMap { name in program.globalOptions.first { $0.long == name && !$0.isFlag } }
    }

    /// The spellings of an option that take the next word as value (`--output`, `-o`).
    static func spellings(_ option: Option) -> [String] {
        var result = ["--\(option.long)"]
        if let short = option.short { result.append("-\(short)") }
        return result
    }

    /// Text inside single quotes for sh-like shells (bash, zsh).
    static func singleQuoted(_ text: String) -> String {
        "'" + text.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
    }

    /// Text inside single quotes for fish, where `\` and `'` are escaped with a backslash.
    static func fishQuoted(_ text: String) -> String {
        var out = "'"
        for ch in text {
            if ch == "\\" || ch == "'" { out.append("\\") }
            out.append(ch)
        }
        return out + "'"
    }

    /// A one-line description for menus: the first line of the help, without a final period.
    static func summary(_ text: String) -> String {
        var line = Substring(text.split(separator: "\n").first ?? "")
        if line.hasSuffix(".") { line = line.dropLast() }
        return String(line)
    }
}

extension CompletionWriter.ValueCompletion {
    var isDynamic: Bool {
        if case .dynamic = self { return true }
        return false
    }
}
