import Foundation
import Testing
import FolioTestSupport

@Suite("keys scan")
struct KeysScanTests {
    @Test("scan reports file:line and state without the secret; --revoke kills the active ones")
    func scan() throws {
        let folio = try FolioHarness()
        let (tenant, active) = try folio.registerTenant("ana@example.com")
        let revoked = try #require(try folio.mint(["--tenant", tenant]).string("secret"))
        try folio.run(["keys", "revoke", String(revoked.prefix(15))])
        let unknown = try foreignKey()
        var broken = Array(active)
        broken[30] = broken[30] == "a" ? "b" : "a"

        let repo = ProcessRunner.temporaryDirectory("folio-scan")
        let fm = FileManager.default
        try fm.createDirectory(atPath: repo + "/src", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: repo + "/.git", withIntermediateDirectories: true)
        try Data("# config\nFOLIO_KEY=\(active)\n".utf8).write(to: URL(fileURLWithPath: repo + "/src/app.env"))
        try Data("a\nb\nold = \"\(revoked)\"\nnew = '\(unknown)'\nbad: \(String(broken))\n".utf8)
            .write(to: URL(fileURLWithPath: repo + "/notes.md"))
        try Data("ref: \(active)\n".utf8).write(to: URL(fileURLWithPath: repo + "/.git/config"))
        try Data([0x00, 0x01] + Array(active.utf8)).write(to: URL(fileURLWithPath: repo + "/blob.bin"))

        let report = try folio.run(["keys", "scan", repo, "-o", "json"])
        #expect(report.status == 6)
        #expect(report.stderr.contains("\"error\":\"unauthorized\""))
        for secret in [active, revoked, unknown, String(broken)] {
            #expect(!report.stdout.contains(secret) && !report.stderr.contains(secret), "a secret was printed")
        }
        let json = try #require(try JSONSerialization.jsonObject(with: report.stdoutData) as? [String: Any])
        let items = try #require(json["items"] as? [[String: Any]])
        let summary = items.map { "\(($0.string("file") ?? "").replacingOccurrences(of: repo, with: "")):\($0["line"] as? Int ?? 0):\($0.string("state") ?? "")" }
        #expect(summary == ["/notes.md:3:revoked", "/notes.md:4:unknown", "/notes.md:5:bad_checksum", "/src/app.env:2:active"])
        let activeItem = try #require(items.last)
        #expect(activeItem.string("tenantId") == tenant && activeItem.string("start") == String(active.prefix(15)))

        let revoking = try folio.run(["keys", "scan", repo, "--revoke", "--yes"])
        #expect(revoking.status == 0, "\(revoking.stderr)")
        #expect(!revoking.stdout.contains(active))
        #expect(try folio.verifyBody(try folio.verify(active)).string("reason") == "revoked")
        let reason = try folio.sqliteValue("SELECT revoked_reason FROM api_keys WHERE start = '\(active.prefix(15))'")
        #expect(reason == "leaked")
        #expect(try folio.run(["keys", "scan", repo]).status == 0)
        #expect(try folio.run(["keys", "scan", repo + "/missing"]).status == 4)
    }
}
