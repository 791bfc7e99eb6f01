extension CompletionWriter {
    /// The bash script: one function `_<name>` registered with `complete -F`.
    func bash() -> String {
        let fn = "_\(stem)"
        var s = """
        # bash completion for \(program.name). Generated from the command model; do not edit.
        # Load with: source <(\(program.name) completions bash)

        \(fn)() {
            local cur prev cmd word opts i n=0 cword
            local -a words
            \(fn)_words
            cur=${words[cword]}
            prev=""
            if [ "$cword" -ge 1 ]; then prev=${words[cword-1]}; fi
            # '--opt=val': complete the value after the '='.
            case "$cur" in -*=*) prev=${cur%%=*}; cur=${cur#*=} ;; esac
            cmd=\(CompletionWriter.singleQuoted(program.name))
            i=1
            while [ "$i" -lt "$cword" ]; do
                word=${words[i]}
                case "$word" in
                    --) break ;;
                    -*=*) ;;
                    -*)
                        case "$cmd $word" in

        """
        let valuePatterns = bashValuePatterns()
        if !valuePatterns.isEmpty {
            s += "                    \(valuePatterns.joined(separator: "|"))) i=$((i + 1)) ;;\n"
        }
        s += """
                        esac ;;
                    *)
                        case "$cmd $word" in

        """
        for node in nodes {
            for sub in node.command.visibleSubcommands {
                let next = node.line + " " + sub.name
                s += "                    \(bashLiteral(next))) cmd=\(CompletionWriter.singleQuoted(next)) ;;\n"
            }
        }
        s += "                    *) n=$((n + 1)) ;;\n"
        s += """
                        esac ;;
                esac
                i=$((i + 1))
            done

            case "$cmd $prev" in

        """
        // Command options first, so that they shadow global options of the same name.
        for node in nodes {
            for option in node.options where !option.isFlag {
                let patterns = CompletionWriter.spellings(option).map { bashLiteral(node.line + " " + $0) }
                s += "        \(patterns.joined(separator: "|")))\n            \(bashValueReply(option.kind)) ;;\n"
            }
        }
        for option in globals where !option.isFlag {
            let patterns = CompletionWriter.spellings(option).map { "*\" \($0)\"" }
            s += "        \(patterns.joined(separator: "|")))\n            \(bashValueReply(option.kind)) ;;\n"
        }
        let globalNames = globals.map { "--\($0.long)" }.joined(separator: " ")
        s += """
            esac

            case "$cur" in
                -*)
                    opts=""
                    case "$cmd" in

        """
        for node in nodes {
            let names = node.options.map { "--\($0.long)" }.joined(separator: " ")
            s += "            \(bashLiteral(node.line))) opts=\(CompletionWriter.singleQuoted(names)) ;;\n"
        }
        s += """
                    esac
                    opts="$opts "\(CompletionWriter.singleQuoted(globalNames))
                    COMPREPLY=($(compgen -W "$opts" -- "$cur")) ;;
                *)
                    case "$cmd" in

        """
        for node in nodes {
            if node.command.isGroup {
                let names = node.command.visibleSubcommands.map(\.name).joined(separator: " ")
                let reply = "COMPREPLY=($(compgen -W \(CompletionWriter.singleQuoted(names)) -- \"$cur\"))"
                s += "            \(bashLiteral(node.line))) \(reply) ;;\n"
                continue
            }
            let positions = positionalCompletions(node.command)
            if positions.isEmpty { continue }
            s += "            \(bashLiteral(node.line)))\n                case $n in\n"
            for position in positions {
                s += "                    \(position.orLater ? "*" : String(position.position))) \(bashReply(position.completion)) ;;\n"
            }
            s += "                esac ;;\n"
        }
        s += """
                    esac ;;
            esac
            return 0
        }


        """
        s += bashWordsHelper()
        s += bashQuotingHelpers()
        if usesDynamic { s += bashDynamicHelper() }
        s += """
        complete -F \(fn) \(program.name)

        """
        return s
    }

    /// `case` patterns matching "<command> <value-taking option>" for the word walk.
    private func bashValuePatterns() -> [String] {
        var patterns: [String] = []
        for node in nodes {
            for option in node.options where !option.isFlag {
                patterns += CompletionWriter.spellings(option).map { bashLiteral(node.line + " " + $0) }
            }
        }
        for option in globals where !option.isFlag {
            patterns += CompletionWriter.spellings(option).map { "*\" \($0)\"" }
        }
        return patterns
    }

    private func bashValueReply(_ kind: ValueKind) -> String {
        bashReply(completion(for: kind)) + "; return 0"
    }

    private func bashReply(_ completion: ValueCompletion) -> String {
        switch completion {
        case .nothing:
            return "COMPREPLY=()"
        case .files:
            return "compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- \"$cur\"))"
        case .words(let words):
            return "_\(stem)_choices " + words.map(CompletionWriter.singleQuoted).joined(separator: " ")
        case .dynamic(let kind):
            return "_\(stem)_dynamic \(CompletionWriter.singleQuoted(kind))"
        }
    }

    /// A quoted literal `case` pattern.
    private func bashLiteral(_ text: String) -> String { CompletionWriter.singleQuoted(text) }
}
