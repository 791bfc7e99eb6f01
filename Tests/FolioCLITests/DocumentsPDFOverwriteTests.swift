import Foundation
import Testing
import FolioTestSupport

/// `documents pdf -O` onto an existing file follows the one policy of destructive commands:
/// asks on a terminal, needs --yes (or --force) without one; the file is untouched until then.
@Suite("documents pdf: replacing a file")
struct DocumentsPDFOverwriteTests {
    /// A store with one signed factura (examples/invoice.json); its access key.
    static func signedDocument(_ folio: InProcessFolio) throws -> String {
        try #require(folio.run(["tenants", "register", "--email", "ana@example.com"]).status == 0)
        let issuer = try #require(folio.run(["issuers", "create", "--tenant", "ana@example.com", "--name", "Matriz",
                                             "--ruc", "1790011674001", "--address", "Av. Amazonas 100", "-o", "json"])
            .json?["id"] as? String)
        try #require(folio.run(["issuers", "cert", "generate", issuer, "--days", "365"]).status == 0)
        let made = folio.run(["documents", "create", "--issuer", issuer, "--file",
                              FixturePaths.examples.appendingPathComponent("invoice.json").path, "-o", "json"])
        return try #require(made.json?["accessKey"] as? String, "\(made.stderr)")
    }

    @Test("on a terminal it asks: 'n' exits 2 and keeps the file, 'y' replaces it; new files are not asked about")
    func asksOnTerminal() throws {
        let folio = try InProcessFolio()
        let key = try Self.signedDocument(folio)
        let dir = ProcessRunner.temporaryDirectory("folio-pdf-ask")
        let target = dir + "/factura.pdf"
        let fresh = folio.run(["documents", "pdf", key, "-O", target], terminal: true)
        #expect(fresh.status == 0, "\(fresh.stderr)")
        #expect(!fresh.stderr.contains("[y/N]"))
        try "precious".write(toFile: target, atomically: true, encoding: .utf8)
        let declined = folio.run(["documents", "pdf", key, "-O", target], stdin: "n\n", terminal: true)
        #expect(declined.status == 2, "\(declined.stderr)")
        #expect(declined.stderr.contains("Replace the existing file") && declined.stderr.contains(" [y/N] "))
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "precious")
        let accepted = folio.run(["documents", "pdf", key, "-O", target], stdin: "y\n", terminal: true)
        #expect(accepted.status == 0, "\(accepted.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: target)).starts(with: Data("%PDF-1.4".utf8)))
    }

    @Test("--dry-run writes nothing; -O - on a terminal is refused")
    func dryRunAndTerminalStdout() throws {
        let folio = try InProcessFolio()
        let key = try Self.signedDocument(folio)
        let target = ProcessRunner.temporaryDirectory("folio-pdf-dry") + "/factura.pdf"
        let dry = folio.run(["documents", "pdf", key, "-O", target, "--dry-run"])
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(!FileManager.default.fileExists(atPath: target))
        let onTerminal = folio.run(["documents", "pdf", key, "-O", "-"], terminal: true)
        #expect(onTerminal.status == 2)
        #expect(onTerminal.stdout.isEmpty)
    }
}
