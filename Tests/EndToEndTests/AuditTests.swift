import Foundation
import Testing
import FolioTestSupport

@Suite("audit log")
struct AuditTests {
    func seeded() throws -> FolioHarness {
        let folio = try FolioHarness()
        for i in 0..<4 { try folio.run(["tenants", "register", "--email", "u\(i)@example.com"]) }
        #expect(try folio.run(["audit", "verify"]).status == 0)
        return folio
    }

    @Test("audit verify names the first edited row (exit 10)")
    func edited() throws {
        let folio = try seeded()
        _ = try folio.sqlite("UPDATE audit_log SET actor = 'mallory' WHERE seq = 2")
        let result = try folio.run(["audit", "verify", "-o", "json"])
        #expect(result.status == 10)
        #expect(result.stderr.contains("\"row\":2"))
        #expect(result.stderr.contains("signature_invalid"))
        #expect(try folio.run(["store", "check"]).status == 10)
    }

    @Test("audit verify finds a removed row, a removed last row, and reordered rows")
    func removedAndReordered() throws {
        let removed = try seeded()
        _ = try removed.sqlite("DELETE FROM audit_log WHERE seq = 3")
        let r1 = try removed.run(["audit", "verify"])
        #expect(r1.status == 10)
        #expect(r1.stderr.contains("row 4"))

        let truncated = try seeded()
        _ = try truncated.sqlite("DELETE FROM audit_log WHERE seq = 4")
        #expect(try truncated.run(["audit", "verify"]).status == 10)

        let reordered = try seeded()
        _ = try reordered.sqlite("""
            UPDATE audit_log SET seq = 100 WHERE seq = 2; UPDATE audit_log SET seq = 2 WHERE seq = 3;
            UPDATE audit_log SET seq = 3 WHERE seq = 100;
            """)
        let r3 = try reordered.run(["audit", "verify"])
        #expect(r3.status == 10)
        #expect(r3.stderr.contains("row 2"))
    }

    @Test("audit list filters by target and time")
    func filters() throws {
        let folio = try FolioHarness()
        try folio.run(["tenants", "register", "--email", "a@example.com"], environment: ["FOLIO_NOW": "2026-01-01T00:00:00Z"])
        let b = try folio.json(["tenants", "register", "--email", "b@example.com"])
        let id = try #require(b["id"] as? String)
        let byTarget = try folio.run(["audit", "list", "--target", id, "-o", "jsonl"])
        #expect(!byTarget.stdout.isEmpty)
        #expect(byTarget.stdout.split(separator: "\n").allSatisfy { $0.contains(id) })
        let since = try folio.run(["audit", "list", "--since", "2026-06-01T00:00:00Z", "-o", "jsonl"])
        #expect(!since.stdout.isEmpty)
        #expect(since.stdout.split(separator: "\n").allSatisfy { $0.contains(id) && !$0.contains("2026-01-01") })
        let until = try folio.run(["audit", "list", "--until", "2026-06-01T00:00:00Z", "-o", "jsonl"])
        #expect(until.stdout.contains("2026-01-01T00:00:00Z"))
        #expect(try folio.run(["audit", "list", "--since", "yesterday"]).status == 3)
    }

    @Test("the README's tour, by the binary: audit list --target ana@example.com, newest first; --since 1h on FOLIO_NOW")
    func tourTarget() throws {
        let folio = try FolioHarness()
        let early = ["FOLIO_NOW": "2026-11-01T12:00:00Z"], now = ["FOLIO_NOW": "2026-11-30T12:00:00Z"]
        try folio.run(["tenants", "register", "--email", "bob@example.com"], environment: early)
        let registered = try folio.run(["tenants", "register", "--email", "ana@example.com", "--name", "José Núñez",
                                        "--ruc", "1790011674001", "-q"], environment: now)
        let id = try #require(registered.stdout.split(separator: "\n").first.map(String.init), "\(registered.stderr)")
        let listed = try folio.run(["audit", "list", "--target", "ana@example.com", "-o", "jsonl"], environment: now)
        #expect(listed.status == 0, "\(listed.stderr)")
        let rows = listed.stdout.split(separator: "\n")
        #expect(rows.count >= 2 && rows.allSatisfy { $0.contains(id) })
        // Newest first: the registration, the first entry written, is the last listed.
        #expect(rows.last?.contains("tenant.register") == true)
        #expect(try folio.run(["audit", "list", "--target", "nobody@example.com"], environment: now).status == 4)
        // A time ago counts back from the command's clock, not the machine's.
        let recent = try folio.run(["audit", "list", "--since", "1h", "-o", "jsonl"], environment: now)
        #expect(recent.stdout.split(separator: "\n").count == rows.count)
        #expect(try folio.run(["tenants", "list", "--search", "NUNEZ", "-q"], environment: now).stdout == id + "\n")
    }
}
