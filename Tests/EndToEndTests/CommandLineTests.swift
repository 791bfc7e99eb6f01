import Foundation
import Testing
import FolioTestSupport

@Suite("command line: globals, help, version, suggestions")
struct CommandLineTests {
    @Test("global options work before and after the subcommand, and from the environment")
    func globalsAnywhere() throws {
        let folio = try FolioHarness()
        try folio.run(["tenants", "register", "--email", "a@example.com"])
        let before = try folio.run(["-o", "json", "tenants", "list"])
        let after = try folio.run(["tenants", "list", "--output=json"])
        let env = try folio.run(["tenants", "list"], environment: ["FOLIO_OUTPUT": "json"])
        #expect(before.status == 0 && after.status == 0 && env.status == 0)
        #expect(before.stdout.hasPrefix("{"))
        #expect(before.stdout == after.stdout)
        #expect(before.stdout == env.stdout)
        // The flag beats the environment.
        let flagWins = try folio.run(["tenants", "list", "-o", "id"], environment: ["FOLIO_OUTPUT": "json"])
        #expect(flagWins.stdout.hasPrefix("ten_"))
        // --store as a flag beats FOLIO_STORE.
        let other = try folio.run(["--store", folio.store + "-nowhere", "tenants", "list"])
        #expect(other.status == 9)
    }

    @Test("--actor and FOLIO_ACTOR name who acted in the audit log")
    func actor() throws {
        let folio = try FolioHarness()
        try folio.run(["tenants", "register", "--email", "a@example.com", "--actor", "maria"])
        try folio.run(["tenants", "register", "--email", "b@example.com"], environment: ["FOLIO_ACTOR": "ci-job-7"])
        let maria = try folio.run(["audit", "list", "--actor", "maria", "-o", "jsonl"])
        let lines = maria.stdout.split(separator: "\n")
        #expect(!lines.isEmpty)
        #expect(lines.allSatisfy { $0.contains("\"actor\":\"maria\"") })
        let all = try folio.run(["audit", "list", "-o", "jsonl"])
        #expect(all.stdout.contains("\"actor\":\"ci-job-7\""))
    }

    @Test("--help, help COMMAND and --version print to stdout and exit 0")
    func helpAndVersion() throws {
        let folio = try FolioHarness(initialize: false)
        let help = try folio.run(["tenants", "register", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("--email"))
        #expect(help.stdout.contains("EXAMPLES"))
        #expect(help.stdout.contains("FOLIO_OUTPUT"))
        let helpCommand = try folio.run(["help", "tenants", "register"])
        #expect(helpCommand.stdout == help.stdout)
        let version = try folio.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.hasPrefix("folio "))
    }

    @Test("a mistyped command or option exits 2 with a suggestion")
    func suggestions() throws {
        let folio = try FolioHarness()
        let command = try folio.run(["tenants", "regster", "--email", "a@example.com"])
        #expect(command.status == 2)
        #expect(command.stderr.contains("did you mean 'register'?"))
        let option = try folio.run(["tenants", "register", "--emial", "a@example.com"])
        #expect(option.status == 2)
        #expect(option.stderr.contains("did you mean '--email'?"))
        #expect(option.stderr.contains("see 'folio tenants register --help'"))
        #expect(option.stdout.isEmpty)
        let noun = try folio.run(["tenant", "list"])
        #expect(noun.status == 2)
        #expect(noun.stderr.contains("'tenants'"))
        let json = try folio.run(["tenants", "list", "--limt", "3", "-o", "json"])
        #expect(json.stderr.contains("\"error\":\"usage\""))
    }

    @Test("bad values name the field and exit 3; missing arguments exit 2")
    func badValues() throws {
        let folio = try FolioHarness()
        let tier = try folio.run(["tenants", "register", "--email", "a@example.com", "--tier", "gold", "-o", "json"])
        #expect(tier.status == 3)
        #expect(tier.stderr.contains("\"field\":\"tier\""))
        let language = try folio.run(["tenants", "register", "--email", "a@example.com", "--language", "fr"])
        #expect(language.status == 3)
        let limit = try folio.run(["tenants", "list", "--limit", "500"])
        #expect(limit.status == 3)
        let missing = try folio.run(["tenants", "register"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("--email"))
        let extra = try folio.run(["tenants", "show", "a@example.com", "surplus"])
        #expect(extra.status == 2)
    }

    @Test("--quiet prints only ids; colour never reaches a pipe")
    func quietAndColor() throws {
        let folio = try FolioHarness()
        let quiet = try folio.run(["tenants", "register", "--email", "q@example.com", "-q"])
        #expect(quiet.status == 0)
        #expect(quiet.stdout.range(of: #"^ten_[0-9A-Z]{26}\n$"#, options: .regularExpression) != nil)
        #expect(quiet.stderr.isEmpty)
        let failing = try folio.run(["tenants", "show", "nobody@example.com"])
        #expect(!failing.stderr.contains("\u{1B}["))
    }
}
