import Foundation
import Testing
@testable import FolioCLI
import FolioCore
import FolioSupport
import FolioTestSupport

/// Issue 12 item 2: `show` on a terminal prints a detail view; piped tables and JSON print what
/// they did (the list row, the object).
@Suite("detail views of show, in process")
struct DetailViewTests {
    /// A tenant with an issuer and a two-line invoice, and a key revoked with a reason.
    struct Store {
        let folio: InProcessFolio
        let tenant: String, issuer: String, document: String, key: String
    }

    func store() throws -> Store {
        let folio = try InProcessFolio()
        let tenant = try #require(folio.run(["tenants", "register", "--email", "ana@example.com", "--name", "Ana Foods",
                                             "--ruc", "1790011674001", "-q"]).stdout.split(separator: "\n").first.map(String.init))
        let issuer = try #require(folio.run(["issuers", "list", "-q"]).stdout.split(separator: "\n").first.map(String.init))
        let invoice = #"{"buyer":{"identificationType":"05","identification":"1710034065","name":"María Pérez","email":"maria@example.com"},"items":[{"code":"A","description":"A","quantity":"1","unitPrice":"2.50","ivaRate":"4"},{"code":"B","description":"B","quantity":"2","unitPrice":"1","ivaRate":"0"}]}"#
        let made = folio.run(["documents", "create", "--issuer", issuer, "--file", "-", "-q"], stdin: invoice)
        let document = made.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(made.status == 0, "\(made.stderr)")
        let key = try #require(folio.run(["keys", "mint", "--tenant", tenant, "--label", "ci", "--scope", "documents:read",
                                          "--scope", "documents:write", "--rate-limit", "100/min", "--expires-in", "30d",
                                          "-o", "json"]).json?["id"] as? String)
        #expect(folio.run(["keys", "revoke", key, "--reason", "leaked in a CI log"]).status == 0)
        return Store(folio: folio, tenant: tenant, issuer: issuer, document: document, key: key)
    }

    /// `show` on a terminal, and what piped table, JSON and `-q` print for the same thing.
    func expectDetail(_ s: Store, _ noun: String, _ handle: String, title: String, holds lines: [String],
                      sourceLocation: SourceLocation = #_sourceLocation) {
        let shown = s.folio.run([noun, "show", handle, "--no-color"], terminal: true, width: 120)
        #expect(shown.status == 0, "\(shown.stderr)", sourceLocation: sourceLocation)
        #expect(shown.stdout.hasPrefix(title + "\n"), "\(shown.stdout)", sourceLocation: sourceLocation)
        for line in lines {
            #expect(shown.stdout.contains(line), "'\(line)' missing from:\n\(shown.stdout)", sourceLocation: sourceLocation)
        }
        // Piped: the list's row, byte for byte; JSON: the list's object, every field.
        let row = s.folio.run([noun, "list"]).stdout.split(separator: "\n").first { $0.hasPrefix(handle + "\t") }
        #expect(row != nil && s.folio.run([noun, "show", handle]).stdout == row.map { $0 + "\n" }, sourceLocation: sourceLocation)
        let listed = s.folio.run([noun, "list", "-o", "json"]).json?["items"] as? [[String: Any]] ?? []
        let object = listed.first { $0["id"] as? String == handle }
        let json = s.folio.run([noun, "show", handle, "-o", "json"], terminal: true).json
        #expect(object.map { NSDictionary(dictionary: $0) } == json.map { NSDictionary(dictionary: $0) }, sourceLocation: sourceLocation)
        #expect(s.folio.run([noun, "show", handle, "-q"], terminal: true).stdout == handle + "\n", sourceLocation: sourceLocation)
        #expect(s.folio.run([noun, "show", handle, "-o", "csv"], terminal: true).stdout.hasPrefix("id,"), sourceLocation: sourceLocation)
    }

    @Test("tenants show: its facts and its issuers")
    func tenant() throws {
        let s = try store()
        expectDetail(s, "tenants", s.tenant, title: "Tenant \(s.tenant)", holds: [
            "  E-mail       ana@example.com\n", "  Name         Ana Foods\n", "  Status       pending_verification\n",
            "  Verified     not yet\n", "  Trial ends   2026-12-07T10:20:00Z (in 14 days)\n", "  Created      2026-11-23T10:20:00Z (just now)\n",
            "\nIssuers\n  \(s.issuer)  1790011674001  001-001  Matriz\n",
        ])
    }

    @Test("keys show: scopes, rate limit, expiry, last use, revocation reason and time")
    func key() throws {
        let s = try store()
        expectDetail(s, "keys", s.key, title: "API key \(s.key)", holds: [
            "  Label        ci\n", "  Status       revoked\n", "  Rate limit   100/min\n",
            "  Expires      2026-12-23T10:20:00Z (in ", "  Last used    never\n",
            "\nScopes\n  documents:read\n  documents:write\n",
            "\nRevoked\n  At      2026-11-23T10:20:00Z (just now)\n  Reason  leaked in a CI log\n",
        ])
    }

    @Test("issuers show: its texts, its certificate and its document types")
    func issuer() throws {
        let s = try store()
        expectDetail(s, "issuers", s.issuer, title: "Issuer \(s.issuer)", holds: [
            "  RUC                    1790011674001\n", "  Series                 001-001\n",
            "\nCertificate\n  Id  ", "  Subject      serialNumber=1790011674001,", "  Valid until  2027-11-23T10:20:00Z (",
            " days left\n", "\nDocument types\n  01  factura\n",
        ])
    }

    @Test("documents show: buyer, totals, item count, status history")
    func document() throws {
        let s = try store()
        expectDetail(s, "documents", s.document, title: "Document \(s.document)", holds: [
            "  Number       001-001-000000001\n", "  Type         01 factura\n", "  Items        2\n",
            "\nBuyer\n  Name            María Pérez\n  Identification  1710034065 (cédula)\n  E-mail          maria@example.com\n",
            "  Subtotal  4.50\n", "  IVA 15%   0.38 on 2.50\n", "  Total     4.88 ",
            "\nStatus history\n  2026-11-23T10:20:00Z (just now)  document.create  ok  by in-process\n",
        ])
    }

    @Test("stored text that could act on the terminal is shown, not obeyed; colour makes titles bold")
    func safety() throws {
        let s = try store()
        let folio = s.folio
        // A name stored before FreeTextRule refused bidi overrides and escapes.
        _ = try SQLiteReader.query(folio.store + "/folio.db", "UPDATE tenants SET name = 'Ana\u{202E}\u{1B}[2J' WHERE id = '\(s.tenant)'")
        let shown = folio.run(["tenants", "show", s.tenant], terminal: true, width: 120)
        #expect(shown.stdout.contains("Ana\\u{202E}\\u{1B}[2J"))
        #expect(!shown.stdout.contains("\u{202E}"))
        #expect(shown.stdout.hasPrefix("\u{1B}[1mTenant \(s.tenant)\u{1B}[0m\n"))
    }
}
