import CommandLineKit
import FolioTestSupport
import Foundation
import Testing

/// `.dynamic` values in the real shells: the generated scripts run a fake `folio` (a shell
/// script standing in for the hidden `__complete` command) and offer what it prints.
@Suite struct DynamicCompletionTests {
    let program = ExampleModel.program

    /// Candidates of the fake completer, by kind: `value<TAB>description`.
    static let candidates: [String: [String]] = [
        "tenants": ["ten_01AAA\tAna Foods", "ten_01BBB\tBob", "ana@example.com\tAna Foods",
                    "o'neil+x*y=z@example.com\tO'Neil Ltd", "odd:colon@example.com"],
        "keys": ["key_01AAA\tdeploy, ana@example.com", "folio_test_AbCd\tdeploy, ana@example.com"],
        "documents": ["doc_01AAA\t001-001-000000042 Consumidor Final"],
    ]

    /// A directory holding the script for `shell` and `folio`, the fake completer: it appends
    /// its arguments to `calls`, prints the candidates of its kind that start with its prefix,
    /// and with FAKE_FAIL set prints an error and fails instead.
    private func workspace(_ shell: Shell) throws -> (dir: String, script: String, exe: String) {
        let dir = ProcessRunner.temporaryDirectory("clk-dynamic")
        let script = "\(dir)/folio.\(shell.rawValue)"
        try program.completionScript(for: shell).write(toFile: script, atomically: true, encoding: .utf8)
        for (kind, lines) in DynamicCompletionTests.candidates {
            try (lines.joined(separator: "\n") + "\n").write(toFile: "\(dir)/\(kind).txt", atomically: true, encoding: .utf8)
        }
        let exe = "\(dir)/folio"
        let fake = """
            #!/bin/sh
            here=$(dirname "$0")
            printf '%s|' "$@" >> "$here/calls"; echo >> "$here/calls"
            if [ -n "$FAKE_FAIL" ]; then echo "error: the store is locked" >&2; exit 9; fi
            while [ "$1" != "__complete" ]; do shift; done
            [ "$3" = "--" ] || exit 0
            [ -f "$here/$2.txt" ] || exit 0
            awk -v p="$4" 'index($0, p) == 1' "$here/$2.txt"
            """
        try fake.write(toFile: exe, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: exe)
        return (dir, script, exe)
    }

