import Foundation
import Testing
@testable import FolioCLI
import FolioCore
import FolioSupport
import FolioTestSupport

/// Issue 15 on the command line, in process: each command once, its bad input, the delete
/// question, the secret shown once (and again only in an idempotent replay of the same call).
@Suite("webhooks, in process")
struct WebhooksCommandTests {
    func seeded() throws -> (InProcessFolio, String) {
        let folio = try InProcessFolio()
        #expect(folio.run(["tenants", "register", "--email", "ana@example.com", "--tier", "starter", "-q"]).status == 0)
        let made = folio.run(["webhooks", "create", "--tenant", "ana@example.com", "--url", "https://hooks.example.com/x",
                              "--events", "*", "-o", "json", "--idempotency-key", "create-1"])
        #expect(made.status == 0, "\(made.stderr)")
        return (folio, try #require(made.json?["id"] as? String))
    }

    func rows(_ folio: InProcessFolio) -> String {
        folio.run(["webhooks", "list", "--include-deleted", "-o", "json"]).stdout
            + folio.run(["audit", "list", "-o", "id"]).stdout + folio.run(["events", "list", "-o", "id"]).stdout
    }

    @Test("every verb runs: list, show, update, rotate-secret, replay, events list, sign, verify, delete")
    func everyVerb() throws {
        let (folio, id) = try seeded()
        #expect(folio.run(["webhooks", "list", "-q"]).stdout == id + "\n")
        #expect(folio.run(["webhooks", "show", id, "-o", "json"]).json?["url"] as? String == "https://hooks.example.com/x")
        #expect(folio.run(["webhooks", "update", id, "--url", "https://1.1.1.1/hook"]).status == 0)
        #expect(folio.run(["webhooks", "show", id, "-o", "json"]).json?["addressCheck"] as? String == "public_literal")
        let rotated = folio.run(["webhooks", "rotate-secret", id, "-o", "json"])
        let secret = try #require(rotated.json?["secret"] as? String)
        let echoed = rotated.stderr.contains(secret)   // apart from #expect, which would print it
        #expect(rotated.stderr.contains("shown only now") && !echoed)
        let events = folio.run(["events", "list", "--type", "webhook.secret_rotated", "-o", "json"])
        #expect((events.json?["items"] as? [[String: Any]])?.count == 1)
        #expect(folio.run(["webhooks", "replay", "--since", "1h", "--dry-run", "-q"]).status == 0)
        let dir = ProcessRunner.temporaryDirectory("folio-hooks-inprocess")
        try Data((secret + "\n").utf8).write(to: URL(fileURLWithPath: dir + "/s"))
        let signed = folio.run(["webhooks", "sign", "--secret-file", dir + "/s", "--id", "evt_1"], stdin: "{}")
        try Data(signed.stdout.utf8).write(to: URL(fileURLWithPath: dir + "/h"))
        #expect(folio.run(["webhooks", "verify", "--secret-file", dir + "/s", "--headers", dir + "/h"], stdin: "{}").status == 0)
        let bad = folio.run(["webhooks", "verify", "--secret-file", dir + "/s", "--headers", dir + "/h"], stdin: "{ }")
        #expect(bad.status == 10 && bad.stderr.contains("does not verify") && bad.stdout == "bad_signature\n")
        #expect(folio.run(["webhooks", "delete", id, "--yes"]).status == 0)
    }

    @Test("delete asks on a terminal; 'n' changes nothing; without a terminal it needs --yes; --dry-run asks nothing")
    func deleteAsks() throws {
        let (folio, id) = try seeded()
        let before = rows(folio)
        let declined = folio.run(["webhooks", "delete", id], stdin: "n\n", terminal: true)
        #expect(declined.status == 2 && declined.stderr.contains("Delete webhook endpoint \(id)"), "\(declined.stderr)")
        #expect(folio.run(["webhooks", "delete", id]).status == 2)
        #expect(folio.run(["webhooks", "delete", id, "--dry-run"]).status == 0)
        #expect(rows(folio) == before)
        #expect(folio.run(["webhooks", "delete", id], stdin: "y\n", terminal: true).status == 0)
        #expect(folio.run(["webhooks", "show", id, "-o", "json"]).json?["status"] as? String == "deleted")
    }

    @Test("bad input names the field and changes nothing: URL, events, grace, replay range, secret file")
    func badInput() throws {
        let (folio, id) = try seeded()
        let before = rows(folio)
        func field(_ args: [String], _ status: Int32) -> String? {
            let result = folio.run(args + ["-o", "json"])
            #expect(result.status == status, "\(args): \(result.stderr)")
            return (try? JSONSerialization.jsonObject(with: Data(result.stderr.utf8)) as? [String: Any])?["field"] as? String
        }
        let create = ["webhooks", "create", "--tenant", "ana@example.com"]
        #expect(field(create + ["--url", "ftp://hooks.example.com/", "--events", "*"], 3) == "url")
        #expect(field(create + ["--url", "https://hooks.example.com/", "--events", "*,key.revoked"], 3) == "events")
        #expect(field(["webhooks", "update", id], 3) == "webhook")
        #expect(field(["webhooks", "rotate-secret", id, "--grace", "30d"], 3) == "grace")
        #expect(field(["webhooks", "replay", "--since", "2026-01-01", "--until", "2026-01-02"], 4) == "since")
        #expect(field(["webhooks", "replay", "--since", "2026-01-02", "--until", "2026-01-01"], 3) == "until")
        let dir = ProcessRunner.temporaryDirectory("folio-hooks-inprocess")
        try Data("whsec_short\n".utf8).write(to: URL(fileURLWithPath: dir + "/s"))
        #expect(field(["webhooks", "sign", "--secret-file", dir + "/s", "--id", "evt_1"], 3) == "secret-file")
        #expect(rows(folio) == before)
    }

    @Test("the secret is in the create result only; an idempotent replay of that call shows the same result")
    func secretOnce() throws {
        let (folio, _) = try seeded()
        let again = folio.run(["webhooks", "create", "--tenant", "ana@example.com", "--url", "https://hooks.example.com/x",
                               "--events", "*", "-o", "json", "--idempotency-key", "create-1"])
        #expect(again.status == 0 && again.stderr.contains("replayed"))
        let secret = try #require(again.json?["secret"] as? String)
        let audit = folio.run(["audit", "list", "-o", "json"])
        let inAudit = audit.stdout.contains(secret)   // apart from #expect, which would print it
        #expect(!inAudit && audit.stdout.contains("webhook.create"))
        #expect((folio.run(["webhooks", "list", "-o", "json"]).json?["items"] as? [Any])?.count == 1)
    }
}
