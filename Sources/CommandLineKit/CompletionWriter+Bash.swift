extension CompletionWriter {
    /// The bash script: one function `_<name>` registered with `complete -F`.
    func bash() -> String {
        let fn = "_\(stem)"
        var s = """
        # bash completion for \(program.name). Generated from the command model; do not edit.
        # Load with: source <(\(program.name) completions bash)

        \(fn)() {
            local cur prev cmd word opts i
            cur="${COMP_WORDS[COMP_CWORD]}"
            prev=""
            if [ "$COMP_CWORD" -ge 1 ]; then prev="${COMP_WORDS[COMP_CWORD-1]}"; fi
            # With '=' in COMP_WORDBREAKS, '--opt=val' arrives as '--opt' '=' 'val'.
            if [ "$cur" = "=" ]; then
                cur=""
            elif [ "$prev" = "=" ] && [ "$COMP_CWORD" -ge 2 ]; then
                prev="${COMP_WORDS[COMP_CWORD-2]}"
            fi
            cmd=\(CompletionWriter.singleQuoted(program.name))
            i=1
            while [ "$i" -lt "$COMP_CWORD" ]; do
                word="${COMP_WORDS[i]}"
                case "$word" in
                    --) break ;;
                    -*=*) ;;
                    -*)
                        case "$cmd $word" in

        """
        let valuePatterns = bashValuePatterns()
        if !valuePatterns.isEmpty {
            s += "                    \(valuePatterns.joined(separator: "|")))\n"
            s += "                        i=$((i + 1))\n"
            s += "                        if [ \"${COMP_WORDS[i]}\" = \"=\" ]; then i=$((i + 1)); fi ;;\n"
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
            let reply: String
            if node.command.isGroup {
                let names = node.command.visibleSubcommands.map(\.name).joined(separator: " ")
                reply = "COMPREPLY=($(compgen -W \(CompletionWriter.singleQuoted(names)) -- \"$cur\"))"
            } else {
                let completion = CompletionWriter.positionalCompletion(node.command)
                if completion == .nothing { continue }
                reply = bashReply(completion)
            }
            s += "            \(bashLiteral(node.line))) \(reply) ;;\n"
        }
        s += """
                    esac ;;
            esac
            return 0
        }

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
        bashReply(CompletionWriter.completion(for: kind)) + "; return 0"
    }

    private func bashReply(_ completion: ValueCompletion) -> String {
        switch completion {
        case .nothing:
            return "COMPREPLY=()"
        case .files:
            return "compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- \"$cur\"))"
        case .words(let words):
            let list = CompletionWriter.singleQuoted(words.joined(separator: " "))
            return "COMPREPLY=($(compgen -W \(list) -- \"$cur\"))"
        }
    }

    /// A quoted literal `case` pattern.
    private func bashLiteral(_ text: String) -> String { CompletionWriter.singleQuoted(text) }
}
