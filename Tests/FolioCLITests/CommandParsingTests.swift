import Testing
@testable import FolioCLI
import FolioTestSupport

/// Option parsing and validation of each command, in process: what a wrong command line gets
/// (exit status and the words of its error) before anything touches the store.
@Suite("commands: parsing and validation, in process")
struct CommandParsingTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var arguments: [String]
        var status: Int32
        var says: String
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let cases: [Case] = [
        Case(arguments: ["tenants", "register"], status: 2, says: "--email"),
        Case(arguments: ["tenants", "register", "--email", "a@example.com", "--tier", "gold"], status: 3, says: "--tier"),
        Case(arguments: ["tenants", "list", "--limit", "500"], status: 3, says: "--limit"),
        Case(arguments: ["tenants", "list", "--limit", "0"], status: 3, says: "--limit"),
        Case(arguments: ["tenants", "show"], status: 2, says: "<tenant>"),
        Case(arguments: ["tenants", "lsit"], status: 2, says: "did you mean 'list'"),
        Case(arguments: ["keys", "mint"], status: 2, says: "--tenant"),
        Case(arguments: ["keys", "mint", "--tenant", "t", "--scope", "documents:reed"], status: 3, says: "--scope"),
        Case(arguments: ["keys", "mint", "--tenant", "t", "--expires-in", "5x"], status: 3, says: "--expires-in"),
        Case(arguments: ["keys", "mint", "--tenant", "t", "--expires-in", "1d", "--expires-at", "2030-01-01T00:00:00Z"],
             status: 2, says: "not both"),
        Case(arguments: ["keys", "mint", "--tenant", "t", "--expires-at", "tomorrow"], status: 3, says: "RFC 3339"),
        Case(arguments: ["keys", "mint", "--tenant", "t", "--rate-limit", "fast"], status: 3, says: "N/min"),
        Case(arguments: ["keys", "revoke"], status: 2, says: "--tenant T --all"),
        Case(arguments: ["keys", "revoke", "--all"], status: 2, says: "--tenant"),
        Case(arguments: ["keys", "revoke", "key_x", "--tenant", "t"], status: 2, says: "--all only"),
        Case(arguments: ["keys", "verify", "--dry-run"], status: 2, says: "bookkeeping"),
        Case(arguments: ["keys", "mnit"], status: 2, says: "did you mean 'mint'"),
        Case(arguments: ["issuers", "create", "--tenant", "t"], status: 2, says: "--name"),
        Case(arguments: ["issuers", "cert", "generate", "iss_x", "--days", "many"], status: 3, says: "--days"),
        Case(arguments: ["issuers", "cert", "import", "iss_x", "--p12", "x.p12", "--password", "pw"], status: 2,
             says: "unknown option '--password'"),
        Case(arguments: ["documents", "create", "--issuer", "iss_x"], status: 2, says: "--file"),
        Case(arguments: ["documents", "create", "--issuer", "iss_x", "--file", "x.json", "--profile", "fast"], status: 3,
             says: "--profile"),
        Case(arguments: ["documents", "verify"], status: 2, says: "not both and not neither"),
        Case(arguments: ["audit", "list", "--since", "yesterday"], status: 3, says: "since"),
        Case(arguments: ["store", "backup"], status: 2, says: "<path>"),
        Case(arguments: ["--output", "yaml", "tenants", "list"], status: 3, says: "--output"),
        Case(arguments: ["nosuch"], status: 2, says: "unknown command 'nosuch'"),
    ]

    @Test(arguments: cases)
    func refused(_ c: Case) throws {
        let folio = try InProcessFolio()
        let result = folio.run(c.arguments)
        #expect(result.status == c.status, "\(result.stderr)")
        #expect(result.stderr.contains(c.says), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test("the same refusals as JSON with -o json name the option as the field")
    func jsonFields() throws {
        let folio = try InProcessFolio()
        let tier = folio.run(["tenants", "register", "--email", "a@example.com", "--tier", "gold", "-o", "json"])
        #expect(tier.status == 3)
        #expect(tier.stderr.contains(#""error":"validation_failed""#) && tier.stderr.contains(#""field":"tier""#))
        let missing = folio.run(["keys", "mint", "-o", "json"])
        #expect(missing.status == 2 && missing.stderr.contains(#""error":"usage""#))
    }
}