    private func calls(_ dir: String) -> [String] {
        ((try? String(contentsOfFile: "\(dir)/calls", encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }

    private func lines(_ text: String) -> [String] {
        text.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
    }

    // MARK: bash

    private func environment(_ space: (dir: String, script: String, exe: String), _ extra: [String: String]) -> [String: String] {
        var env = ["PATH": "/usr/bin:/bin", "HOME": space.dir]
        for (k, v) in extra { env[k] = v }
        return env
    }

    /// COMPREPLY for `line` (after the program word) split into `pieces` the way bash splits it.
    private func bash(_ line: String, _ pieces: [String], in space: (dir: String, script: String, exe: String),
                      environment extra: [String: String] = [:]) throws -> [String] {
        let result = try CompletionShells.bash(script: space.script, line: space.exe + line, pieces: [space.exe] + pieces,
                                               environment: environment(space, extra), directory: space.dir)
        #expect(result.status == 0, "bash: \(result.stderr)")
        #expect(result.stderr.isEmpty, "bash: \(result.stderr)")
        return lines(result.stdout)
    }

    @Test(.enabled(if: ExternalTool.shouldRun("bash"), "needs bash"))
    func bashAsksTheProgram() throws {
        let space = try workspace(.bash)
        defer { try? FileManager.default.removeItem(atPath: space.dir) }
        // Values are inserted quoted as bash reads them back.
        #expect(try bash(" tenants show ", ["tenants", "show", ""], in: space)
                == ["ten_01AAA", "ten_01BBB", "ana@example.com", "o\\'neil+x\\*y=z@example.com", "odd:colon@example.com"])
        #expect(calls(space.dir).last == "__complete|tenants|--||")
        #expect(try bash(" tenants show o", ["tenants", "show", "o"], in: space)
                == ["o\\'neil+x\\*y=z@example.com", "odd:colon@example.com"])
        // Typed with its escapes and split at '=' and '@': the prefix asked for is the whole word
        // unquoted, and the reply replaces only what readline replaces ('@' and after).
        #expect(try bash(" tenants show o\\'neil+x\\*y=z@exa", ["tenants", "show", "o\\'neil+x\\*y", "=", "z", "@", "exa"],
                         in: space) == ["@example.com"])
        #expect(calls(space.dir).last == "__complete|tenants|--|o'neil+x*y=z@exa|")
        #expect(try bash(" tenants show odd:c", ["tenants", "show", "odd", ":", "c"], in: space) == ["colon@example.com"])
        // A word opened with a quote gets the value escaped for inside that quote.
        #expect(try bash(" tenants show 'o", ["tenants", "show", "'o"], in: space)
                == ["o'\\''neil+x*y=z@example.com", "odd:colon@example.com"])
        #expect(try bash(" tenants show \"o", ["tenants", "show", "\"o"], in: space)
                == ["o'neil+x*y=z@example.com", "odd:colon@example.com"])
        // Option values, '--opt value' and '--opt=value'.
        #expect(try bash(" keys mint --tenant an", ["keys", "mint", "--tenant", "an"], in: space) == ["ana@example.com"])
        #expect(try bash(" keys mint --tenant=an", ["keys", "mint", "--tenant", "=", "an"], in: space) == ["ana@example.com"])
        #expect(try bash(" keys mint --tenant=", ["keys", "mint", "--tenant", "="], in: space).count == 5)
        // Each positional by its own kind; a repeated last one at every later position.
        #expect(try bash(" documents show ", ["documents", "show", ""], in: space) == ["doc_01AAA"])
        #expect(try bash(" documents show doc_01AAA ", ["documents", "show", "doc_01AAA", ""], in: space) == ["xml", "pdf"])
        #expect(try bash(" documents show doc_01AAA xml ", ["documents", "show", "doc_01AAA", "xml", ""], in: space) == [])
        #expect(try bash(" keys revoke key_01AAA f", ["keys", "revoke", "key_01AAA", "f"], in: space) == ["folio_test_AbCd"])
        // The store on the command line is passed along, unquoted and with ~ expanded.
        _ = try bash(" --store ~/st tenants show a", ["--store", "~/st", "tenants", "show", "a"], in: space)
        #expect(calls(space.dir).last == "--store|\(space.dir)/st|__complete|tenants|--|a|")
        _ = try bash(" --store='my store' tenants show a", ["--store", "=", "'my store'", "tenants", "show", "a"], in: space)
        #expect(calls(space.dir).last == "--store|my store|__complete|tenants|--|a|")
        // A failing program shows nothing, and nothing of its error.
        #expect(try bash(" tenants show a", ["tenants", "show", "a"], in: space, environment: ["FAKE_FAIL": "1"]) == [])
        // Not asked where the position is not dynamic.
        let before = calls(space.dir).count
        #expect(try bash(" tenants list --tier s", ["tenants", "list", "--tier", "s"], in: space) == ["starter"])
        #expect(calls(space.dir).count == before)
    }

    // MARK: zsh

    private func zsh(_ words: [String], in space: (dir: String, script: String, exe: String),
                     environment extra: [String: String] = [:]) throws -> [String] {
        let result = try CompletionShells.zsh(script: space.script, words: [space.exe] + words,
                                              environment: environment(space, extra), directory: space.dir)
        #expect(result.stderr.isEmpty, "zsh: \(result.stderr)")
        return lines(result.stdout)
    }

    @Test(.enabled(if: ExternalTool.shouldRun("zsh"), "needs zsh"))
    func zshAsksTheProgram() throws {
        let space = try workspace(.zsh)
        defer { try? FileManager.default.removeItem(atPath: space.dir) }
        #expect(try zsh(["tenants", "show", ""], in: space) == [
            "ten_01AAA\tAna Foods", "ten_01BBB\tBob", "ana@example.com\tAna Foods",
            "o'neil+x*y=z@example.com\tO'Neil Ltd", "odd:colon@example.com",
        ])
        #expect(try zsh(["tenants", "show", "o\\'n"], in: space) == ["o'neil+x*y=z@example.com\tO'Neil Ltd"])
        #expect(calls(space.dir).last == "__complete|tenants|--|o'n|")
        #expect(try zsh(["keys", "mint", "--tenant=an"], in: space) == ["ana@example.com\tAna Foods"])
        #expect(try zsh(["keys", "mint", "--tenant", "ten_01B"], in: space) == ["ten_01BBB\tBob"])
        #expect(try zsh(["documents", "show", "doc_01AAA", ""], in: space) == ["xml", "pdf"])
        #expect(try zsh(["keys", "revoke", "key_01AAA", "folio"], in: space) == ["folio_test_AbCd\tdeploy, ana@example.com"])
        _ = try zsh(["--store=~/st", "tenants", "show", "a"], in: space)
        #expect(calls(space.dir).last == "--store|\(space.dir)/st|__complete|tenants|--|a|")
        _ = try zsh(["--store", "'my store'", "tenants", "show", "a"], in: space)
        #expect(calls(space.dir).last == "--store|my store|__complete|tenants|--|a|")
        #expect(try zsh(["tenants", "show", "a"], in: space, environment: ["FAKE_FAIL": "1"]) == [])
    }

    // MARK: fish

    private func fish(_ line: String, in space: (dir: String, script: String, exe: String),
                      environment extra: [String: String] = [:]) throws -> [String] {
        let result = try CompletionShells.fish(script: space.script, line: space.exe + line,
                                               environment: environment(space, extra), directory: space.dir)
        #expect(result.status == 0, "fish: \(result.stderr)")
        #expect(result.stderr.isEmpty, "fish: \(result.stderr)")
        return lines(result.stdout)
    }

    @Test(.enabled(if: ExternalTool.shouldRun("fish"), "needs fish"))
    func fishAsksTheProgram() throws {
        let space = try workspace(.fish)
        defer { try? FileManager.default.removeItem(atPath: space.dir) }
        // fish sorts candidates itself.
        #expect(try fish(" tenants show ", in: space).sorted() == [
            "ana@example.com\tAna Foods", "o'neil+x*y=z@example.com\tO'Neil Ltd", "odd:colon@example.com",
            "ten_01AAA\tAna Foods", "ten_01BBB\tBob",
        ])
        #expect(try fish(" tenants show o\\'n", in: space) == ["o'neil+x*y=z@example.com\tO'Neil Ltd"])
        #expect(calls(space.dir).last == "__complete|tenants|--|o'n|")
        #expect(try fish(" keys mint --tenant=an", in: space) == ["--tenant=ana@example.com\tAna Foods"])
        #expect(try fish(" keys mint --tenant ten_01B", in: space) == ["ten_01BBB\tBob"])
        #expect(try fish(" documents show doc_01AAA ", in: space).sorted() == ["pdf", "xml"])
        #expect(try fish(" keys revoke key_01AAA folio", in: space) == ["folio_test_AbCd\tdeploy, ana@example.com"])
        _ = try fish(" --store ~/st tenants show a", in: space)
        #expect(calls(space.dir).last == "--store|\(space.dir)/st|__complete|tenants|--|a|")
        _ = try fish(" --store='my store' tenants show a", in: space)
        #expect(calls(space.dir).last == "--store|my store|__complete|tenants|--|a|")
        #expect(try fish(" tenants show a", in: space, environment: ["FAKE_FAIL": "1"]) == [])
    }
}
