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
            local -i i=2 n=0
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
        s += "                    (*) (( n++ )) ;;\n"
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
            if node.command.isGroup {
                let items = node.command.visibleSubcommands.map {
                    CompletionWriter.singleQuoted(zshEscapedName($0.name) + ":" + CompletionWriter.summary($0.abstract))
                }
                let reply = "subs=(\(items.joined(separator: " "))); _describe -t commands 'command' subs"
                s += "            (\(CompletionWriter.singleQuoted(node.line))) \(reply) ;;\n"
                continue
            }
            let positions = positionalCompletions(node.command)
            if positions.isEmpty { continue }
            s += "            (\(CompletionWriter.singleQuoted(node.line)))\n                case $n in\n"
            for position in positions {
                let reply = zshReply(position.completion, message: node.command.arguments[position.position].name)
                s += "                    (\(position.orLater ? "*" : String(position.position))) \(reply) ;;\n"
            }
            s += "                esac ;;\n"
        }
        s += """
                    esac ;;
            esac
        }


        """
        if usesDynamic { s += zshDynamicHelper() }
        s += """
        if [[ "${funcstack[1]}" == "\(fn)" ]]; then
            \(fn) "$@"
        else
            compdef \(fn) \(program.name)
        fi

        """
        return s
    }

    private func zshValueReply(_ option: Option) -> String {
        zshReply(completion(for: option.kind), message: option.valueName ?? "value")
    }

    private func zshReply(_ completion: ValueCompletion, message: String) -> String {
        switch completion {
        case .nothing: return "_message \(CompletionWriter.singleQuoted(message))"
        case .files: return "_files"
        case .words(let words): return "compadd -- " + words.map(CompletionWriter.singleQuoted).joined(separator: " ")
        case .dynamic(let kind): return "_\(stem)_dynamic \(CompletionWriter.singleQuoted(kind)) \(CompletionWriter.singleQuoted(message))"
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

    /// `_<name>_dynamic KIND MESSAGE`: runs `<command word> [forwarded options] __complete KIND --
    /// PREFIX` and hands `value:description` items to `_describe`, which quotes what it inserts.
    /// Words are dequoted with `(Q)`; a leading `~/` becomes `$HOME/`.
    private func zshDynamicHelper() -> String {
        guard let dynamic = program.dynamicCompletion else { return "" }
        var forward = ""
        for option in forwardedOptions {
            let name = CompletionWriter.singleQuoted("--" + option.long)
            let spellings = CompletionWriter.spellings(option)
            forward += "            (\(spellings.joined(separator: "|"))) (( k++ )); (( k < CURRENT )) && fwd+=(\(name) "
            forward += "\"${${(Q)words[k]}/#\\~\\//$HOME/}\") ;;\n"
            forward += "            (--\(option.long)=*) fwd+=(\(name) \"${${(Q)words[k]#*=}/#\\~\\//$HOME/}\") ;;\n"
        }
        return """
        _\(stem)_dynamic() {
            local kind=$1 message=$2 line value exe=${${(Q)words[1]}/#\\~\\//$HOME/}
            local -a fwd out items
            local -i k=2
            while (( k < CURRENT )); do
                case "${words[k]}" in
                    (--) break ;;
        \(forward)        esac
                (( k++ ))
            done
            out=("${(@f)$("$exe" "${fwd[@]}" \(CompletionWriter.singleQuoted(dynamic.command)) "$kind" -- "${(Q)PREFIX}" 2>/dev/null)}")
            for line in "${out[@]}"; do
                value=${line%%$'\\t'*}
                [[ -n $value ]] || continue
                value=${value//:/\\\\:}
                if [[ $line == *$'\\t'* ]]; then items+=("$value:${line#*$'\\t'}"); else items+=("$value"); fi
            done
            (( ${#items} )) || { _message "$message"; return 1; }
            _describe -t "$kind" "$message" items
        }


        """
    }
}
