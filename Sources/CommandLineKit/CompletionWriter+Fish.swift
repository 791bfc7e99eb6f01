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

        function \(current) --description 'The \(program.name) command being completed, then how many positionals precede the cursor'
            set -l cmd \(c)
            set -l skip 0
            set -l n 0
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
                    case '* -*'
                    case '*'
                        set n (math $n + 1)
                end
            end
            echo $cmd
            echo $n
        end

        function \(at) --description 'Whether the command being completed is $argv[1], at positional $argv[2] (N, or N+ for N or later)'
            set -l state (\(current))
            test "$state[1]" = "$argv[1]"; or return 1
            set -q argv[2]; or return 0
            if string match -q -- '*+' $argv[2]
                test $state[2] -ge (string trim -r -c + -- $argv[2])
            else
                test $state[2] -eq $argv[2]
            end
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
                for position in positionalCompletions(node.command) {
                    let spot = String(position.position) + (position.orLater ? "+" : "")
                    let at = "-n " + CompletionWriter.fishQuoted("\(self.at) " + CompletionWriter.fishQuoted(node.line) + " " + spot)
                    switch position.completion {
                    case .nothing: break
                    case .files: s += "complete -c \(c) \(at) -F\n"
                    case .words(let words):
                        s += "complete -c \(c) \(at) -a \(fishWords(words))\n"
                    case .dynamic(let kind):
                        s += "complete -c \(c) \(at) -a \(CompletionWriter.fishQuoted("(\(dynamicFunction) \(kind))"))\n"
                    }
                }
            }
            for option in node.options { s += fishOption(option, condition: condition + " ") }
        }
        for option in globals { s += fishOption(option, condition: "") }
        if usesDynamic { s += fishDynamicHelper() }
        return s
    }

    private var at: String { "__\(stem)_at" }

    /// The argument of `-a` for fixed words. fish expands that argument when it completes, as
    /// it would a command line: a bare `*` would offer the files of the current directory and
    /// `documents:*` nothing at all. So each word is quoted inside it, and the whole quoted
    /// again as one argument of `complete`.
    private func fishWords(_ words: [String]) -> String {
        CompletionWriter.fishQuoted(words.map(CompletionWriter.fishQuoted).joined(separator: " "))
    }
    private var dynamicFunction: String { "__\(stem)_dynamic" }

    private func fishOption(_ option: Option, condition: String) -> String {
        var line = "complete -c \(CompletionWriter.fishQuoted(program.name)) \(condition)"
        if let short = option.short { line += "-s \(CompletionWriter.fishQuoted(String(short))) " }
        line += "-l \(CompletionWriter.fishQuoted(option.long))"
        if !option.isFlag {
            switch completion(for: option.kind) {
            case .nothing: line += " -x"
            case .files: line += " -r -F"
            case .words(let words): line += " -x -a \(fishWords(words))"
            case .dynamic(let kind): line += " -x -a \(CompletionWriter.fishQuoted("(\(dynamicFunction) \(kind))"))"
            }
        }
        return line + " -d \(CompletionWriter.fishQuoted(CompletionWriter.summary(option.help)))\n"
    }

    /// `__<name>_dynamic KIND`: runs `<command word> [forwarded options] __complete KIND --
    /// PREFIX`; fish reads `value<TAB>description` lines itself and escapes what it inserts.
    /// `commandline -opc` gives the words already unescaped; a leading `~/` becomes `$HOME/`.
    private func fishDynamicHelper() -> String {
        guard let dynamic = program.dynamicCompletion else { return "" }
        var forward = ""
        for option in forwardedOptions {
            let name = CompletionWriter.fishQuoted("--" + option.long)
            let spellings = CompletionWriter.spellings(option).map(CompletionWriter.fishQuoted)
            forward += "            case \(spellings.joined(separator: " "))\n"
            forward += "                set k (math $k + 1)\n"
            forward += "                set -q words[$k]; and set -a fwd \(name) (string replace -r -- '^~/' \"$HOME/\" $words[$k])\n"
            forward += "            case \(CompletionWriter.fishQuoted("--" + option.long + "=*"))\n"
            forward += "                set -a fwd \(name) (string replace -r -- '^~/' \"$HOME/\" (string replace -r -- '^[^=]*=' '' $words[$k]))\n"
        }
        return """

        function \(dynamicFunction) --argument-names kind --description 'Values of kind $argv[1], from \(program.name) itself'
            set -l words (commandline -opc)
            set -l fwd
            set -l k 2
            while set -q words[$k]
                switch $words[$k]
                    case --
                        break
        \(forward)        end
                set k (math $k + 1)
            end
            set -l prefix (commandline -ct | string unescape)
            string match -q -- '-*=*' "$prefix"; and set prefix (string replace -r -- '^[^=]*=' '' "$prefix")
            set -l exe (string replace -r -- '^~/' "$HOME/" $words[1])
            $exe $fwd \(CompletionWriter.fishQuoted(dynamic.command)) $kind -- "$prefix" 2>/dev/null
        end

        """
    }
}
