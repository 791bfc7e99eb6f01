import Foundation
import Testing
@testable import FolioCLI
@testable import FolioCore
import FolioSupport
import FolioTestSupport

/// Issue 12 item 7: a production tenant signing with a certificate Folio generated gets its
/// document and a warning (the SRI rejects such a signature): Core reports it as a value, the
/// CLI prints `warning: …` on stderr and carries it in the JSON's `warnings`.
@Suite("documents create: a warning for a self-generated certificate in production")
struct DocumentWarningTests {
    let invoice = #"{"buyer":{"identificationType":"07","identification":"9999999999999","name":"CONSUMIDOR FINAL"},"items":[{"code":"A","description":"A","quantity":"1","unitPrice":"2.50","ivaRate":"4"}]}"#

    /// ana@example.com on tier starter, verified, with issuer 001-001 and its generated certificate.
    private func sandbox() throws -> (folio: InProcessFolio, issuer: String) {
        let folio = try InProcessFolio()
        try #require(folio.run(["tenants", "register", "--email", "ana@example.com", "--tier", "starter",
                                "--ruc", "1790011674001"]).status == 0)
        try #require(folio.run(["tenants", "verify", "ana@example.com", "--force"]).status == 0)
        let issuer = try #require(folio.run(["issuers", "list", "-q"]).stdout.split(separator: "\n").first.map(String.init))
        return (folio, issuer)
    }

    private func lines(_ text: String) -> [[String: Any]] {
        text.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    }

    @Test("in the sandbox a generated certificate is what to use: no warning, an empty warnings list")
    func sandboxIsQuiet() throws {
        let (folio, issuer) = try sandbox()
        let result = folio.run(["documents", "create", "--issuer", issuer, "--file", "-", "-o", "json"], stdin: invoice)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stderr.contains("warning:"), "\(result.stderr)")
        #expect(result.json?["warnings"] as? [String] == [])
        #expect(result.json?["accessKey"] is String)
    }

    @Test("in production: signed, and warned on stderr and in the JSON")
    func productionIsWarned() throws {
        let (folio, issuer) = try sandbox()
        try #require(folio.run(["tenants", "promote", "ana@example.com", "--yes"]).status == 0)
        let result = folio.run(["documents", "create", "--issuer", issuer, "--file", "-", "-o", "json"], stdin: invoice)
        #expect(result.status == 0, "\(result.stderr)")
        let warnings = try #require(result.json?["warnings"] as? [String])
        #expect(warnings.count == 1)
        let warning = try #require(warnings.first)
        #expect(warning.hasPrefix("issuer \(issuer) of a production tenant signs with a self-generated certificate (crt_"))
        #expect(warning.contains("folio issuers cert import \(issuer)"))
        #expect(result.stderr.contains("warning: " + warning), "\(result.stderr)")
        // Stored as any signed document: `documents show` has no warnings, the warning was the creation's.
        let shown = folio.run(["documents", "show", try #require(result.json?["id"] as? String), "-o", "json"])
        #expect(shown.json?["status"] as? String == "signed" && shown.json?["warnings"] == nil)
    }

    @Test("a batch warns once, and each of its lines carries the warning")
    func batchWarnsOnce() throws {
        let (folio, issuer) = try sandbox()
        try #require(folio.run(["tenants", "promote", "ana@example.com", "--yes"]).status == 0)
        let batch = [invoice, invoice, invoice].joined(separator: "\n") + "\n"
        let result = folio.run(["documents", "create", "--issuer", issuer, "--file", "-", "-o", "jsonl"], stdin: batch)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.components(separatedBy: "warning: issuer").count == 2, "\(result.stderr)")
        let items = lines(result.stdout)
        #expect(items.count == 3)
        #expect(items.allSatisfy { ($0["warnings"] as? [String])?.count == 1 })
    }

    @Test("Core: only a generated certificate of a production tenant is reported")
    func onlyGeneratedInProduction() {
        let now = Timestamp(seconds: TestClock.seconds)
        func certificate(_ source: String) -> IssuerCertificate {
            IssuerCertificate(id: "crt_1", tenantId: "ten_1", source: source, subject: "CN=x", issuer: "CN=x", serial: "1",
                              notBefore: now, notAfter: now.adding(seconds: 86400), fingerprint: "", createdAt: now,
                              checkedAt: now)
        }
        #expect(DocumentWarning.warnings(environment: .production, issuerId: "iss_1", certificate: certificate("generated"))
                == [.selfGeneratedCertificate(issuerId: "iss_1", certificateId: "crt_1")])
        #expect(DocumentWarning.warnings(environment: .production, issuerId: "iss_1", certificate: certificate("imported")).isEmpty)
        #expect(DocumentWarning.warnings(environment: .sandbox, issuerId: "iss_1", certificate: certificate("generated")).isEmpty)
    }
}
