import Testing
@testable import FolioCLI
import CommandLineKit
import FolioCore
import FolioTestSupport

/// The one exit table: every error code has exactly one status, the reporter and the man page
/// say the same, and errors are JSON whenever the parser reads `-o json`/`jsonl`.
@Suite("exit statuses and error formats")
struct ExitTableTests {
    static let codes: [ErrorCode] = [.serverError, .usage, .validationFailed, .notFound, .conflict, .idempotencyConflict,
                                     .invalidState, .unauthorized, .forbidden, .planTierRequired, .rateLimited,
                                     .storeUnavailable, .signatureInvalid]

    @Test("each error code is in exactly one row; the statuses are DESIGN §4's")
    func table() {
        for code in Self.codes {
            #expect(ExitTable.rows.filter { $0.codes.contains(code) }.count == 1, "\(code)")
        }
        let expected: [ErrorCode: Int32] = [.serverError: 1, .usage: 2, .validationFailed: 3, .notFound: 4, .conflict: 5,
                                            .idempotencyConflict: 5, .invalidState: 5, .unauthorized: 6, .forbidden: 6,
                                            .planTierRequired: 7, .rateLimited: 8, .storeUnavailable: 9, .signatureInvalid: 10]
        for (code, status) in expected { #expect(ExitTable.status(for: code) == status) }
        #expect(Set(ExitTable.rows.map(\.status)).count == ExitTable.rows.count)
    }

    @Test("the man page's EXIT STATUS lists every row with its codes")
    func manPage() throws {
        let page = try #require(FolioApp.program.manPages().first { $0.fileName == "folio.1" }).content
        let section = try #require(page.components(separatedBy: ".Sh EXIT STATUS").last?.components(separatedBy: ".Sh ").first)
        for row in ExitTable.rows {
            #expect(section.contains(".It \(row.status)\n"), "\(row.status)")
            for code in row.codes { #expect(section.contains(code.rawValue), "\(code)") }
        }
    }

    @Test("a parse error is JSON however -o json is spelled", arguments: [
        ["-o", "json"], ["-o=json"], ["-ojson"], ["--output=json"], ["--output", "jsonl"], ["-qo", "json"], ["-qojson"],
    ])
    func jsonParseErrors(spelling: [String]) throws {
        let folio = try InProcessFolio(initialize: false)
        let result = folio.run(spelling + ["tenants", "lsit"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix(#"{"error":"usage""#), "\(result.stderr)")
    }

    @Test("FOLIO_OUTPUT=json makes errors JSON; a later -o table wins")
    func environment() throws {
        let folio = try InProcessFolio(initialize: false)
        #expect(folio.run(["nosuch"], environment: ["FOLIO_OUTPUT": "json"]).stderr.hasPrefix("{"))
        #expect(folio.run(["nosuch", "-o", "table"], environment: ["FOLIO_OUTPUT": "json"]).stderr.hasPrefix("error:"))
    }

    @Test("a command that printed its report and then fails exits with its error's status, reported once")
    func reportedFailure() throws {
        let folio = try InProcessFolio()
        let result = folio.run(["documents", "decode-key", "2311202601179001234500110010010000000011234567810"])
        #expect(result.status == 3)
        #expect(!result.stdout.isEmpty)
        #expect(result.stderr.components(separatedBy: "error:").count == 2, "\(result.stderr)")
    }
}
