import Foundation
import Testing
@testable import FolioCLI
import FolioCore
import FolioSupport
import FolioTestSupport

/// Issue 13 items 1 and 2 on the command line: `documents list`'s filters, orders and cursors,
/// its bad input (exit 3 naming the option), and `documents events`.
@Suite("documents list and events, in process")
struct DocumentsListTests {
    /// Ana's issuer and four invoices: dates, buyers and totals differ.
    struct Seeded {
        let folio: InProcessFolio
        let issuer: String
        /// Oldest first by emission date.
        let documents: [(id: String, accessKey: String, date: String, total: String)]
    }

    static func invoice(date: String, buyer: String, name: String, price: String) -> String {
        #"{"issueDate":"\#(date)","buyer":{"identificationType":"\#(buyer.count == 13 ? "04" : "05")","identification":"\#(buyer)","name":"\#(name)"},"#
            + #""items":[{"code":"A","description":"A","quantity":"1","unitPrice":"\#(price)","ivaRate":"0"}]}"#
    }

    func seeded() throws -> Seeded {
        let folio = try InProcessFolio()
        #expect(folio.run(["tenants", "register", "--email", "ana@example.com", "--name", "Ana", "--ruc", "1790011674001", "-q"]).status == 0)
        let issuer = try #require(folio.run(["issuers", "list", "--tenant", "ana@example.com", "-q"]).stdout
            .split(separator: "\n").first.map(String.init))
        var documents: [(String, String, String, String)] = []
        for (date, buyer, name, price) in [("2026-10-05", "1710034065", "María José Núñez", "58.00"),
                                           ("2026-11-01", "1710034065", "María José Núñez", "100.00"),
                                           ("2026-11-15", "0990011674001", "Comercial ÁGUILA", "250.50"),
                                           ("2026-11-20", "1710034065", "Pedro Pérez", "99.99")] {
            let made = folio.run(["documents", "create", "--issuer", issuer, "--file", "-", "-o", "json"],
                                 stdin: Self.invoice(date: date, buyer: buyer, name: name, price: price))
            let id = try #require(made.json?["id"] as? String, "\(made.stderr)")
            documents.append((id, try #require(made.json?["accessKey"] as? String), date, price))
        }
        return Seeded(folio: folio, issuer: issuer, documents: documents)
    }

    func ids(_ folio: InProcessFolio, _ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) -> [String] {
        let listed = folio.run(["documents", "list", "-o", "id"] + arguments)
        #expect(listed.status == 0, "\(arguments): \(listed.stderr)", sourceLocation: sourceLocation)
        return listed.stdout.split(separator: "\n").map(String.init)
    }

    @Test("newest first by default; --sort date|-date|total|-total; each filter and the README's examples")
    func filtersAndOrders() throws {
        let s = try seeded()
        let byDate = s.documents.map(\.id)
        #expect(ids(s.folio, []) == byDate.reversed())
        #expect(ids(s.folio, ["--sort", "-date"]) == byDate.reversed())
        #expect(ids(s.folio, ["--sort=date"]) == byDate)
        #expect(ids(s.folio, ["--sort", "total"]) == [0, 3, 1, 2].map { byDate[$0] })
        #expect(ids(s.folio, ["--sort", "-total"]) == [2, 1, 3, 0].map { byDate[$0] })
        #expect(ids(s.folio, ["--tenant", "ana@example.com", "--status", "signed", "--from", "2026-11-01", "--to", "2026-11-30",
                              "--limit", "20"]) == [3, 2, 1].map { byDate[$0] })
        #expect(ids(s.folio, ["--issuer", s.issuer, "--buyer", "1710034065", "--min-total", "100", "--all"]) == [byDate[1]])
        #expect(ids(s.folio, ["--buyer-name", "NUNEZ"]) == [1, 0].map { byDate[$0] })
        #expect(ids(s.folio, ["--buyer-name", "águila"]) == [byDate[2]])
        #expect(ids(s.folio, ["--max-total", "99.99"]) == [3, 0].map { byDate[$0] })
        #expect(ids(s.folio, ["--min-total", "99.99", "--max-total", "100"]) == [3, 1].map { byDate[$0] })
        #expect(ids(s.folio, ["--access-key-prefix", String(s.documents[2].accessKey.prefix(8))]) == [byDate[2]])
        #expect(ids(s.folio, ["--type", "01", "--to", "2026-10-31"]) == [byDate[0]])
        #expect(ids(s.folio, ["--type", "04"]).isEmpty)
        #expect(ids(s.folio, ["--tenant", "1790011674001", "--sort", "-date"]) == byDate.reversed())
    }

    @Test("pages of --limit 1 follow the cursor in each order; --all -o jsonl gives every document")
    func cursors() throws {
        let s = try seeded()
        for sort in ["date", "-date", "total", "-total"] {
            var cursor: String?
            var walked: [String] = []
            repeat {
                let page = s.folio.run(["documents", "list", "--sort", sort, "--limit", "1", "-o", "json"]
                                           + (cursor.map { ["--cursor", $0] } ?? []))
                #expect(page.status == 0, "\(page.stderr)")
                walked += (page.json?["items"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
                cursor = page.json?["nextCursor"] as? String
            } while cursor != nil && walked.count < 10
            #expect(walked == ids(s.folio, ["--sort", sort, "--all"]), "\(sort)")
        }
        let lines = s.folio.run(["documents", "list", "--all", "-o", "jsonl"]).stdout.split(separator: "\n")
        #expect(lines.count == 4)
    }

    @Test("bad dates, amounts, codes, ranges and cursors exit 3 naming the option; a cursor of another order says which")
    func badInput() throws {
        let s = try seeded()
        let cases: [([String], String, String)] = [
            (["--from", "2026-02-30"], "from", "2026-11-30"),
            (["--to", "30/11/2026"], "to", "2026-11-30"),
            (["--from", "2026-11-20", "--to", "2026-11-01"], "to", "no document can match"),
            (["--min-total", "abc"], "min-total", "99.50"),
            (["--min-total", "-1"], "min-total", "99.50"),
            (["--max-total", "1.005"], "max-total", "two decimals"),
            (["--min-total", "10", "--max-total", "5"], "max-total", "no document can match"),
            (["--type", "1"], "type", "two digits"),
            (["--access-key-prefix", "12ab"], "access-key-prefix", "digits"),
            (["--buyer-name", " "], "buyer-name", "text"),
            (["--sort", "amount"], "sort", "-date"),
            (["--cursor", "abc"], "cursor", "not one this command gave out"),
            (["--tenant", "nobody@example.com"], "", "no tenant"),
        ]
        for (arguments, option, words) in cases {
            let failed = s.folio.run(["documents", "list"] + arguments + ["-o", "json"])
            #expect(failed.status == (option.isEmpty ? 4 : 3), "\(arguments): \(failed.stderr)")
            #expect(failed.stdout.isEmpty)
            #expect(failed.stderr.contains(words), "\(arguments): \(failed.stderr)")
            if !option.isEmpty { #expect(failed.stderr.contains(#""field":"\#(option)""#), "\(arguments): \(failed.stderr)") }
        }
        let cursor = try #require(s.folio.run(["documents", "list", "--limit", "1", "-o", "json"]).json?["nextCursor"] as? String)
        let foreign = s.folio.run(["documents", "list", "--sort", "total", "--cursor", cursor])
        #expect(foreign.status == 3)
        #expect(foreign.stderr.contains("sorted by -date, not by total"), "\(foreign.stderr)")
        #expect(foreign.stderr.contains("hint: continue with the order the cursor was made in (--sort -date)"), "\(foreign.stderr)")
    }

    @Test("events: the document's audit entry and event, oldest first, by id or access key; JSON lines; unknown exits 4")
    func events() throws {
        let s = try seeded()
        let document = s.documents[1]
        let json = s.folio.run(["documents", "events", document.id, "-o", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        let items = try #require(json.json?["items"] as? [[String: Any]], "\(json.stdout)")
        #expect(items.map { $0["type"] as? String } == ["document.create", "document.signed"])
        #expect(items.map { $0["source"] as? String } == ["audit", "event"])
        #expect(items.allSatisfy { ($0["actor"] as? String)?.isEmpty == false && $0["time"] is String && $0["details"] is [String: Any] })
        #expect((items[1]["details"] as? [String: Any])?["id"] as? String == document.id)
        let lines = s.folio.run(["documents", "events", document.accessKey, "-o", "jsonl"])
        #expect(lines.stdout.split(separator: "\n").count == 2)
        // Only its own history: the other documents' rows are not in it.
        #expect(!lines.stdout.contains(s.documents[0].id))
        let missing = s.folio.run(["documents", "events", "doc_01KB0000000000000000000000"])
        #expect(missing.status == 4)
        #expect(s.folio.run(["documents", "events", "nonsense"]).status == 3)
    }
}
