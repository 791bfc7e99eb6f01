import Foundation
import Testing
import FolioTestSupport

@Suite("mutation pipeline: idempotency, dry run, audit, events")
struct PipelineTests {
    @Test("the same idempotency key and arguments replays stdout byte for byte")
    func replay() throws {
        let folio = try FolioHarness()
        let args = ["tenants", "register", "--email", "ana@example.com", "--idempotency-key", "seed-1", "-o", "json"]
        let first = try folio.run(args)
        let auditAfterFirst = try folio.sqlite("SELECT count(*) FROM audit_log")
        let second = try folio.run(args)
        #expect(first.status == 0 && second.status == 0)
        #expect(first.stdoutData == second.stdoutData)
        #expect(second.stderr.contains("replayed"))
        #expect(try folio.sqlite("SELECT count(*) FROM audit_log") == auditAfterFirst)
        #expect(try folio.sqlite("SELECT count(*) FROM tenants") == "1\n")
        // The stored result is sealed: the plain output is not in the database.
        let id = try #require((try JSONSerialization.jsonObject(with: first.stdoutData) as? [String: Any])?["id"] as? String)
        #expect(try folio.sqlite("SELECT count(*) FROM idempotency_records WHERE instr(sealed_stdout, '\(id)') > 0").hasPrefix("0"))
    }

    @Test("the same key with other arguments is an idempotency_conflict (exit 5)")
    func conflict() throws {
        let folio = try FolioHarness()
        try folio.run(["tenants", "register", "--email", "a@example.com", "--idempotency-key", "k"])
        let other = try folio.run(["tenants", "register", "--email", "b@example.com", "--idempotency-key", "k", "-o", "json"])
        #expect(other.status == 5)
        #expect(other.stderr.contains("\"error\":\"idempotency_conflict\""))
        #expect(try folio.json(["tenants", "list"])["items"].map { ($0 as! [Any]).count } == 1)
    }

    @Test("idempotency keys expire after 24 hours")
    func expiry() throws {
        let folio = try FolioHarness()
        let now = ["FOLIO_NOW": "2026-11-20T08:00:00Z"]
        #expect(try folio.run(["tenants", "register", "--email", "a@example.com", "--idempotency-key", "k"], environment: now).status == 0)
        let within = try folio.run(["tenants", "register", "--email", "b@example.com", "--idempotency-key", "k"],
                                   environment: ["FOLIO_NOW": "2026-11-21T07:59:59Z"])
        #expect(within.status == 5)
        let later = try folio.run(["tenants", "register", "--email", "b@example.com", "--idempotency-key", "k"],
                                  environment: ["FOLIO_NOW": "2026-11-21T08:00:01Z"])
        #expect(later.status == 0, "\(later.stderr)")
    }

    @Test("--dry-run validates, prints the would-be result, and writes nothing")
    func dryRun() throws {
        let folio = try FolioHarness()
        let before = try folio.sqlite(".dump")
        let result = try folio.run(["tenants", "register", "--email", "ana@example.com", "--dry-run", "-o", "json"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("\"email\": \"ana@example.com\""))
        #expect(result.stderr.contains("dry run"))
        #expect(try folio.sqlite(".dump") == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folio.store + "/outbox").isEmpty)
        let invalid = try folio.run(["tenants", "register", "--email", "bad", "--dry-run"])
        #expect(invalid.status == 3)
    }

    @Test("every mutation writes its audit entry and its domain event in the same transaction")
    func auditAndEvents() throws {
        let folio = try FolioHarness()
        let id = try #require(try folio.json(["tenants", "register", "--email", "ana@example.com"])["id"] as? String)
        try folio.run(["tenants", "set-tier", id, "growth"])
        let events = try folio.sqlite("SELECT type FROM events WHERE type LIKE 'tenant.%' ORDER BY seq")
        #expect(events == "tenant.created\ntenant.updated\n")
        let audit = try folio.sqlite("SELECT action || '|' || actor || '|' || target_id FROM audit_log WHERE action LIKE 'tenant.%' ORDER BY seq")
        #expect(audit == "tenant.register|e2e|\(id)\ntenant.set_tier|e2e|\(id)\n")
    }
}
