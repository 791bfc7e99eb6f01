import Foundation
import Testing
import FolioTestSupport

/// folio's own completion scripts (`folio completions SHELL`) in the real bash, zsh and fish,
/// completing ids and e-mails from a real store through the built binary.
@Suite struct ShellCompletionTests {
    /// The script for `shell` in a fresh directory.
    private func script(_ shell: String, _ folio: FolioHarness) throws -> (dir: String, path: String) {
        let dir = ProcessRunner.temporaryDirectory("folio-shell")
        let result = try folio.run(["completions", shell])
        try #require(result.status == 0, "\(result.stderr)")
        let path = dir + "/folio." + shell
        try result.stdout.write(toFile: path, atomically: true, encoding: .utf8)
        return (dir, path)
    }

    private func lines(_ result: ProcessResult, _ shell: String) -> [String] {
        #expect(result.stderr.isEmpty, "\(shell): \(result.stderr)")
        return result.stdout.split(separator: "\n").map(String.init)
    }

    private func values(_ lines: [String]) -> [String] {
        lines.map { String($0.split(separator: "\t", maxSplits: 1).first ?? "") }
    }

    @Test(.enabled(if: ExternalTool.shouldRun("bash"), "needs bash"))
    func bash() throws {
        let (folio, ids) = try CompletionCommandTests.populated()
        let (dir, path) = try script("bash", folio)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let exe = FolioHarness.binary
        func complete(_ line: String, _ pieces: [String], _ environment: [String: String] = [:]) throws -> [String] {
            var env = folio.environment
            for (k, v) in environment { env[k] = v }
            let result = try CompletionShells.bash(script: path, line: exe + line, pieces: [exe] + pieces,
                                                   environment: env, directory: dir)
            #expect(result.status == 0)
            return lines(result, "bash")
        }
        let tenants = try complete(" tenants show ", ["tenants", "show", ""])
        #expect(tenants == [ids["ana"] ?? "-", ids["oneil"] ?? "-", "ana@example.com", "o\\'neil+x\\*y=z@example.com"])
        // bash splits the word at '@'; readline replaces '@' and what follows.
        #expect(try complete(" tenants show ana@ex", ["tenants", "show", "ana", "@", "ex"]) == ["@example.com"])
        let keys = try complete(" keys revoke ", ["keys", "revoke", ""])
        #expect(keys.contains(ids["deploy"] ?? "-") && keys.contains(ids["deployStart"] ?? "-"))
        #expect(!keys.contains(ids["revoked"] ?? "-") && !keys.contains(ids["revokedStart"] ?? "-"))
        #expect(try complete(" issuers cert show ", ["issuers", "cert", "show", ""]) == [ids["issuer"] ?? "-"])
        #expect(try complete(" documents show ", ["documents", "show", ""]) == [ids["document"] ?? "-", ids["accessKey"] ?? "-"])
        #expect(try complete(" keys mint --tenant=an", ["keys", "mint", "--tenant", "=", "an"]) == ["ana@example.com"])
        // Scopes: every one, '*' escaped (never the files of the directory, which holds the
        // script), and after 'documents:' only what readline puts after the colon.
        #expect(try complete(" keys mint --scope ", ["keys", "mint", "--scope", ""])
                == ShellCompletionTests.scopes.map { $0.replacingOccurrences(of: "*", with: "\\*") })
        #expect(try complete(" keys mint --scope documents:", ["keys", "mint", "--scope", "documents", ":"])
                == ["\\*", "read", "write", "delete"])
        #expect(try complete(" keys verify --scope audit:", ["keys", "verify", "--scope", "audit", ":"]) == ["read"])
        // --store on the line wins over FOLIO_STORE; without a store, nothing.
        let elsewhere = ["FOLIO_STORE": dir + "/none"]
        #expect(try complete(" tenants show a", ["tenants", "show", "a"], elsewhere) == [])
        #expect(try complete(" --store \(folio.store) tenants show a", ["--store", folio.store, "tenants", "show", "a"],
                             elsewhere) == ["ana@example.com"])
    }

    @Test(.enabled(if: ExternalTool.shouldRun("zsh"), "needs zsh"))
    func zsh() throws {
        let (folio, ids) = try CompletionCommandTests.populated()
        let (dir, path) = try script("zsh", folio)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        func complete(_ words: [String], _ environment: [String: String] = [:]) throws -> [String] {
            var env = folio.environment
            for (k, v) in environment { env[k] = v }
            return lines(try CompletionShells.zsh(script: path, words: [FolioHarness.binary] + words, environment: env,
                                                  directory: dir), "zsh")
        }
        // zsh shows each value with its description.
        #expect(try complete(["tenants", "show", ""]) == [
            "\(ids["ana"] ?? "-")\tAna Foods <ana@example.com>", "\(ids["oneil"] ?? "-")\tO'Neil Ltd <o'neil+x*y=z@example.com>",
            "ana@example.com\tAna Foods", "o'neil+x*y=z@example.com\tO'Neil Ltd",
        ])
        let keys = try complete(["keys", "revoke", ""])
        #expect(keys.contains("\(ids["deployStart"] ?? "-")\tdeploy, ana@example.com"))
        #expect(!values(keys).contains(ids["revoked"] ?? "-"))
        #expect(try complete(["issuers", "cert", "show", "iss_"]) == ["\(ids["issuer"] ?? "-")\tMatriz, RUC 1790011674001"])
        #expect(values(try complete(["documents", "show", ""])) == [ids["document"] ?? "-", ids["accessKey"] ?? "-"])
        #expect(try complete(["tenants", "show", ""], ["FOLIO_STORE": dir + "/none"]) == [])
        #expect(try complete(["keys", "mint", "--scope", ""]) == ShellCompletionTests.scopes)
        #expect(try complete(["keys", "mint", "--scope", "documents:"]) == ["documents:*", "documents:read", "documents:write",
                                                                             "documents:delete"])
    }

    @Test(.enabled(if: ExternalTool.shouldRun("fish"), "needs fish"))
    func fish() throws {
        let (folio, ids) = try CompletionCommandTests.populated()
        let (dir, path) = try script("fish", folio)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        func complete(_ line: String, _ environment: [String: String] = [:]) throws -> [String] {
            var env = folio.environment
            for (k, v) in environment { env[k] = v }
            let result = try CompletionShells.fish(script: path, line: FolioHarness.binary + line, environment: env, directory: dir)
            #expect(result.status == 0)
            return lines(result, "fish")
        }
        // fish sorts candidates itself and shows each description.
        #expect(try complete(" tenants show ").sorted() == [
            "\(ids["ana"] ?? "-")\tAna Foods <ana@example.com>", "\(ids["oneil"] ?? "-")\tO'Neil Ltd <o'neil+x*y=z@example.com>",
            "ana@example.com\tAna Foods", "o'neil+x*y=z@example.com\tO'Neil Ltd",
        ].sorted())
        let keys = try complete(" keys revoke ")
        #expect(keys.contains("\(ids["deployStart"] ?? "-")\tdeploy, ana@example.com"))
        #expect(!values(keys).contains(ids["revoked"] ?? "-"))
        #expect(try complete(" issuers cert show ") == ["\(ids["issuer"] ?? "-")\tMatriz, RUC 1790011674001"])
        #expect(values(try complete(" documents show ")).sorted() == [ids["document"] ?? "-", ids["accessKey"] ?? "-"].sorted())
        #expect(try complete(" tenants show ", ["FOLIO_STORE": dir + "/none"]) == [])
        #expect(values(try complete(" keys mint --scope ")).sorted() == ShellCompletionTests.scopes.sorted())
        #expect(values(try complete(" keys mint --scope documents:")).sorted()
                == ["documents:*", "documents:delete", "documents:read", "documents:write"])
    }

    /// What `keys mint --scope` accepts: `*`, then `noun:*` for each noun, then the catalogue.
    static let scopes: [String] = {
        let catalogue = ["tenants:read", "tenants:write", "issuers:read", "issuers:write", "keys:read", "keys:write",
                         "documents:read", "documents:write", "documents:delete", "exports:read", "exports:write",
                         "webhooks:read", "webhooks:write", "notifications:read", "notifications:write", "audit:read"]
        var nouns: [String] = []
        for scope in catalogue {
            let noun = String(scope.split(separator: ":")[0])
            if !nouns.contains(noun) { nouns.append(noun) }
        }
        return ["*"] + nouns.map { $0 + ":*" } + catalogue
    }()
}
