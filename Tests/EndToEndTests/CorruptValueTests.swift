import Foundation
import Testing
import FolioTestSupport

/// A row edited into a value folio cannot read stops the command with store_unavailable (exit
/// 9) naming table, column and value, instead of printing a made-up default.
@Suite("corrupt stored values")
struct CorruptValueTests {
    @Test("an unknown tier: tenants list and show exit 9 naming tenants.tier and the value")
    func unknownEnum() throws {
        let folio = try FolioHarness()
        try folio.run(["tenants", "register", "--email", "a@example.com", "--tier", "pro"])
        _ = try folio.sqlite("UPDATE tenants SET tier = 'platinum'")
        let list = try folio.run(["tenants", "list"])
        #expect(list.status == 9, "\(list.stderr)")
        #expect(list.stdout.isEmpty)
        #expect(list.stderr.contains("tenants.tier is 'platinum'"), "\(list.stderr)")
        #expect(list.stderr.contains("backup"))
        let json = try folio.run(["tenants", "show", "a@example.com", "-o", "json"])
        #expect(json.status == 9)
        #expect(json.stderr.contains("\"error\":\"store_unavailable\""), "\(json.stderr)")
        #expect(json.stderr.contains("\"column\":\"tier\""), "\(json.stderr)")
    }

    @Test("an unreadable time or a BLOB in a text column: exit 9, not a key of 1970")
    func unreadableValues() throws {
        let folio = try FolioHarness()
        try folio.run(["tenants", "register", "--email", "a@example.com"])
        _ = try folio.sqlite("UPDATE api_keys SET created_at = 'last tuesday'")
        let keys = try folio.run(["keys", "list"])
        #expect(keys.status == 9, "\(keys.stderr)")
        #expect(keys.stderr.contains("api_keys.created_at is 'last tuesday'"), "\(keys.stderr)")
        _ = try folio.sqlite("UPDATE tenants SET name = x'00ff'")
        let tenants = try folio.run(["tenants", "list", "--all", "-o", "jsonl"])
        #expect(tenants.status == 9, "\(tenants.stderr)")
        #expect(tenants.stderr.contains("tenants.name is a BLOB of 2 bytes"), "\(tenants.stderr)")
    }

    @Test("an audit row edited into an unreadable time: audit list exits 9, audit verify still names the row (exit 10)")
    func auditTime() throws {
        let folio = try FolioHarness()
        for i in 0..<3 { try folio.run(["tenants", "register", "--email", "u\(i)@example.com"]) }
        _ = try folio.sqlite("UPDATE audit_log SET time = 'soon' WHERE seq = 2")
        let list = try folio.run(["audit", "list"])
        #expect(list.status == 9, "\(list.stderr)")
        #expect(list.stderr.contains("audit_log.time is 'soon'"), "\(list.stderr)")
        let verify = try folio.run(["audit", "verify", "-o", "json"])
        #expect(verify.status == 10, "\(verify.stderr)")
        #expect(verify.stderr.contains("\"row\":2"), "\(verify.stderr)")
    }
}
