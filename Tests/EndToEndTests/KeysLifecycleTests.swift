import Foundation
import Testing
import FolioTestSupport

@Suite("keys mint, list, show, revoke, rotate")
struct KeysLifecycleTests {
    @Test("mint returns the secret once with label, scopes, expiry and rate limit; list and show never show it")
    func mint() throws {
        let folio = try FolioHarness()
        let (tenant, registered) = try folio.registerTenant("ana@example.com")
        let key = try folio.mint(["--tenant", "ana@example.com", "--label", "ci", "--scope", "documents:read",
                                  "--scope", "exports:read", "--expires-in", "30d", "--rate-limit", "600/min"])
        let secret = try #require(key.string("secret"))
        #expect(secret.hasPrefix("folio_test_") && secret.count == 47)
        #expect(key.string("start") == String(secret.prefix(15)))
        #expect(key["scopes"] as? [String] == ["documents:read", "exports:read"])
        #expect(key.string("label") == "ci" && key.string("rateLimit") == "600/min" && key.string("tenantId") == tenant)
        #expect(key.string("expiresAt") != nil && key.string("status") == "active")
        let full = try folio.mint(["--tenant", tenant])
        #expect(full["scopes"] as? [String] == ["*"])
        for args in [["keys", "list", "--tenant", tenant, "-o", "json"], ["keys", "list"], ["keys", "list", "-o", "csv"],
                     ["keys", "show", key.string("id") ?? ""], ["keys", "show", key.string("start") ?? "", "-o", "json"]] {
            let out = try folio.run(args)
            #expect(out.status == 0, "\(args): \(out.stderr)")
            #expect(!out.stdout.contains(secret) && !out.stdout.contains(registered), "\(args) printed a secret")
        }
        #expect(try folio.run(["keys", "mint", "--tenant", tenant, "--scope", "documents:fly"]).status == 3)
        #expect(try folio.run(["keys", "mint", "--tenant", tenant, "--rate-limit", "5/day"]).status == 3)
        #expect(try folio.run(["keys", "mint", "--tenant", tenant, "--expires-at", "2001-01-01T00:00:00Z"]).status == 3)
        #expect(try folio.run(["keys", "mint", "--tenant", "nobody@example.com"]).status == 4)
        let q = try folio.run(["keys", "mint", "--tenant", tenant, "-q"])
        #expect(q.stdout.hasPrefix("folio_test_") && q.stdout.count == 48)
    }

    @Test("production keys need tier starter+ (exit 7 naming required and current) and a promoted tenant")
    func productionGate() throws {
        let folio = try FolioHarness()
        let (tenant, _) = try folio.registerTenant("ana@example.com")
        let gated = try folio.run(["keys", "mint", "--tenant", tenant, "--env", "production", "-o", "json"])
        #expect(gated.status == 7)
        #expect(gated.stderr.contains("\"error\":\"plan_tier_required\""))
        #expect(gated.stderr.contains("\"required\":\"starter\"") && gated.stderr.contains("\"current\":\"trial\""))
        try folio.run(["tenants", "set-tier", tenant, "starter"])
        #expect(try folio.run(["keys", "mint", "--tenant", tenant, "--env", "production"]).status == 5)
        #expect(try folio.run(["tenants", "promote", tenant, "--force", "--yes"]).status == 0)
        let live = try folio.mint(["--tenant", tenant])
        #expect(live.string("secret")?.hasPrefix("folio_live_") == true)
        #expect(live.string("environment") == "production")
    }

    @Test("list filters by status, environment and label, and pages with cursors")
    func list() throws {
        let folio = try FolioHarness()
        let (tenant, _) = try folio.registerTenant("ana@example.com")
        let ci = try folio.mint(["--tenant", tenant, "--label", "ci"])
        let short = try folio.mint(["--tenant", tenant, "--label", "short", "--expires-in", "1h"])
        try folio.run(["keys", "revoke", ci.string("id") ?? ""])
        func ids(_ extra: [String], now: String? = nil) throws -> [String] {
            let r = try folio.run(["keys", "list", "--tenant", tenant, "-o", "id"] + extra,
                                  environment: now.map { ["FOLIO_NOW": $0] } ?? [:])
            return r.stdout.split(separator: "\n").map(String.init)
        }
        #expect(try ids([]).count == 3)
        #expect(try ids(["--status", "revoked"]) == [ci.string("id") ?? ""])
        #expect(try ids(["--status", "active"]).count == 2)
        #expect(try ids(["--status", "expired"], now: "2099-01-01T00:00:00Z") == [short.string("id") ?? ""])
        #expect(try ids(["--label", "short"]) == [short.string("id") ?? ""])
        #expect(try ids(["--env", "production"]).isEmpty)
        let page = try folio.json(["keys", "list", "--tenant", tenant, "--limit", "2"])
        #expect((page["items"] as? [Any])?.count == 2 && page["hasMore"] as? Bool == true)
        let next = try folio.json(["keys", "list", "--tenant", tenant, "--limit", "2", "--cursor", page.string("nextCursor") ?? ""])
        #expect((next["items"] as? [Any])?.count == 1 && next["hasMore"] as? Bool == false)
    }

