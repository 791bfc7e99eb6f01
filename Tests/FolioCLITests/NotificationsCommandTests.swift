import Foundation
import Testing
@testable import FolioCLI
import FolioCore
import FolioSupport
import FolioTestSupport

/// Issue 15, item 6, in process: `jobs run` with the clock moved across 30, 7 and 1 days before a
/// certificate's end and past it; `notifications list` filters, `read`, `preferences`; pruning of
/// idempotency records. Every instant derives from `TestClock`.
@Suite("notifications and jobs, in process")
struct NotificationsCommandTests {
    static let t0 = TestClock.seconds
    static func at(days: Double) -> Timestamp { Timestamp(seconds: t0 + Int64(days * 86_400)) }

    /// Ana (starter) whose issuer's certificate ends 40 days after the test clock; Bea whose
    /// certificate ends after 5. Returns the store and the two issuers.
    func seeded() throws -> (InProcessFolio, ana: String, bea: String) {
        let folio = try InProcessFolio()
        var issuers: [String] = []
        for (email, ruc, days) in [("ana@example.com", "1790011674001", "40"), ("bea@example.com", "0990011674001", "5")] {
            #expect(folio.run(["tenants", "register", "--email", email, "--name", "T", "--ruc", ruc, "-q"]).status == 0)
            let issuer = try #require(folio.run(["issuers", "list", "--tenant", email, "-q"]).stdout
                .split(separator: "\n").first.map(String.init))
            let made = folio.run(["issuers", "cert", "generate", issuer, "--days", days, "-q"])
            #expect(made.status == 0, "\(made.stderr)")
            issuers.append(issuer)
        }
        return (folio, issuers[0], issuers[1])
    }

    func jobs(_ folio: InProcessFolio, days: Double) throws -> [String: Any] {
        let ran = folio.run(["jobs", "run", "-o", "json"], at: Self.at(days: days))
        #expect(ran.status == 0, "\(ran.stderr)")
        return try #require(ran.json)
    }

    func created(_ report: [String: Any]) -> Int {
        let steps = report["steps"] as? [[String: Any]] ?? []
        return steps.first { $0["name"] as? String == "certificate-notifications" }?["count"] as? Int ?? -1
    }

    func items(_ result: InProcessFolio.Result) -> [[String: Any]] { result.json?["items"] as? [[String: Any]] ?? [] }

    @Test("30, 7, 1 days and expired: one notification each, never twice; a certificate first seen inside 7 days gets the 7-day one only")
    func thresholdsOnceEach() throws {
        let (folio, ana, bea) = try seeded()
        // A dry run shows what would be made and writes nothing.
        let dry = folio.run(["jobs", "run", "--dry-run", "-o", "json"], at: Self.at(days: 0.001))
        let wouldMake = created(try #require(dry.json, "\(dry.stderr)"))
        #expect(dry.status == 0 && wouldMake == 1, "\(dry.stderr)")
        #expect(items(folio.run(["notifications", "list", "-o", "json"])).isEmpty)
        // At once: Bea's certificate has 5 days left (the 7-day one only, not 30); Ana's 40 (nothing).
        #expect(created(try jobs(folio, days: 0.001)) == 1)
        #expect(created(try jobs(folio, days: 9)) == 1)     // Bea expired (its 1-day one skipped); Ana: 31 left
        #expect(created(try jobs(folio, days: 11)) == 1)    // Ana: 29 left → 30
        #expect(created(try jobs(folio, days: 11)) == 0)    // again: nothing
        #expect(created(try jobs(folio, days: 34)) == 1)    // Ana: 6 left → 7
        let listed = folio.run(["notifications", "list", "--all", "-o", "json"], at: Self.at(days: 35))
        var seen: [String: [Int]] = [:]
        for item in items(listed) {
            let issuer = item["issuerId"] as? String ?? "", details = item["details"] as? [String: Any] ?? [:]
            seen[issuer, default: []].append(details["threshold"] as? Int ?? -1)
        }
        #expect(seen[bea]?.sorted() == [0, 7], "Bea: \(seen[bea] ?? [])")
        #expect(created(try jobs(folio, days: 39.5)) == 1)  // Ana: half a day left → 1
        #expect(created(try jobs(folio, days: 40.1)) == 1)  // Ana: expired
        #expect(created(try jobs(folio, days: 40.2)) == 0)
        let all = items(folio.run(["notifications", "list", "--issuer", ana, "--all", "-o", "json"], at: Self.at(days: 50)))
        let thresholds = all.map { ($0["details"] as? [String: Any])?["threshold"] as? Int ?? -1 }
        #expect(thresholds == [0, 1, 7, 30], "newest first: \(thresholds)")
        #expect(all.map { $0["type"] as? String ?? "" }
            == ["certificate.expired", "certificate.expiring", "certificate.expiring", "certificate.expiring"])
        // Notifications are events too, each with its audit entry.
        let db = folio.store + "/folio.db"
        #expect(try SQLiteReader.query(db, "SELECT count(*) FROM events WHERE type = 'notification.created'") == "6\n")
        #expect(try SQLiteReader.query(db, "SELECT count(*) FROM audit_log WHERE action = 'notification.create'") == "6\n")
        #expect(folio.run(["audit", "verify"]).status == 0)
    }

    @Test("list: --tenant, --issuer, --unread, --since-id (oldest first), --limit and --cursor; bad values name the field")
    func listFilters() throws {
        let (folio, ana, bea) = try seeded()
        _ = try jobs(folio, days: 0.001)   // Bea 7
        _ = try jobs(folio, days: 11)      // Ana 30, Bea expired
        _ = try jobs(folio, days: 34)      // Ana 7
        let all = items(folio.run(["notifications", "list", "-o", "json"]))
        #expect(all.count == 4)
        let ids = all.map { $0["id"] as? String ?? "" }
        #expect(ids == ids.sorted(by: >), "newest first")
        #expect(items(folio.run(["notifications", "list", "--tenant", "bea@example.com", "-o", "json"])).count == 2)
        #expect(items(folio.run(["notifications", "list", "--issuer", ana, "-o", "json"])).allSatisfy { $0["issuerId"] as? String == ana })
        let oldest = ids.last ?? ""
        let since = items(folio.run(["notifications", "list", "--since-id", oldest, "-o", "json"])).map { $0["id"] as? String ?? "" }
        #expect(since == Array(ids.dropLast().reversed()), "after the oldest, oldest first")
        let first = folio.run(["notifications", "list", "--since-id", oldest, "--limit", "2", "-o", "json"])
        let cursor = try #require(first.json?["nextCursor"] as? String)
        let second = items(folio.run(["notifications", "list", "--since-id", oldest, "--limit", "2", "--cursor", cursor, "-o", "json"]))
        #expect(items(first).map { $0["id"] as? String ?? "" } + second.map { $0["id"] as? String ?? "" } == since)
        #expect(folio.run(["notifications", "read", ids[0]]).status == 0)
        let unread = items(folio.run(["notifications", "list", "--unread", "-o", "json"])).map { $0["id"] as? String ?? "" }
        #expect(unread == Array(ids.dropFirst()))
        let bad = folio.run(["notifications", "list", "--since-id", "ntf_nope", "-o", "json"])
        #expect(bad.status == 3 && bad.stderr.contains("\"field\":\"since-id\""), "\(bad.stderr)")
        let unknown = folio.run(["notifications", "list", "--since-id", "ntf_" + String(repeating: "0", count: 26), "-o", "json"])
        #expect(unknown.status == 4 && unknown.stderr.contains("since-id"), "\(unknown.stderr)")
        #expect(folio.run(["notifications", "list", "--cursor", "x"]).status == 3)
        #expect(folio.run(["notifications", "list", "--issuer", bea + "x"]).status == 4)
    }

    @Test("read marks named notifications or a tenant's all, with audit entries; an unknown id changes nothing")
    func read() throws {
        let (folio, _, _) = try seeded()
        _ = try jobs(folio, days: 34)   // Ana (6 days left): 7; Bea: expired
        let ids = items(folio.run(["notifications", "list", "-o", "json"])).map { $0["id"] as? String ?? "" }
        #expect(ids.count == 2)
        let missing = "ntf_" + String(repeating: "1", count: 26)
        let refused = folio.run(["notifications", "read", ids[0], missing, "-o", "json"])
        #expect(refused.status == 4 && refused.stderr.contains("notification[1]"), "\(refused.stderr)")
        #expect(items(folio.run(["notifications", "list", "--unread", "-o", "json"])).count == 2, "nothing was marked")
        #expect(folio.run(["notifications", "read", "nope"]).status == 3)
        #expect(folio.run(["notifications", "read"]).status == 2)
        #expect(folio.run(["notifications", "read", "--all"]).status == 2)
        let one = folio.run(["notifications", "read", ids[0], "-o", "json"])
        #expect(one.status == 0 && one.json?["marked"] as? Int == 1, "\(one.stderr)")
        let again = folio.run(["notifications", "read", ids[0], "-o", "json"])
        #expect(again.json?["marked"] as? Int == 0)
        let all = folio.run(["notifications", "read", "--all", "--tenant", "ana@example.com", "-o", "json"])
        #expect(all.status == 0 && all.json?["marked"] as? Int == 1, "\(all.stderr)")
        let audit = folio.run(["audit", "list", "--action", "notification.read", "-q"]).stdout.split(separator: "\n")
        #expect(audit.count == 1 + (all.json?["marked"] as? Int ?? 0))
    }

    @Test("preferences: every type on by default; a disabled type is not made for that tenant; unknown types fail exit 3")
    func preferences() throws {
        let (folio, _, _) = try seeded()
        let listed = items(folio.run(["notifications", "preferences", "--tenant", "bea@example.com", "-o", "json"]))
        #expect(listed.map { $0["type"] as? String ?? "" } == NotificationType.allCases.map(\.rawValue))
        #expect(listed.allSatisfy { $0["enabled"] as? Bool == true })
        let off = folio.run(["notifications", "preferences", "--tenant", "bea@example.com", "--disable", "certificate.expiring",
                             "-o", "json"])
        #expect(off.status == 0, "\(off.stderr)")
        #expect(items(off).first { $0["type"] as? String == "certificate.expiring" }?["enabled"] as? Bool == false)
        #expect(created(try jobs(folio, days: 0.001)) == 0, "Bea's 7-day notification is off")
        #expect(created(try jobs(folio, days: 6)) == 1, "Bea's expiry is on")
        let bad = folio.run(["notifications", "preferences", "--tenant", "bea@example.com", "--enable", "certificate.nope", "-o", "json"])
        #expect(bad.status == 3 && bad.stderr.contains("enable"), "\(bad.stderr)")
        let both = folio.run(["notifications", "preferences", "--tenant", "bea@example.com", "--enable", "webhook.failed",
                              "--disable", "webhook.failed"])
        #expect(both.status == 3)
        #expect(folio.run(["notifications", "preferences"]).status == 2)
        #expect(folio.run(["audit", "list", "--action", "notification.preferences", "-q"]).stdout.split(separator: "\n").count == 1)
    }

    @Test("jobs run prunes idempotency records past 24 h by the injected clock; the key is then a fresh call")
    func prunesIdempotencyRecords() throws {
        let folio = try InProcessFolio()
        let first = folio.run(["tenants", "register", "--email", "c@example.com", "--idempotency-key", "k1", "-q"],
                              at: Self.at(days: 0))
        #expect(first.status == 0)
        let db = folio.store + "/folio.db"
        #expect(try SQLiteReader.query(db, "SELECT count(*) FROM idempotency_records") == "1\n")
        let early = try jobs(folio, days: 0.9)
        #expect((early["steps"] as? [[String: Any]])?[2]["count"] as? Int == 0)
        let replay = folio.run(["tenants", "register", "--email", "c@example.com", "--idempotency-key", "k1"],
                               at: Self.at(days: 0.95))
        #expect(replay.status == 0 && replay.stderr.contains("replayed"), "\(replay.stderr)")
        let late = try jobs(folio, days: 1.01)
        #expect((late["steps"] as? [[String: Any]])?[2]["count"] as? Int == 1)
        #expect(try SQLiteReader.query(db, "SELECT count(*) FROM idempotency_records") == "0\n")
        // The key is new again: other arguments are a fresh call, not an idempotency_conflict.
        let fresh = folio.run(["tenants", "register", "--email", "d@example.com", "--idempotency-key", "k1", "-q"],
                              at: Self.at(days: 1.02))
        #expect(fresh.status == 0, "\(fresh.stderr)")
        #expect(folio.run(["audit", "list", "--action", "idempotency.prune", "-q"]).stdout.split(separator: "\n").count == 1)
    }
}
