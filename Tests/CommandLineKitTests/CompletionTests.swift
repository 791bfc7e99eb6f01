import CommandLineKit
import FolioTestSupport
import Foundation
import Testing

/// Runs the generated completion scripts in the real shells and checks what they offer.
@Suite struct CompletionTests {
    let program = ExampleModel.program

    /// A temporary directory holding the script and two files for file completion.
    private func workspace(_ shell: Shell) throws -> (dir: String, script: String) {
        let dir = ProcessRunner.temporaryDirectory("clk-completion")
        let script = "\(dir)/folio.\(shell.rawValue)"
        try program.completionScript(for: shell).write(toFile: script, atomically: true, encoding: .utf8)
        for name in ["alpha.p12", "beta.txt"] {
            FileManager.default.createFile(atPath: "\(dir)/\(name)", contents: Data())
        }
        return (dir, script)
    }

    private func lines(_ text: String) -> [String] {
        text.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
    }

    // MARK: bash

    /// Sources the script, sets COMP_WORDS/COMP_CWORD (the last word is the one completed),
    /// calls `_folio` and returns COMPREPLY.
    private func bash(_ words: [String], in space: (dir: String, script: String)) throws -> [String] {
        let harness = """
            source "$1" || exit 3; shift
            complete -p folio >/dev/null || exit 4
            COMP_WORDS=("$@"); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
            _folio; printf '%s\\n' "${COMPREPLY[@]}"
            """
        let result = try ProcessRunner.run([ExternalTool.path("bash") ?? "/bin/bash", "--norc", "--noprofile",
                                            "-c", harness, "harness", space.script] + words,
                                           currentDirectory: space.dir)
        #expect(result.status == 0, "bash: \(result.stderr)")
        #expect(result.stderr.isEmpty, "bash: \(result.stderr)")
        return lines(result.stdout)
    }

    @Test(.enabled(if: ExternalTool.shouldRun("bash"), "needs bash"))
    func bashCompletes() throws {
        let space = try workspace(.bash)
        defer { try? FileManager.default.removeItem(atPath: space.dir) }
        #expect(try bash(["folio", "ten"], in: space) == ["tenants"])
        #expect(try bash(["folio", ""], in: space) == ["tenants", "keys", "issuers", "store", "documents", "init"])
        #expect(try bash(["folio", "tenants", ""], in: space) == ["register", "list", "show"])
        #expect(try bash(["folio", "-o", "json", "issuers", "cert", "g"], in: space) == ["generate"])
        #expect(try bash(["folio", "tenants", "list", "-o", ""], in: space) == ["table", "json", "jsonl", "csv", "id"])
        #expect(try bash(["folio", "tenants", "list", "--output", "js"], in: space) == ["json", "jsonl"])
        // bash splits '--output=js' into '--output' '=' 'js'.
        #expect(try bash(["folio", "tenants", "list", "--output", "=", "js"], in: space) == ["json", "jsonl"])
        #expect(try bash(["folio", "tenants", "register", "--tier", "s"], in: space) == ["starter"])
        let options = try bash(["folio", "keys", "mint", "--"], in: space)
        #expect(options.contains("--scope") && options.contains("--tenant") && options.contains("--output"))
        #expect(!options.contains("--trace"))
        #expect(!options.contains("--tier"))
        #expect(try bash(["folio", "store", "backup", "al"], in: space) == ["alpha.p12"])
        #expect(try bash(["folio", "--store", "be"], in: space) == ["beta.txt"])
        // The value of --tenant is skipped, not taken for a command word.
        #expect(try bash(["folio", "keys", "mint", "--tenant", "tenants", "--sc"], in: space) == ["--scope"])
        #expect(try bash(["folio", "tenants", "pu"], in: space) == [])
    }

