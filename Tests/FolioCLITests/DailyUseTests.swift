import Foundation
import Testing
@testable import FolioCLI
import CommandLineKit
import FolioTestSupport

/// Issue 12 item 7: `folio version`, help as a verb, examples on group help, the man page's
/// FILES and ENVIRONMENT, the exit statuses stated, and the messages of small mistakes.
@Suite("daily use")
struct DailyUseTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test("folio version prints what --version prints")
    func version() throws {
        let folio = try InProcessFolio(initialize: false)
        let verb = folio.run(["version"]), flag = folio.run(["--version"])
        #expect(verb.status == 0 && flag.status == 0)
        #expect(verb.stdout == "folio \(FolioApp.version)\n")
        #expect(verb.stdout == flag.stdout)
    }

    @Test("help is a verb at every level", arguments: [
        (["keys", "help"], ["keys", "--help"]),
        (["keys", "help", "mint"], ["keys", "mint", "--help"]),
        (["help", "keys", "mint"], ["keys", "mint", "--help"]),
        (["issuers", "cert", "help", "import"], ["issuers", "cert", "import", "--help"]),
        (["issuers", "help", "doc-types"], ["issuers", "doc-types", "--help"]),
    ])
    func helpVerb(asVerb: [String], asFlag: [String]) throws {
        let folio = try InProcessFolio(initialize: false)
        let verb = folio.run(asVerb), flag = folio.run(asFlag)
        #expect(verb.status == 0, "\(verb.stderr)")
        #expect(verb.stdout == flag.stdout)
        #expect(verb.stdout.hasPrefix(FolioApp.program.help(for: asFlag.filter { $0 != "--help" }).prefix(40)))
    }

    @Test("the top-level help and every group's help show examples")
    func groupExamples() {
        let program = FolioApp.program
        var groups: [[String]] = [[]]
        func walk(_ command: Command, _ path: [String]) {
            for sub in command.subcommands where !sub.subcommands.isEmpty {
                groups.append(path + [sub.name])
                walk(sub, path + [sub.name])
            }
        }
        walk(program.root, [])
        #expect(groups.count == 14)
        for path in groups {
            let text = program.help(for: path)
            #expect(text.contains("\nEXAMPLES:\n  "), "\(path)")
            // Each example runs a command of that group.
            let examples = text.components(separatedBy: "\nEXAMPLES:\n").last ?? ""
            #expect(examples.contains("$ folio " + path.map { $0 + " " }.joined()), "\(path)")
        }
    }

    private func manSection(_ title: String) throws -> String {
        let page = try #require(FolioApp.program.manPages().first { $0.fileName == "folio.1" }).content
        return try #require(page.components(separatedBy: ".Sh \(title)\n").dropFirst().first?
            .components(separatedBy: "\n.Sh ").first, "no \(title)")
    }

    @Test("folio(1) has a FILES section naming the store's files")
    func files() throws {
        let files = try manSection("FILES")
        for path in ["~/.local/share/folio/", "folio.db", "master.key", "master.key.new", "master.key.old", "outbox/", "exports/"] {
            #expect(files.contains(".It Pa \(path)\n"), "\(path)")
        }
    }

    /// Every variable the sources read by name (`environment["NAME"]`): the list is not kept by
    /// hand, so a new variable without a line in folio(1) fails here.
    @Test("folio(1)'s ENVIRONMENT lists every environment variable the code reads")
    func environment() throws {
        let section = try manSection("ENVIRONMENT")
        var read: Set<String> = []
        let sources = Self.root.appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(atPath: sources.path)?.compactMap { $0 as? String } ?? []
        let pattern = try NSRegularExpression(pattern: #"environment\["([A-Z][A-Z0-9_]*)"\]"#)
        for file in files where file.hasSuffix(".swift") {
            let text = try String(contentsOfFile: sources.appendingPathComponent(file).path, encoding: .utf8)
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                if let range = Range(match.range(at: 1), in: text) { read.insert(String(text[range])) }
            }
        }
        // Those of options are read through the parser, by the `env` of their model.
        for option in FolioApp.program.globalOptions { if let env = option.env { read.insert(env) } }
        #expect(read.isSuperset(of: ["FOLIO_MASTER_KEY", "FOLIO_SENDMAIL", "FOLIO_KEY", "XDG_DATA_HOME", "HOME",
                                      "FOLIO_NOW", "FOLIO_CLOCK_OFFSET", "FOLIO_STORE", "NO_COLOR"]), "\(read.sorted())")
        for name in read.sorted() {
            #expect(section.contains(".It Ev \(name)\n"), "\(name) is read but not in folio(1)")
        }
    }

    @Test("EXIT STATUS states exit 2 for a declined confirmation and 9 for a missing store, and they happen")
    func exitStatuses() throws {
        let section = try manSection("EXIT STATUS")
        let two = try #require(section.components(separatedBy: ".It 2\n").last?.components(separatedBy: ".It ").first)
        #expect(two.contains("declined at its prompt") && two.contains("without --yes"), "\(two)")
        let nine = try #require(section.components(separatedBy: ".It 9\n").last?.components(separatedBy: ".It ").first)
        #expect(nine.contains("The store is missing"), "\(nine)")

        let missing = try InProcessFolio(initialize: false)
        let result = missing.run(["tenants", "list"])
        #expect(result.status == 9, "\(result.stderr)")
        #expect(result.stderr.contains("folio init"))
    }

    @Test("keys revoke --all says what is missing or extra")
    func revokeAllMessages() throws {
        let folio = try InProcessFolio()
        let noTenant = folio.run(["keys", "revoke", "--all"])
        #expect(noTenant.status == 2)
        #expect(noTenant.stderr.contains("error: --all needs --tenant"), "\(noTenant.stderr)")
        let withKey = folio.run(["keys", "revoke", "key_01ABC", "--tenant", "ana@example.com", "--all"])
        #expect(withKey.status == 2)
        #expect(withKey.stderr.contains("error: --all takes no key argument"), "\(withKey.stderr)")
    }
}
