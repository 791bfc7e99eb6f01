import Foundation
import Testing
@testable import FolioCLI
import CommandLineKit
import FolioCore
import FolioSupport
import FolioTestSupport

/// Issue 14 on the command line, in process: one filter for `documents list` and
/// `exports create`; the progress line on a terminal only; prune's question.
@Suite("exports, in process")
struct ExportsCommandTests {
    /// Ana (growth) with an issuer and `count` invoices.
    func seeded(count: Int = 3) throws -> InProcessFolio {
        let folio = try InProcessFolio()
        #expect(folio.run(["tenants", "register", "--email", "ana@example.com", "--name", "Ana", "--ruc", "1790011674001",
                           "--tier", "growth", "-q"]).status == 0)
        let issuer = try #require(folio.run(["issuers", "list", "--tenant", "ana@example.com", "-q"]).stdout
            .split(separator: "\n").first.map(String.init))
        let line = #"{"buyer":{"identificationType":"07","identification":"9999999999999","name":"CONSUMIDOR FINAL"},"items":[{"code":"A","description":"A","quantity":"1","unitPrice":"2.50","ivaRate":"4"}]}"#
        let made = folio.run(["documents", "create", "--issuer", issuer, "--file", "-", "-q"],
                             stdin: Array(repeating: line, count: count).joined(separator: "\n"))
        #expect(made.status == 0, "\(made.stderr)")
        return folio
    }

    @Test("exports create takes every filter option of documents list, spelled and described the same")
    func sharedFilters() {
        func options(_ spec: Command) -> [String: String] {
            Dictionary(uniqueKeysWithValues: spec.options.map { ($0.long, $0.help) })
        }
        let list = options(DocumentsList.spec), export = options(ExportsCreate.spec)
        let filters = list.keys.filter { !["sort", "limit", "cursor", "all"].contains($0) }
        #expect(filters.count == DocumentFilterOptions.specs.count)
        for name in filters { #expect(export[name] == list[name], "--\(name)") }
    }

    @Test("a progress line on a terminal's stderr, blanked before the result; nothing of it when piped")
    func progressOnTerminalOnly() throws {
        let folio = try seeded(count: 120)
        let onTerminal = folio.run(["exports", "create", "--tenant", "ana@example.com", "--all-time"], terminal: true, width: 100)
        #expect(onTerminal.status == 0, "\(onTerminal.stderr)")
        #expect(onTerminal.stderr.contains("\rexporting: 100 of 120"), "\(onTerminal.stderr.debugDescription)")
        #expect(onTerminal.stderr.contains("exported 120 documents"))
        let piped = folio.run(["exports", "create", "--tenant", "ana@example.com", "--all-time"])
        #expect(piped.status == 0)
        #expect(!piped.stderr.contains("exporting:") && !piped.stderr.contains("\r"), "\(piped.stderr.debugDescription)")
    }

    @Test("prune asks on a terminal, saying how many; 'n' changes nothing; --dry-run asks nothing")
    func pruneAsks() throws {
        let folio = try seeded(count: 1)
        #expect(folio.run(["exports", "create", "--tenant", "ana@example.com", "--all-time", "-q"]).status == 0)
        let later = Timestamp(seconds: TestClock.seconds + 100 * TestClock.day)
        let declined = folio.run(["exports", "prune", "--older-than", "90d"], stdin: "n\n", terminal: true, at: later)
        #expect(declined.status == 2)
        #expect(declined.stderr.contains("Delete the archives of 1 exports"), "\(declined.stderr)")
        let dry = folio.run(["exports", "prune", "--older-than", "90d", "--dry-run", "-o", "json"], at: later)
        #expect(dry.status == 0 && (dry.json?["count"] as? Int) == 1, "\(dry.stderr)")
        let listed = folio.run(["exports", "list", "--status", "completed", "-q"])
        #expect(listed.stdout.split(separator: "\n").count == 1)
        let done = folio.run(["exports", "prune", "--older-than", "90d"], stdin: "y\n", terminal: true, at: later)
        #expect(done.status == 0, "\(done.stderr)")
        #expect(folio.run(["exports", "list", "--status", "pruned", "-q"]).stdout.split(separator: "\n").count == 1)
    }

    @Test("every single byte of an archive, flipped, fails verification as signature_invalid (exit 10)")
    func everyByteFlipped() throws {
        let folio = try seeded(count: 1)
        let made = folio.run(["exports", "create", "--tenant", "ana@example.com", "--all-time", "-o", "json"])
        let id = try #require(made.json?["id"] as? String, "\(made.stderr)")
        let path = folio.store + "/exports/" + id + ".zip"
        let original = try FileSystem.readFile(path, limit: 1 << 20)
        #expect(original.count > 2_000)
        let damaged = ProcessRunner.temporaryDirectory("folio-flip") + "/flip.zip"
        var passed: [Int] = []
        for offset in original.indices {
            var bytes = original
            bytes[offset] ^= 0x01
            try FileSystem.write(bytes, to: damaged, mode: 0o600, exclusive: false)
            do {
                _ = try Exports.verify(path: damaged, source: "flip.zip", now: TestClockTimestamp.now)
                passed.append(offset)
            } catch let error as FolioError {
                if error.code != .signatureInvalid { passed.append(offset) }
            }
        }
        #expect(passed.isEmpty, "offsets that did not fail signature_invalid: \(passed.prefix(10)) of \(original.count)")
        _ = try Exports.verify(path: path, source: id, now: TestClockTimestamp.now)
    }
}

/// The test clock's instant as FolioSupport's timestamp.
enum TestClockTimestamp {
    static let now = Timestamp(seconds: TestClock.seconds)
}