    /// Choices holding `*` and `:` (the scopes of `keys mint`): offered whole, never as the
    /// files that `*` would glob to, and quoted so that bash reads back the value itself.
    @Test(.enabled(if: ExternalTool.shouldRun("bash"), "needs bash"))
    func bashQuotesWildcardChoices() throws {
        let space = try workspace(.bash)
        defer { try? FileManager.default.removeItem(atPath: space.dir) }
        #expect(try bash(["folio", "keys", "mint", "--scope", ""], in: space)
                == ExampleModel.scopes.map { $0.replacingOccurrences(of: "*", with: "\\*") })
        let documents = ["documents:\\*", "documents:read", "documents:write"]
        #expect(try bash(["folio", "keys", "mint", "-s", "doc"], in: space) == documents)
        #expect(try bash(["folio", "keys", "mint", "--scope", "\\*"], in: space) == ["\\*"])
        // bash splits 'documents:' at the colon; readline replaces only what follows it.
        #expect(try bash(["folio", "keys", "mint", "--scope", "documents", ":"], in: space) == ["\\*", "read", "write"])
        #expect(try bash(["folio", "keys", "mint", "--scope", "documents", ":", "r"], in: space) == ["read"])
        #expect(try bash(["folio", "keys", "mint", "--scope", "=", "doc"], in: space) == documents)
        // Inside an opened quote the value goes as it is; readline closes the quote.
        #expect(try bash(["folio", "keys", "mint", "--scope", "'doc"], in: space)
                == ["documents:*", "documents:read", "documents:write"])
        // Positional choices take the same way.
        #expect(try bash(["folio", "documents", "show", "doc_1", "x"], in: space) == ["xml"])
    }

    // MARK: zsh

    /// `zsh -f`: the script loads under the real compinit and registers `_folio`; then, with
    /// the completion builtins replaced by printing stubs, `_folio` is called with `words` and
    /// `CURRENT` set, and the candidates it passes on are returned (filtered by the prefix the
    /// way the completion system would).
    private func zsh(_ words: [String], in space: (dir: String, script: String)) throws -> [String] {
        let harness = """
            compdef() { :; }
            source "$1" || exit 3; shift
            compadd() { while [[ $# -gt 0 && $1 != -- ]]; do shift; done; shift; print -rl -- ${(M)@:#${PREFIX}*}; }
            compset() { [[ $1 == -P ]] && PREFIX=${PREFIX#*=}; }
            _describe() { local -a items; items=(${(P)${@[-1]}}); items=(${items%%:*}); print -rl -- ${(M)items:#${PREFIX}*}; }
            _files() { print -rl -- ${PREFIX}*(N); }
            _message() { :; }
            words=("$@"); CURRENT=$#; PREFIX=${words[CURRENT]}
            _folio
            """
        let result = try ProcessRunner.run([ExternalTool.path("zsh") ?? "/bin/zsh", "-f", "-c", harness, "harness",
                                            space.script] + words, currentDirectory: space.dir)
        #expect(result.stderr.isEmpty, "zsh: \(result.stderr)")
        return lines(result.stdout)
    }

    @Test(.enabled(if: ExternalTool.shouldRun("zsh"), "needs zsh"))
    func zshCompletes() throws {
        let space = try workspace(.zsh)
        defer { try? FileManager.default.removeItem(atPath: space.dir) }
        let zshPath = ExternalTool.path("zsh") ?? "/bin/zsh"
        let syntax = try ProcessRunner.run([zshPath, "-n", space.script])
        #expect(syntax.status == 0, "zsh -n: \(syntax.stderr)")
        // Under the real completion system the function loads and is bound to `folio`.
        let load = try ProcessRunner.run([zshPath, "-f", "-c",
            "autoload -U compinit && compinit -u -D && source \"$1\" && print -r -- $_comps[folio] && whence -w _folio",
            "load", space.script], currentDirectory: space.dir)
        #expect(load.status == 0, "zsh load: \(load.stderr)")
        #expect(load.stdout == "_folio\n_folio: function\n")

        #expect(try zsh(["folio", "ten"], in: space) == ["tenants"])
        #expect(try zsh(["folio", "tenants", ""], in: space) == ["register", "list", "show"])
        #expect(try zsh(["folio", "-o", "json", "issuers", "cert", ""], in: space) == ["generate", "import"])
        #expect(try zsh(["folio", "tenants", "list", "-o", ""], in: space) == ["table", "json", "jsonl", "csv", "id"])
        #expect(try zsh(["folio", "tenants", "list", "--output=js"], in: space) == ["json", "jsonl"])
        let options = try zsh(["folio", "keys", "mint", "--"], in: space)
        #expect(options.contains("--scope") && options.contains("--output") && options.contains("--help"))
        #expect(!options.contains("--trace"))
        #expect(try zsh(["folio", "issuers", "cert", "import", "al"], in: space) == ["alpha.p12"])
        #expect(try zsh(["folio", "keys", "mint", "--tenant", "tenants", "--sc"], in: space) == ["--scope"])
    }

    @Test(.enabled(if: ExternalTool.shouldRun("zsh"), "needs zsh"))
    func zshOffersWildcardChoicesWhole() throws {
        let space = try workspace(.zsh)
        defer { try? FileManager.default.removeItem(atPath: space.dir) }
        // compadd gets the words literally (it quotes what it inserts itself): no file names.
        #expect(try zsh(["folio", "keys", "mint", "--scope", ""], in: space) == ExampleModel.scopes)
        let documents = ["documents:*", "documents:read", "documents:write"]
        #expect(try zsh(["folio", "keys", "mint", "--scope", "doc"], in: space) == documents)
        #expect(try zsh(["folio", "keys", "mint", "--scope=documents:"], in: space) == documents)
    }

    // MARK: fish

    /// `complete -C` in a config-free fish: the candidates (text before the tab).
    private func fish(_ line: String, in space: (dir: String, script: String)) throws -> [String] {
        let result = try ProcessRunner.run([ExternalTool.path("fish") ?? "/usr/bin/fish", "--no-config", "-c",
                                            "source $argv[1]; and complete -C $argv[2]", space.script, line],
                                           currentDirectory: space.dir)
        #expect(result.status == 0, "fish: \(result.stderr)")
        #expect(result.stderr.isEmpty, "fish: \(result.stderr)")
        return lines(result.stdout).map { String($0.split(separator: "\t", maxSplits: 1).first ?? "") }
    }

    @Test(.enabled(if: ExternalTool.shouldRun("fish"), "needs fish"))
    func fishCompletes() throws {
        let space = try workspace(.fish)
        defer { try? FileManager.default.removeItem(atPath: space.dir) }
        #expect(try fish("folio ten", in: space) == ["tenants"])
        // fish sorts candidates itself.
        #expect(try fish("folio tenants ", in: space).sorted() == ["list", "register", "show"])
        #expect(try fish("folio -o json issuers cert g", in: space) == ["generate"])
        #expect(try fish("folio tenants list -o ", in: space).sorted() == ["csv", "id", "json", "jsonl", "table"])
        #expect(try fish("folio tenants register --tier s", in: space) == ["starter"])
        let options = try fish("folio keys mint --", in: space)
        #expect(options.contains("--scope") && options.contains("--output") && options.contains("--help"))
        #expect(!options.contains("--trace") && !options.contains("--tier"))
        #expect(try fish("folio store backup al", in: space) == ["alpha.p12"])
        #expect(try fish("folio keys mint --tenant tenants --sc", in: space) == ["--scope"])
        #expect(try fish("folio tenants pu", in: space) == [])
    }

    @Test(.enabled(if: ExternalTool.shouldRun("fish"), "needs fish"))
    func fishOffersWildcardChoicesWhole() throws {
        let space = try workspace(.fish)
        defer { try? FileManager.default.removeItem(atPath: space.dir) }
        // fish expands the words of -a: unquoted, '*' gave the files and 'documents:*' nothing.
        #expect(try fish("folio keys mint --scope ", in: space).sorted() == ExampleModel.scopes.sorted())
        #expect(try fish("folio keys mint --scope documents:", in: space).sorted()
                == ["documents:*", "documents:read", "documents:write"])
        #expect(try fish("folio keys mint -s ", in: space).sorted() == ExampleModel.scopes.sorted())
        #expect(try fish("folio documents show doc_1 ", in: space).sorted() == ["pdf", "xml"])
    }
}
