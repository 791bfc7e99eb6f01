import Foundation
import Testing
@testable import FolioCLI
import FolioTestSupport

/// Issue 11 item 8: free text refuses C1 controls, line and paragraph separators and bidi
/// overrides as it refuses C0, wherever it enters; CSV output neutralises cells a spreadsheet
/// would run as formulas; messages quoting input show control characters instead of obeying them.
@Suite("hostile input: free text and CSV, in process")
struct FreeTextTests {
    static let refused = ["\u{85}", "\u{9B}", "\u{2028}", "\u{2029}", "\u{202A}", "\u{202E}", "\u{2066}", "\u{2069}", "\u{1B}", "\t"]

    func issuer(_ folio: InProcessFolio) throws -> String {
        _ = folio.run(["tenants", "register", "--email", "ana@example.com", "--ruc", "1790011674001"])
        return try #require(folio.run(["issuers", "list", "-q"]).stdout.split(separator: "\n").first.map(String.init))
    }

    func field(_ result: InProcessFolio.Result) -> String? {
        (try? JSONSerialization.jsonObject(with: Data(result.stderr.utf8)) as? [String: Any])?["field"] as? String
    }

    @Test("every entry of free text refuses each character, naming its field", arguments: refused)
    func refusedEverywhere(character: String) throws {
        let folio = try InProcessFolio()
        let issuer = try issuer(folio)
        let bad = "Ana\(character)Foods"
        let cases: [([String], String)] = [
            (["tenants", "register", "--email", "bob@example.com", "--name", bad], "name"),
            (["keys", "mint", "--tenant", "ana@example.com", "--label", bad], "label"),
            (["tenants", "suspend", "ana@example.com", "--reason", bad], "reason"),
            (["keys", "revoke", "--tenant", "ana@example.com", "--all", "--reason", bad, "--yes"], "reason"),
            (["issuers", "create", "--tenant", "ana@example.com", "--name", bad, "--ruc", "1790011674001", "--point", "002",
              "--address", "Quito"], "name"),
            (["issuers", "create", "--tenant", "ana@example.com", "--name", "Caja", "--ruc", "1790011674001", "--point", "002",
              "--address", bad], "address"),
            (["tenants", "set-tier", "ana@example.com", "starter", "--actor", bad], "actor"),
        ]
        for (args, expected) in cases {
            let result = folio.run(args + ["-o", "json"])
            #expect(result.status == 3, "\(args): \(result.stderr)")
            #expect(field(result) == expected, "\(args): \(result.stderr)")
            #expect(!result.stderr.contains(character) || character == "\t", "the message obeys what it quotes: \(result.stderr)")
        }
        let invoice = #"{"buyer":{"identificationType":"07","identification":"9999999999999","name":"CONSUMIDOR FINAL"},"items":[{"code":"A","description":"BAD","quantity":"1","unitPrice":"2.50","ivaRate":"4"}]}"#
        let escaped = String(data: try JSONSerialization.data(withJSONObject: [bad], options: .fragmentsAllowed), encoding: .utf8)!
        let line = invoice.replacingOccurrences(of: #""BAD""#, with: String(escaped.dropFirst().dropLast()))
        let document = folio.run(["documents", "create", "--issuer", issuer, "--file", "-", "-o", "json"], stdin: line)
        #expect(document.status == 3, "\(document.stderr)")
        #expect(field(document) == "items[0].description", "\(document.stderr)")
        #expect(folio.run(["tenants", "show", "ana@example.com", "-o", "json"]).json?["status"] as? String != "suspended")
    }

    @Test("a key-shaped text is refused as a label or name: lists would print it to everyone")
    func keysInText() throws {
        let folio = try InProcessFolio()
        _ = folio.run(["tenants", "register", "--email", "ana@example.com"])
        let secret = try #require(folio.run(["keys", "mint", "--tenant", "ana@example.com", "-o", "json"]).json?["secret"] as? String)
        let label = folio.run(["keys", "mint", "--tenant", "ana@example.com", "--label", "ci " + secret, "-o", "json"])
        #expect(label.status == 3)
        #expect(field(label) == "label")
        #expect(folio.run(["keys", "mint", "--tenant", "ana@example.com", "--label", "rotated from folio_test_AbCd…"]).status == 0)
    }

    @Test("plain accents, emoji and apostrophes still pass")
    func ordinaryText() throws {
        let folio = try InProcessFolio()
        let made = folio.run(["tenants", "register", "--email", "ana@example.com", "--name", "Añasco & O'Neil 🍋 Ltda.", "-o", "json"])
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.json?["name"] as? String == "Añasco & O'Neil 🍋 Ltda.")
    }

    @Test("-o csv prefixes a cell starting with = + - @ with a quote; JSON keeps the name as typed")
    func csvInjection() throws {
        let folio = try InProcessFolio()
        let names = [#"=HYPERLINK("http://evil.example","x")"#, "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)"]
        for (i, name) in names.enumerated() {
            #expect(folio.run(["tenants", "register", "--email", "u\(i)@example.com", "--name=\(name)"]).status == 0)
        }
        let csv = folio.run(["tenants", "list", "-o", "csv"]).stdout
        for name in names {
            let cell = "'" + name
            let quoted = cell.contains(",") || cell.contains("\"") ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
            #expect(csv.contains("," + quoted + ","), "\(name) in \(csv)")
        }
        #expect(csv.hasPrefix("id,email,name,"))
        let json = folio.run(["tenants", "list", "-o", "json"]).json?["items"] as? [[String: Any]]
        #expect(Set(json?.compactMap { $0["name"] as? String } ?? []) == Set(names))
    }
}