    @Test("show by displayed start; an ambiguous start lists the candidates and exits 5")
    func showAmbiguous() throws {
        let folio = try FolioHarness()
        let (tenant, _) = try folio.registerTenant("ana@example.com")
        let a = try folio.mint(["--tenant", tenant, "--label", "a"])
        let b = try folio.mint(["--tenant", tenant, "--label", "b"])
        #expect(try folio.json(["keys", "show", a.string("start") ?? ""]).string("id") == a.string("id"))
        _ = try folio.sqlite("UPDATE api_keys SET start = '\(a.string("start") ?? "")' WHERE id = '\(b.string("id") ?? "")'")
        let ambiguous = try folio.run(["keys", "show", a.string("start") ?? "", "-o", "json"])
        #expect(ambiguous.status == 5)
        #expect(ambiguous.stderr.contains(a.string("id") ?? "-") && ambiguous.stderr.contains(b.string("id") ?? "-"))
        #expect(ambiguous.stderr.contains("\"candidates\""))
        #expect(try folio.run(["keys", "show", "folio_test_ZZZZ"]).status == 4)
        #expect(try folio.run(["keys", "show", "nonsense"]).status == 3)
        let whole = try folio.run(["keys", "show", a.string("secret") ?? ""])
        #expect(whole.status == 3)
        #expect(!whole.stderr.contains(a.string("secret") ?? "-"), "a whole key given as a handle was echoed")
    }

    @Test("revoking a production key needs confirmation (--yes when not on a terminal); --all revokes a tenant's keys")
    func revoke() throws {
        let folio = try FolioHarness()
        let (tenant, sandbox) = try folio.registerTenant("ana@example.com", tier: "starter")
        try folio.run(["tenants", "promote", tenant, "--force", "--yes"])
        let live = try folio.mint(["--tenant", tenant])
        let refused = try folio.run(["keys", "revoke", live.string("id") ?? ""])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("--yes"))
        #expect(try folio.verify(live.string("secret") ?? "").status == 0)
        #expect(try folio.run(["keys", "revoke", live.string("id") ?? "", "--reason", "customer request", "--yes"]).status == 0)
        #expect(try folio.verify(live.string("secret") ?? "").status == 6)
        #expect(try folio.run(["keys", "revoke", live.string("id") ?? "", "--yes"]).status == 5)

        let another = try folio.mint(["--tenant", tenant])
        #expect(try folio.run(["keys", "revoke", "--tenant", tenant, "--all"]).status == 2)
        let all = try folio.run(["keys", "revoke", "--tenant", tenant, "--all", "--reason", "incident", "--yes", "-o", "id"])
        #expect(all.status == 0, "\(all.stderr)")
        #expect(all.stdout.contains(another.string("id") ?? "-"))
        #expect(try folio.verify(another.string("secret") ?? "").status == 6)
        #expect(try folio.verify(sandbox).status == 6)
        #expect(try folio.json(["keys", "list", "--tenant", tenant, "--status", "active"])["items"].map { ($0 as! [Any]).count } == 0)
    }

    @Test("rotate: the new key copies the old; the old works until the grace ends, never past its own expiry")
    func rotate() throws {
        let folio = try FolioHarness()
        let (tenant, _) = try folio.registerTenant("ana@example.com")
        let t0 = ["FOLIO_NOW": "2030-01-01T00:00:00Z"]
        let old = try folio.json(["keys", "mint", "--tenant", tenant, "--label", "ci", "--scope", "documents:read",
                                  "--rate-limit", "50/min", "--expires-in", "30d"], environment: t0)
        let rotated = try folio.run(["keys", "rotate", old.string("id") ?? "", "--grace", "24h", "-o", "json"], environment: t0)
        #expect(rotated.status == 0, "\(rotated.stderr)")
        let new = try #require(try JSONSerialization.jsonObject(with: rotated.stdoutData) as? [String: Any])
        #expect(new.string("secret") != old.string("secret"))
        #expect(new.string("label") == "ci" && new["scopes"] as? [String] == ["documents:read"])
        #expect(new.string("rateLimit") == "50/min" && new.string("expiresAt") == old.string("expiresAt"))
        #expect(new.string("rotatedFrom") == old.string("id"))
        let oldSecret = old.string("secret") ?? "", newSecret = new.string("secret") ?? ""
        #expect(try folio.verify(oldSecret, environment: ["FOLIO_NOW": "2030-01-01T23:00:00Z"]).status == 0)
        let after = try folio.verify(oldSecret, environment: ["FOLIO_NOW": "2030-01-02T00:00:01Z"])
        #expect(after.status == 6)
        #expect(try folio.verifyBody(after).string("reason") == "expired")
        #expect(try folio.verify(newSecret, environment: ["FOLIO_NOW": "2030-01-02T00:00:01Z"]).status == 0)
        #expect(try folio.run(["keys", "rotate", old.string("id") ?? "", "--grace", "1h"], environment: t0).status == 5)

        let brief = try folio.json(["keys", "mint", "--tenant", tenant, "--expires-in", "1h"], environment: t0)
        try folio.run(["keys", "rotate", brief.string("id") ?? "", "--grace", "7d"], environment: t0)
        let shown = try folio.json(["keys", "show", brief.string("id") ?? ""])
        #expect(shown.string("expiresAt") == "2030-01-01T01:00:00Z")
        #expect(try folio.run(["keys", "rotate", new.string("id") ?? "", "--grace", "8d"], environment: t0).status == 3)
        #expect(try folio.run(["keys", "rotate", new.string("id") ?? "", "--grace", "soon"], environment: t0).status == 3)
        let expired = try folio.run(["keys", "rotate", brief.string("id") ?? ""], environment: ["FOLIO_NOW": "2031-01-01T00:00:00Z"])
        #expect(expired.status == 5)
        try folio.run(["keys", "revoke", new.string("id") ?? ""], environment: t0)
        #expect(try folio.run(["keys", "rotate", new.string("id") ?? ""], environment: t0).status == 5)
    }
}
