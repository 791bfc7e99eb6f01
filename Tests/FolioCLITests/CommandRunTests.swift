import Foundation
import Testing
@testable import FolioCLI
import FolioTestSupport

/// Commands run in process against a temporary store: what they print in each format and what
/// they leave behind.
@Suite("commands: running, in process")
struct CommandRunTests {
    @Test("register, list, show: one tenant in every format; a piped table has no header and absolute times")
    func tenants() throws {
        let folio = try InProcessFolio()
        let made = folio.run(["tenants", "register", "--email", "ana@example.com", "--name", "Ana Foods", "-o", "json"])
        #expect(made.status == 0, "\(made.stderr)")
        let id = try #require(made.json?["id"] as? String)
        #expect(made.stderr.contains("registered \(id)"))

        let piped = folio.run(["tenants", "list"])
        #expect(piped.stdout.hasPrefix(id + "\tana@example.com\tAna Foods\ttrial\tpending_verification"))
        #expect(piped.stdout.contains("\t2026-11-23T10:20:00Z\n"))
        let onTerminal = folio.run(["tenants", "list"], terminal: true, width: 120)
        #expect(onTerminal.stdout.hasPrefix("\u{1B}[1mID"))   // a bold header
        #expect(onTerminal.stdout.contains("just now"))
        #expect(folio.run(["tenants", "list", "-o", "csv"]).stdout.hasPrefix("id,email,name,tier,status,env,lang,created\r\n"))
        #expect(folio.run(["tenants", "list", "-q"]).stdout == id + "\n")
        #expect(folio.run(["tenants", "show", "ana@example.com", "-o", "jsonl"]).stdout.hasPrefix("{\"id\":\"\(id)\""))
        let missing = folio.run(["tenants", "show", "bob@example.com"])
        #expect(missing.status == 4)
        #expect(missing.stderr.contains("hint: list tenants with 'folio tenants list'"))
    }

    @Test("keys: mint shows the secret once, show never; revoke asks without a terminal for --yes only for production")
    func keys() throws {
        let folio = try InProcessFolio()
        _ = folio.run(["tenants", "register", "--email", "ana@example.com"])
        let minted = folio.run(["keys", "mint", "--tenant", "ana@example.com", "--label", "ci", "-o", "json"])
        #expect(minted.status == 0, "\(minted.stderr)")
        let secret = try #require(minted.json?["secret"] as? String)
        let id = try #require(minted.json?["id"] as? String)
        let shown = folio.run(["keys", "show", id, "-o", "json"])
        #expect(shown.status == 0 && !shown.stdout.contains(secret))
        #expect(folio.run(["keys", "verify"], stdin: secret).status == 0)
        #expect(folio.run(["keys", "revoke", id]).status == 0)   // sandbox: no confirmation
        let refused = folio.run(["keys", "verify", "-o", "json"], stdin: secret)
        #expect(refused.status == 6)
        #expect(refused.stdout.contains(#""valid": false"#) && refused.stderr.contains(#""error":"unauthorized""#))
    }

    @Test("documents: a factura is created, listed and verified; a bad line of a batch names its line, the others sign")
    func documents() throws {
        let folio = try InProcessFolio()
        _ = folio.run(["tenants", "register", "--email", "ana@example.com", "--ruc", "1790011674001"])
        let issuer = try #require(folio.run(["issuers", "list", "-q"]).stdout.split(separator: "\n").first.map(String.init))
        let line = #"{"buyer":{"identificationType":"07","identification":"9999999999999","name":"CONSUMIDOR FINAL"},"items":[{"code":"A","description":"A","quantity":"1","unitPrice":"2.50","ivaRate":"4"}]}"#
        let batch = [line, #"{"buyer":{}}"#, line].joined(separator: "\n")
        let made = folio.run(["documents", "create", "--issuer", issuer, "--file", "-", "-o", "jsonl"], stdin: batch)
        #expect(made.status == 3)
        #expect(made.stdout.split(separator: "\n").count == 2)
        #expect(made.stderr.contains("line 2:"))
        #expect(made.stderr.contains("signed 2 of 3 documents"))
        let ids = folio.run(["documents", "list", "-q"]).stdout.split(separator: "\n").map(String.init)
        #expect(ids.count == 2)
        let verified = folio.run(["documents", "verify", ids[0], "-o", "json"])
        #expect(verified.status == 0, "\(verified.stderr)")
        #expect(verified.json?["valid"] as? Bool == true)
    }

    @Test("--dry-run of a batch shows the sequentials the lines would get, and writes nothing")
    func dryRunBatch() throws {
        let folio = try InProcessFolio()
        _ = folio.run(["tenants", "register", "--email", "ana@example.com", "--ruc", "1790011674001"])
        let issuer = try #require(folio.run(["issuers", "list", "-q"]).stdout.split(separator: "\n").first.map(String.init))
        let line = #"{"buyer":{"identificationType":"07","identification":"9999999999999","name":"CONSUMIDOR FINAL"},"items":[{"code":"A","description":"A","quantity":"1","unitPrice":"2.50","ivaRate":"4"}]}"#
        let dry = folio.run(["documents", "create", "--issuer", issuer, "--file", "-", "--dry-run", "-o", "jsonl"],
                            stdin: [line, line, line].joined(separator: "\n"))
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("001-001-000000001") && dry.stdout.contains("001-001-000000003"))
        #expect(dry.stderr.contains("dry run: nothing was written"))
        #expect(folio.run(["documents", "list", "-q"]).stdout.isEmpty)
    }

