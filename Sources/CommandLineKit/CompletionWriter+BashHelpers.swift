extension CompletionWriter {
    /// `_<name>_words`: bash splits COMP_WORDS at the characters of COMP_WORDBREAKS (`=`, `:`,
    /// `@`…), so `ana@example.com` arrives as three words and `--opt=val` as three. This puts
    /// the pieces back together where COMP_LINE has no blank between them, into the caller's
    /// `words` and `cword`; without COMP_LINE (a test calling the function), around pieces made
    /// only of `=`, `:` and `@`.
    func bashWordsHelper() -> String {
        #"""
        _\#(stem)_words() {
            local j piece last="" glue pos=0 line=${COMP_LINE-}
            words=()
            cword=0
            for (( j = 0; j <= COMP_CWORD && j < ${#COMP_WORDS[@]}; j++ )); do
                piece=${COMP_WORDS[j]}
                glue=0
                if [ -n "${COMP_LINE+set}" ]; then
                    glue=1
                    while [ "$pos" -lt "${#line}" ] && [[ ${line:pos:1} == [[:space:]] ]]; do
                        pos=$((pos + 1))
                        glue=0
                    done
                    pos=$((pos + ${#piece}))
                elif [[ -n $piece && -z ${piece//[=:@]/} ]] || [[ -n $last && -z ${last//[=:@]/} ]]; then
                    glue=1
                fi
                if [ "$j" -gt 0 ] && [ "$glue" = 1 ]; then
                    words[${#words[@]}-1]+=$piece
                else
                    words+=("$piece")
                fi
                last=$piece
            done
            cword=$(( ${#words[@]} - 1 ))
        }


        """#
    }

    /// `_<name>_dequote WORD` undoes one level of quoting of a typed word, and a leading `~/`, into
    /// REPLY. `_<name>_offer VALUE…` puts values into COMPREPLY for readline, which inserts them
    /// as they are and replaces only the piece after the word's last COMP_WORDBREAKS character
    /// (an `@` before it included): so each value is quoted the way the word began (`printf %q`,
    /// which escapes `*` so that it never globs; or, for a word opened with a quote, escaped for
    /// inside that quote, which readline closes) and loses what precedes that piece
    /// (`documents:` of `documents:*`, since `:` is a break character). `_<name>_choices WORD…`
    /// offers the fixed words that start with the typed word, unquoted; `compgen -W` is not
    /// used, since it expands its words: `*` would offer the files of the current directory.
    func bashQuotingHelpers() -> String {
        #"""
        _\#(stem)_dequote() {
            REPLY=$1
            case "$REPLY" in
                \'*) REPLY=${REPLY#\'}; REPLY=${REPLY%\'} ;;
                \"*) REPLY=${REPLY#\"}; REPLY=${REPLY%\"} ;;
                *)
                    REPLY=${REPLY//\\/}
                    case "$REPLY" in \~/*) REPLY=$HOME/${REPLY#\~/} ;; esac ;;
            esac
        }

        _\#(stem)_offer() {
            local piece lead before value q quote=""
            # What readline replaces: the last piece, or nothing after a break character, but
            # with an '@' before it kept (bash's rl_special_prefixes).
            piece=${COMP_WORDS[COMP_CWORD]}
            if [[ -n $piece && -z ${piece//[${COMP_WORDBREAKS-=:@}]/} ]]; then
                piece=${piece##*[!@]}
            else
                before=${words[cword]%"$piece"}
                piece=${before##*[!@]}$piece
            fi
            lead=${words[cword]%"$cur"}
            before=${words[cword]%"$piece"}
            case "$cur" in \'*) quote=\' ;; \"*) quote=\" ;; esac
            COMPREPLY=()
            for value in "$@"; do
                case "$quote" in
                    \') COMPREPLY+=("${value//\'/\'\\\'\'}") ;;
                    \")
                        q=${value//\\/\\\\}
                        q=${q//\"/\\\"}
                        q=${q//\$/\\\$}
                        COMPREPLY+=("${q//\`/\\\`}") ;;
                    *)
                        printf -v q '%q' "$value"
                        q=$lead$q
                        case "$q" in "$before"*) COMPREPLY+=("${q#"$before"}") ;; esac ;;
                esac
            done
        }

        _\#(stem)_choices() {
            local value
            local -a matches=()
            _\#(stem)_dequote "$cur"
            for value in "$@"; do
                case "$value" in "$REPLY"*) matches+=("$value") ;; esac
            done
            _\#(stem)_offer "${matches[@]}"
        }


        """#
    }

    /// `_<name>_dynamic KIND`: runs `<command word> [forwarded options] __complete KIND --
    /// PREFIX` and offers its values (`_<name>_offer`) as they come: the program has matched
    /// them against the prefix already.
    func bashDynamicHelper() -> String {
        guard let dynamic = program.dynamicCompletion else { return "" }
        var forward = ""
        for option in forwardedOptions {
            let name = CompletionWriter.singleQuoted("--" + option.long)
            forward += "            \(CompletionWriter.spellings(option).joined(separator: "|")))\n"
            forward += "                k=$((k + 1))\n"
            forward += "                if [ \"$k\" -lt \"$cword\" ]; then \(stemFunction("dequote")) \"${words[k]}\"; fwd+=(\(name) \"$REPLY\"); fi ;;\n"
            forward += "            --\(option.long)=*) \(stemFunction("dequote")) \"${words[k]#*=}\"; fwd+=(\(name) \"$REPLY\") ;;\n"
        }
        return #"""
        _\#(stem)_dynamic() {
            local kind=$1 line value k=1 exe
            local -a fwd=() values=()
            while [ "$k" -lt "$cword" ]; do
                case "${words[k]}" in
                    --) break ;;
        \#(forward)        esac
                k=$((k + 1))
            done
            _\#(stem)_dequote "${COMP_WORDS[0]}"
            exe=$REPLY
            _\#(stem)_dequote "$cur"
            while IFS= read -r line; do
                value=${line%%$'\t'*}
                [ -n "$value" ] && values+=("$value")
            done < <("$exe" "${fwd[@]}" \#(CompletionWriter.singleQuoted(dynamic.command)) "$kind" -- "$REPLY" 2>/dev/null)
            _\#(stem)_offer "${values[@]}"
        }


        """#
    }

    private func stemFunction(_ suffix: String) -> String { "_\(stem)_\(suffix)" }
}
