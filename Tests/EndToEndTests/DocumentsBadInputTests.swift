import Foundation
import Testing
import FolioTestSupport

/// Issue 4 item 7: each bad input gives its DESIGN §4 code, names the field, and consumes no
/// sequential (the next good document is still number 1).
@Suite("documents: bad input")
struct DocumentsBadInputTests {
    /// Runs `documents create` with `input` and returns the parsed JSON error from stderr.
    func failure(_ folio: FolioHarness, _ issuer: String, _ input: String, status: Int32,
                 environment: [String: String] = [:]) throws -> [String: Any] {
        let result = try folio.run(["documents", "create", "--issuer", issuer, "--file", "-", "-o", "json"], stdin: input,
                                   environment: environment)
        #expect(result.status == status, "stderr: \(result.stderr)")
        #expect(result.stdout.isEmpty)
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stderr.utf8)) as? [String: Any])
    }

    func expectNothingConsumed(_ folio: FolioHarness, _ issuer: String) throws {
        #expect(try folio.storedSequentials().isEmpty)
        #expect(try folio.createDocument(issuer, invoiceLine(1))["sequential"] as? Int == 1)
    }

    @Test("malformed JSON names line and column")
    func malformed() throws {
        let folio = try FolioHarness()
        let (_, issuer) = try folio.makeIssuer()
        let error = try failure(folio, issuer, "{\n  \"buyer\": {\n    \"name\": \"x\",,\n  }\n}\n", status: 3)
        #expect(error["error"] as? String == "validation_failed")
        #expect(error["field"] as? String == "file")
        #expect(error["line"] as? Int == 3)
        #expect((error["message"] as? String)?.contains("line 3, column") == true)
        try expectNothingConsumed(folio, issuer)
    }

    @Test("an unknown field and a negative quantity name the field")
    func fields() throws {
        let folio = try FolioHarness()
        let (_, issuer) = try folio.makeIssuer()
        let unknown = try failure(folio, issuer, invoiceLine(1, extra: #","cantidad":"2""#), status: 3)
        #expect(unknown["field"] as? String == "items[0].cantidad")
        #expect((unknown["message"] as? String)?.contains("quantity") == true)
        let negative = try failure(folio, issuer, invoiceLine(1).replacingOccurrences(of: #""quantity":"1""#, with: #""quantity":"-1""#), status: 3)
        #expect(negative["field"] as? String == "items[0].quantity")
        try expectNothingConsumed(folio, issuer)
    }

    @Test("a disabled document type, a suspended tenant, an issuer without a certificate")
    func state() throws {
        let folio = try FolioHarness()
        let (tenant, issuer) = try folio.makeIssuer()
        #expect(try folio.run(["issuers", "doc-types", "disable", issuer, "01"]).status == 0)
        let disabled = try failure(folio, issuer, invoiceLine(1), status: 3)
        #expect(disabled["field"] as? String == "documentType")
        #expect(try folio.run(["issuers", "doc-types", "enable", issuer, "01"]).status == 0)

        #expect(try folio.run(["tenants", "suspend", tenant, "--reason", "unpaid", "--yes"]).status == 0)
        let suspended = try failure(folio, issuer, invoiceLine(1), status: 6)
        #expect(suspended["error"] as? String == "forbidden")
        #expect(suspended["field"] as? String == "tenant")
        #expect(try folio.run(["tenants", "activate", tenant]).status == 0)

        let other = try #require(try folio.json(["issuers", "create", "--tenant", tenant, "--name", "Caja 2", "--ruc", "1790011674001",
                                                 "--point", "002", "--address", "Quito"])["id"] as? String)
        let noCert = try failure(folio, other, invoiceLine(1), status: 3)
        #expect(noCert["field"] as? String == "certificate")
        try expectNothingConsumed(folio, issuer)
    }

    @Test("an expired certificate fails validation_failed naming the expiry")
    func expired() throws {
        let folio = try FolioHarness()
        let (_, issuer) = try folio.makeIssuer(certificate: false)
        let made = try folio.run(["issuers", "cert", "generate", issuer, "--days", "1"],
                                 environment: ["FOLIO_NOW": "2025-01-01T00:00:00Z"])
        #expect(made.status == 0, "\(made.stderr)")
        let error = try failure(folio, issuer, invoiceLine(1), status: 3)
        #expect(error["field"] as? String == "certificate.notAfter")
        #expect((error["message"] as? String)?.contains("expired at 2025-01-02T00:00:00Z") == true)
        #expect(try folio.storedSequentials().isEmpty)
    }
}
