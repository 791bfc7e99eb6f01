extension CompletionWriter {
    /// The fish script: a helper that finds the current command, then one `complete` line per
    /// subcommand and option.
    func fish() -> String {
        let current = "__\(stem)_command"
        let at = "__\(stem)_at"
        let c = CompletionWriter.fishQuoted(program.name)
        var s = """
        # fish completion for \(program.name). Generated from the command model; do not edit.
        # Load with: \(program.name) completions fish | source

        function \(current) --description 'The \(program.name) command being completed'
            set -l cmd \(c)
            set -l skip 0
            for word in (commandline -opc)[2..-1]
                if test $skip -eq 1
                    set skip 0
                    continue
                end
                switch "$cmd $word"
                    case '* --'
                        break

        """
        var patterns: [String] = []
        for node in nodes {
            for option in node.options where !option.isFlag {
                patterns += CompletionWriter.spellings(option).map { CompletionWriter.fishQuoted(node.line + " " + $0) }
            }
        }
        for option in globals where !option.isFlag {
            patterns += CompletionWriter.spellings(option).map { CompletionWriter.fishQuoted("* " + $0) }
        }
        if !patterns.isEmpty {
            s += "            case \(patterns.joined(separator: " "))\n                set skip 1\n"
        }
        for node in nodes {
            for sub in node.command.visibleSubcommands {
                let next = CompletionWriter.fishQuoted(node.line + " " + sub.name)
                s += "            case \(next)\n                set cmd \(next)\n"
            }
        }
        s += """
                end
            end
            echo $cmd
        end

        function \(at) --description 'Whether the command being completed is $argv[1]'
            test "$(\(current))" = "$argv[1]"
        end

        complete -c \(c) -f

        """
        for node in nodes {
            let condition = "-n " + CompletionWriter.fishQuoted("\(at) " + CompletionWriter.fishQuoted(node.line))
            for sub in node.command.visibleSubcommands {
                s += "complete -c \(c) \(condition) -a \(CompletionWriter.fishQuoted(sub.name))"
                s += " -d \(CompletionWriter.fishQuoted(CompletionWriter.summary(sub.abstract)))\n"
            }
            if !node.command.isGroup {
                switch CompletionWriter.positionalCompletion(node.command) {
                case .nothing: break
                case .files: s += "complete -c \(c) \(condition) -F\n"
                case .words(let words):
                    s += "complete -c \(c) \(condition) -a \(CompletionWriter.fishQuoted(words.joined(separator: " ")))\n"
                }
            }
            for option in node.options { s += fishOption(option, condition: condition + " ") }
        }
        for option in globals { s += fishOption(option, condition: "") }
        return s
    }

    private func fishOption(_ option: Option, condition: String) -> String {
        var line = "complete -c \(CompletionWriter.fishQuoted(program.name)) \(condition)"
        if let short = option.short { line += "-s \(CompletionWriter.fishQuoted(String(short))) " }
        line += "-l \(CompletionWriter.fishQuoted(option.long))"
        if !option.isFlag {
            switch CompletionWriter.completion(for: option.kind) {
            case .nothing: line += " -x"
            case .files: line += " -r -F"
            case .words(let words): line += " -x -a \(CompletionWriter.fishQuoted(words.joined(separator: " ")))"
            }
        }
        return line + " -d \(CompletionWriter.fishQuoted(CompletionWriter.summary(option.help)))\n"
    }
}
