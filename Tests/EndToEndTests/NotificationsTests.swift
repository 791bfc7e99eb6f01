import Foundation
import Testing
import FolioTestSupport

/// Issue 15, item 6, through the built binary: `jobs run` from cron (again and again, and from
/// two processes at once) makes each certificate notification once; list, read, preferences;
/// pruning of idempotency records. The binary's clock is `FOLIO_NOW`, moved from `TestClock`.
@Suite("notifications and jobs")
struct NotificationsTests {
    static func now(days: Double) -> [String: String] {
        ["FOLIO_NOW": TestClock.rfc3339(plus: Int64(days * 86_400))]
    }

    /// A tenant whose issuer's certificate was made at the test clock, valid `days` days.
    func seeded(days: Int = 20) throws -> (FolioHarness, issuer: String) {
        let folio = try FolioHarness(environment: Self.now(days: 0))
        #expect(try folio.run(["tenants", "register", "--email", "ana@example.com", "--ruc", "1790011674001", "-q"]).status == 0)
        let issuer = try folio.run(["issuers", "list", "-q"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try folio.run(["issuers", "cert", "generate", issuer, "--days", String(days), "-q"]).status == 0)
        return (folio, issuer)
    }

    func notifications(_ folio: FolioHarness) throws -> Int {
        Int(try folio.sqlite("SELECT count(*) FROM notifications").trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }

    @Test("jobs run again and again: one notification, exit 0 each time, a per-step summary")
    func idempotentRuns() throws {
        let (folio, _) = try seeded()
        for _ in 0..<3 {
            let ran = try folio.run(["jobs", "run"], environment: Self.now(days: 1))
            #expect(ran.status == 0, "\(ran.stderr)")
            #expect(ran.stdout.contains("certificate-notifications\tdone\t") && ran.stdout.contains("webhook-retries\tdone\t0"),
                    "\(ran.stdout)")
        }
        #expect(try notifications(folio) == 1)
        #expect(try folio.sqlite("SELECT type FROM events WHERE type LIKE 'notification.%'") == "notification.created\n")
        let nothing = try folio.run(["jobs", "run", "-q"], environment: Self.now(days: 2))
        #expect(nothing.status == 0)
    }

    @Test("two processes running jobs at the same instant make each notification once")
    func concurrentRuns() throws {
        let (folio, _) = try seeded()
        let failures = Failures()
        for round in 0..<3 {
            // Round 0: 19 days left (30); round 1: 5 left (7); round 2: expired.
            let days = [1.0, 15.0, 21.0][round]
            inParallel(2) { _ in
                do {
                    let ran = try folio.run(["jobs", "run", "-q"], environment: Self.now(days: days))
                    if ran.status != 0 { failures.add("exit \(ran.status): \(ran.stderr)") }
                } catch { failures.add("\(error)") }
            }
            #expect(try notifications(folio) == round + 1)
        }
        #expect(failures.all.isEmpty, "\(failures.all)")
        #expect(try folio.sqlite("SELECT threshold FROM notifications ORDER BY id") == "30\n7\n0\n")
        #expect(try folio.run(["audit", "verify"]).status == 0)
    }

    @Test("list filters, read and preferences through the binary")
    func listReadPreferences() throws {
        let (folio, issuer) = try seeded(days: 5)
        #expect(try folio.run(["tenants", "register", "--email", "bea@example.com", "--ruc", "0990011674001", "-q"]).status == 0)
        #expect(try folio.run(["jobs", "run", "-q"], environment: Self.now(days: 1)).status == 0)
        let all = try folio.json(["notifications", "list"])
        let items = all["items"] as? [[String: Any]] ?? []
        #expect(items.count == 1 && items.first?["type"] as? String == "certificate.expiring")
        let id = items.first?["id"] as? String ?? ""
        #expect(try folio.run(["notifications", "list", "--issuer", issuer, "-q"]).stdout == id + "\n")
        #expect(try folio.run(["notifications", "list", "--tenant", "bea@example.com", "-q"]).stdout.isEmpty)
        #expect(try folio.run(["notifications", "list", "--since-id", id, "-q"]).stdout.isEmpty)
        #expect(try folio.run(["notifications", "read", id, "-q"]).stdout == id + "\n")
        #expect(try folio.run(["notifications", "list", "--unread", "-q"]).stdout.isEmpty)
        let off = try folio.run(["notifications", "preferences", "--tenant", "ana@example.com", "--disable", "certificate.expired"])
        #expect(off.status == 0 && off.stdout.contains("certificate.expired\toff\t"), "\(off.stdout)")
        #expect(try folio.run(["jobs", "run", "-q"], environment: Self.now(days: 6)).status == 0)
        #expect(try notifications(folio) == 1, "certificate.expired is off for Ana")
        let bad = try folio.run(["notifications", "read", "ntf_" + String(repeating: "9", count: 26), "-o", "json"])
        #expect(bad.status == 4 && bad.stderr.contains("\"error\":\"not_found\""), "\(bad.stderr)")
        let badType = try folio.run(["notifications", "preferences", "--tenant", "ana@example.com", "--enable", "nope"])
        #expect(badType.status == 3)
    }

    @Test("idempotency records older than 24 h are pruned by jobs run; a replay after that is a fresh call")
    func pruning() throws {
        let folio = try FolioHarness(environment: Self.now(days: 0))
        let first = try folio.run(["tenants", "register", "--email", "c@example.com", "--idempotency-key", "k", "-o", "json"])
        #expect(first.status == 0)
        let replayed = try folio.run(["tenants", "register", "--email", "c@example.com", "--idempotency-key", "k", "-o", "json"],
                                     environment: Self.now(days: 0.5))
        #expect(replayed.stdout == first.stdout && replayed.stderr.contains("replayed"))
        let early = try folio.json(["jobs", "run"])
        #expect(((early["steps"] as? [[String: Any]])?[2]["count"] as? Int) == 0)
        let later = try folio.run(["jobs", "run", "-o", "json"], environment: Self.now(days: 1.1))
        let report = try JSONSerialization.jsonObject(with: later.stdoutData) as? [String: Any]
        let prune = (report?["steps"] as? [[String: Any]])?.first { $0["name"] as? String == "idempotency-prune" }
        #expect(later.status == 0 && prune?["count"] as? Int == 1, "\(later.stdout)")
        #expect(try folio.sqlite("SELECT count(*) FROM idempotency_records") == "0\n")
        let fresh = try folio.run(["tenants", "register", "--email", "c@example.com", "--idempotency-key", "k", "-o", "json"],
                                  environment: Self.now(days: 1.2))
        #expect(fresh.status == 0 && !fresh.stderr.contains("replayed"), "\(fresh.stderr)")
        #expect(fresh.stdout != first.stdout, "a fresh call registers again (a new key is minted)")
    }
}