    @Test("--dry-run of a batch longer than a commit group: each line shows the number the real run gives it")
    func dryRunBatchAcrossGroups() throws {
        let folio = try InProcessFolio()
        _ = folio.run(["tenants", "register", "--email", "ana@example.com", "--ruc", "1790011674001"])
        let issuer = try #require(folio.run(["issuers", "list", "-q"]).stdout.split(separator: "\n").first.map(String.init))
        let line = #"{"buyer":{"identificationType":"07","identification":"9999999999999","name":"CONSUMIDOR FINAL"},"items":[{"code":"A","description":"A","quantity":"1","unitPrice":"2.50","ivaRate":"4"}]}"#
        let count = DocumentsCreate.groupSize + 5
        let batch = Array(repeating: line, count: count).joined(separator: "\n")
        let dry = folio.run(["documents", "create", "--issuer", issuer, "--file", "-", "--dry-run", "-o", "jsonl"], stdin: batch)
        #expect(dry.status == 0, "\(dry.stderr)")
        let numbers = dry.stdout.split(separator: "\n").compactMap { row in
            (try? JSONSerialization.jsonObject(with: Data(row.utf8)) as? [String: Any])?["number"] as? String
        }
        let expected = (1...count).map { "001-001-" + String(repeating: "0", count: 9 - String($0).count) + String($0) }
        #expect(numbers == expected)
        // Nothing was written, the series' counter included: the real run starts at 1.
        #expect(folio.run(["documents", "list", "-q"]).stdout.isEmpty)
        let real = folio.run(["documents", "create", "--issuer", issuer, "--file", "-", "-o", "jsonl"], stdin: line)
        #expect(real.stdout.contains("\"001-001-000000001\""), "\(real.stderr)")
    }
}

/// An idempotent command recorded its result, not its output: a replay renders it in the
/// format asked for now, and presentation options are not part of the request.
@Suite("idempotent replays, in process")
struct ReplayTests {
    @Test("a replay through a pipe prints the piped table, not the first call's terminal table")
    func pipedReplayAfterTerminal() throws {
        let folio = try InProcessFolio()
        let first = folio.run(["tenants", "register", "--email", "ana@example.com", "--idempotency-key", "k1"],
                              terminal: true, width: 120)
        #expect(first.status == 0)
        #expect(first.stdout.hasPrefix("\u{1B}[1mID") && first.stdout.contains("just now"))
        let replay = folio.run(["tenants", "register", "--email", "ana@example.com", "--idempotency-key", "k1"])
        #expect(replay.status == 0, "\(replay.stderr)")
        #expect(!replay.stdout.contains("\u{1B}") && !replay.stdout.contains("just now") && !replay.stdout.hasPrefix("ID"))
        #expect(replay.stdout.contains("\t2026-11-23T10:20:00Z\t"))
        #expect(replay.stderr.contains("replayed the result of idempotency key 'k1'"))
    }

    @Test("the same key with -o json, -q or --no-color added replays in that form; other arguments conflict")
    func presentationIsNotPartOfTheRequest() throws {
        let folio = try InProcessFolio()
        let first = folio.run(["keys", "mint", "--tenant", "x@example.com"])
        #expect(first.status == 4)
        _ = folio.run(["tenants", "register", "--email", "ana@example.com"])
        let minted = folio.run(["keys", "mint", "--tenant", "ana@example.com", "--idempotency-key", "m1"])
        #expect(minted.status == 0)
        let secret = try #require(minted.stdout.split(separator: "\t").first { $0.hasPrefix("folio_test_") && $0.count > 20 })
        let asJSON = folio.run(["keys", "mint", "--tenant", "ana@example.com", "--idempotency-key", "m1", "-o", "json"])
        #expect(asJSON.status == 0, "\(asJSON.stderr)")
        #expect(asJSON.json?["secret"] as? String == String(secret).trimmingCharacters(in: .newlines))
        let quiet = folio.run(["keys", "mint", "--tenant", "ana@example.com", "--idempotency-key", "m1", "-q", "--no-color"])
        #expect(quiet.stdout == String(secret).trimmingCharacters(in: .newlines) + "\n")
        let other = folio.run(["keys", "mint", "--tenant", "ana@example.com", "--idempotency-key", "m1", "--label", "x"])
        #expect(other.status == 5 && other.stderr.contains("already used with other arguments"))
        #expect(folio.run(["keys", "list", "--tenant", "ana@example.com", "-q"]).stdout.split(separator: "\n").count == 2)
    }
}
