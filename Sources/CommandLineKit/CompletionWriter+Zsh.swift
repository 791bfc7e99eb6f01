extension CompletionWriter {
    /// The zsh script: an autoloadable `#compdef` function that also registers itself with
    /// `compdef` when sourced.
    func zsh() -> String {
        let fn = "_\(stem)"
        var s = """
        #compdef \(program.name)
        # zsh completion for \(program.name). Generated from the command model; do not edit.
        # Load with: source <(\(program.name) completions zsh), after compinit.

        \(fn)() {
            local cmd=\(CompletionWriter.singleQuoted(program.name)) word cur prev opt
            local -a opts subs
            local -i i=2
            while (( i < CURRENT )); do
                word=${words[i]}
                case "$word" in
                    (--) break ;;
                    (-*=*) ;;
                    (-*)
                        case "$cmd $word" in

        """
        var patterns: [String] = []
        for node in nodes {
            for option in node.options where !option.isFlag {
                patterns += CompletionWriter.spellings(option).map { CompletionWriter.singleQuoted(node.line + " " + $0) }
            }
        }
        for option in globals where !option.isFlag {
            patterns += CompletionWriter.spellings(option).map { "*\" \($0)\"" }
        }
        if !patterns.isEmpty {
            s += "                    (\(patterns.joined(separator: "|"))) (( i++ )) ;;\n"
        }
        s += """
                        esac ;;
                    (*)
                        case "$cmd $word" in

        """
        for node in nodes {
            for sub in node.command.visibleSubcommands {
                let next = node.line + " " + sub.name
                s += "                    (\(CompletionWriter.singleQuoted(next))) cmd=\(CompletionWriter.singleQuoted(next)) ;;\n"
            }
        }
        s += """
                        esac ;;
                esac
                (( i++ ))
            done
            cur=${words[CURRENT]}
            prev=${words[CURRENT-1]}
            opt=$prev
            if [[ $cur == --*=* ]]; then
                # '--opt=val': complete the value after the '='.
                opt=${cur%%=*}
                compset -P '*='
            elif [[ $cur == -* ]]; then
                opt=""
            fi
            case "$cmd $opt" in

        """
        for node in nodes {
            for option in node.options where !option.isFlag {
                let pats = CompletionWriter.spellings(option).map { CompletionWriter.singleQuoted(node.line + " " + $0) }
                s += "        (\(pats.joined(separator: "|"))) \(zshValueReply(option)); return ;;\n"
            }
        }
        for option in globals where !option.isFlag {
            let pats = CompletionWriter.spellings(option).map { "*\" \($0)\"" }
            s += "        (\(pats.joined(separator: "|"))) \(zshValueReply(option)); return ;;\n"
        }
        s += """
            esac
            [[ $cur == --*=* ]] && return 1
            case "$cur" in
                (-*)
                    case "$cmd" in

        """
        for node in nodes {
            s += "            (\(CompletionWriter.singleQuoted(node.line))) opts=(\(zshDescribed(node.options))) ;;\n"
        }
        s += """
                    esac
                    opts+=(\(zshDescribed(globals)))
                    _describe -t options 'option' opts ;;
                (*)
                    case "$cmd" in

        """
        for node in nodes {
            let reply: String
            if node.command.isGroup {
                let items = node.command.visibleSubcommands.map {
                    CompletionWriter.singleQuoted(zshEscapedName($0.name) + ":" + CompletionWriter.summary($0.abstract))
                }
                reply = "subs=(\(items.joined(separator: " "))); _describe -t commands 'command' subs"
            } else {
                let completion = CompletionWriter.positionalCompletion(node.command)
                if completion == .nothing { continue }
                reply = zshReply(completion, message: "argument")
            }
            s += "            (\(CompletionWriter.singleQuoted(node.line))) \(reply) ;;\n"
        }
        s += """
                    esac ;;
            esac
        }

        if [[ "${funcstack[1]}" == "\(fn)" ]]; then
            \(fn) "$@"
        else
            compdef \(fn) \(program.name)
        fi

        """
        return s
    }

    private func zshValueReply(_ option: Option) -> String {
        zshReply(CompletionWriter.completion(for: option.kind), message: option.valueName ?? "value")
    }

    private func zshReply(_ completion: ValueCompletion, message: String) -> String {
        switch completion {
        case .nothing: return "_message \(CompletionWriter.singleQuoted(message))"
        case .files: return "_files"
        case .words(let words): return "compadd -- " + words.map(CompletionWriter.singleQuoted).joined(separator: " ")
        }
    }

    /// `'--name:description' …` items for `_describe`.
    private func zshDescribed(_ options: [Option]) -> String {
        options.map {
            CompletionWriter.singleQuoted(zshEscapedName("--" + $0.long) + ":" + CompletionWriter.summary($0.help))
        }.joined(separator: " ")
    }

    /// `_describe` splits at the first unescaped colon.
    private func zshEscapedName(_ name: String) -> String {
        var out = ""
        for ch in name {
            if ch == ":" { out += "\\" }
            out.append(ch)
        }
        return out
    }
}
