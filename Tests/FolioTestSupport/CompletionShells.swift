import Foundation

/// Runs a generated completion script in the real bash, zsh or fish, the way each shell calls
/// it on <TAB>, and returns what it offered (shared by the CommandLineKit and end-to-end tests).
public enum CompletionShells {
    /// Sources `script` in `bash --norc` and calls `_folio` with COMP_WORDS = `pieces` (split the
    /// way bash splits the line: at blanks and at COMP_WORDBREAKS characters such as '=', ':' and
    /// '@'), COMP_LINE = `line` and the cursor at its end. stdout: COMPREPLY, one per line.
    public static func bash(script: String, line: String, pieces: [String], environment: [String: String],
                            directory: String) throws -> ProcessResult {
        let harness = """
            source "$1" || exit 3; shift
            complete -p folio >/dev/null || exit 4
            COMP_LINE=$1; COMP_POINT=${#COMP_LINE}; shift
            COMP_WORDS=("$@"); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
            _folio; printf '%s\\n' "${COMPREPLY[@]}"
            """
        return try ProcessRunner.run([ExternalTool.path("bash") ?? "/bin/bash", "--norc", "--noprofile", "-c", harness,
                                      "harness", script, line] + pieces,
                                     environment: environment, currentDirectory: directory)
    }

    /// Sources `script` in `zsh -f` and calls `_folio` with `words` and CURRENT at the last word,
    /// the completion builtins replaced by stubs that print what they are given, filtered by
    /// PREFIX as the completion system would (unquoted, for `_describe`): `_describe` items as `value<TAB>description`
    /// (`\:` in a value unescaped), `compadd` words as they are, `_files` the matching files.
    public static func zsh(script: String, words: [String], environment: [String: String],
                           directory: String) throws -> ProcessResult {
        let harness = """
            compdef() { :; }
            source "$1" || exit 3; shift
            compadd() { while [[ $# -gt 0 && $1 != -- ]]; do shift; done; shift; print -rl -- ${(M)@:#${PREFIX}*}; }
            compset() { [[ $1 == -P ]] && PREFIX=${PREFIX#*=}; }
            _describe() {
                local -a stubItems; local item name
                stubItems=("${(@P)${@[-1]}}")
                for item in $stubItems; do
                    name=${item//\\\\:/$'\\1'}; name=${name%%:*}; name=${name//$'\\1'/:}
                    [[ $name == ${(Q)PREFIX}* ]] || continue
                    if [[ ${item//\\\\:/} == *:* ]]; then print -r -- "$name"$'\\t'"${item#*[^\\\\]:}"; else print -r -- "$name"; fi
                done
            }
            _files() { print -rl -- ${PREFIX}*(N); }
            _message() { :; }
            words=("$@"); CURRENT=$#; PREFIX=${words[CURRENT]}
            _folio
            """
        return try ProcessRunner.run([ExternalTool.path("zsh") ?? "/bin/zsh", "-f", "-c", harness, "harness", script] + words,
                                     environment: environment, currentDirectory: directory)
    }

    /// `complete -C line` in a config-free fish that sourced `script`: one candidate per line,
    /// `value<TAB>description` where there is a description.
    public static func fish(script: String, line: String, environment: [String: String],
                            directory: String) throws -> ProcessResult {
        try ProcessRunner.run([ExternalTool.path("fish") ?? "/usr/bin/fish", "--no-config", "-c",
                               "source $argv[1]; and complete -C $argv[2]", script, line],
                              environment: environment, currentDirectory: directory)
    }
}
