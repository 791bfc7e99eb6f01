import Foundation
import Testing
import FolioTestSupport

@Suite("keys verify: every outcome, its exit status and body")
struct KeysVerifyTests {
    @Test("a valid key exits 0 with its body and records last use, without an audit row or event")
    func valid() throws {
        let folio = try FolioHarness()
        let (tenant, secret) = try folio.registerTenant("ana@example.com")
        let audit = try folio.sqliteValue("SELECT count(*) FROM audit_log")
        let events = try folio.sqliteValue("SELECT count(*) FROM events")
        let result = try folio.verify(secret, ["--scope", "documents:read"])
        #expect(result.status == 0, "\(result.stderr)")
        let body = try folio.verifyBody(result)
        #expect(body["valid"] as? Bool == true)
        #expect(body.string("reason") == "ok")
        #expect(body.string("tenantId") == tenant)
        #expect(body.string("environment") == "sandbox")
        #expect(body["scopes"] as? [String] == ["*"])
        #expect((body.string("keyId") ?? "").hasPrefix("key_"))
        #expect(try folio.sqliteValue("SELECT count(*) FROM audit_log") == audit)
        #expect(try folio.sqliteValue("SELECT count(*) FROM events") == events)
        let shown = try folio.json(["keys", "show", body.string("keyId") ?? ""])
        #expect(shown["lastUsedAt"] is String)
        // FOLIO_KEY and --key-file are the other two sources.
        #expect(try folio.run(["keys", "verify"], environment: ["FOLIO_KEY": secret]).status == 0)
        let file = ProcessRunner.temporaryDirectory() + "/key.txt"
        try Data((secret + "\n").utf8).write(to: URL(fileURLWithPath: file))
        #expect(try folio.run(["keys", "verify", "--key-file", file]).status == 0)
    }

    @Test("a key on argv is refused with a usage error that names stdin, --key-file and FOLIO_KEY")
    func argvRefused() throws {
        let folio = try FolioHarness()
        let (_, secret) = try folio.registerTenant("ana@example.com")
        let result = try folio.run(["keys", "verify", secret])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--key-file") && result.stderr.contains("FOLIO_KEY") && result.stderr.contains("stdin"))
        #expect(!result.stderr.contains(secret) && !result.stdout.contains(secret))
        #expect(try folio.run(["keys", "verify", "--dry-run"], stdin: secret).status == 2)
        #expect(try folio.run(["keys", "verify", "--idempotency-key", "x"], stdin: secret).status == 2)
    }

    @Test("a changed character is bad_checksum and a truncated key malformed, both without a store (exit 6)")
    func offlineRejections() throws {
        let folio = try FolioHarness()
        let (_, secret) = try folio.registerTenant("ana@example.com")
        var chars = Array(secret)
        chars[20] = chars[20] == "a" ? "b" : "a"
        // No store at all: the offline checks answer before any lookup.
        let noStore = try FolioHarness(initialize: false)
        let changed = try noStore.verify(String(chars))
        #expect(changed.status == 6)
        #expect(try noStore.verifyBody(changed).string("reason") == "bad_checksum")
        #expect(changed.stderr.contains("\"error\":\"unauthorized\""))
        let truncated = try noStore.verify(String(secret.dropLast(3)))
        #expect(truncated.status == 6)
        #expect(try noStore.verifyBody(truncated).string("reason") == "malformed")
        #expect(try noStore.verifyBody(try noStore.verify("hello")).string("reason") == "malformed")
    }

    @Test("unknown, revoked, expired and suspended keys are unauthorized (exit 6) with their reason")
    func unauthorized() throws {
        let folio = try FolioHarness()
        let (tenant, secret) = try folio.registerTenant("ana@example.com")
        let unknown = try folio.verify(try foreignKey())
        #expect(unknown.status == 6)
        #expect(try folio.verifyBody(unknown).string("reason") == "not_found")

        let expiring = try folio.mint(["--tenant", tenant, "--expires-in", "1h"])
        let expiringSecret = try #require(expiring.string("secret"))
        #expect(try folio.verify(expiringSecret).status == 0)
        let later = try folio.verify(expiringSecret, environment: ["FOLIO_NOW": "2099-01-01T00:00:00Z"])
        #expect(later.status == 6)
        #expect(try folio.verifyBody(later).string("reason") == "expired")

        #expect(try folio.run(["tenants", "suspend", tenant, "--reason", "unpaid", "--yes"]).status == 0)
        let suspended = try folio.verify(secret)
        #expect(suspended.status == 6)
        #expect(try folio.verifyBody(suspended).string("reason") == "tenant_suspended")
        #expect(try folio.run(["tenants", "activate", tenant]).status == 0)
        #expect(try folio.verify(secret).status == 0)

        let start = String(secret.prefix(15))
        #expect(try folio.run(["keys", "revoke", start, "--reason", "test"]).status == 0)
        let revoked = try folio.verify(secret)
        #expect(revoked.status == 6)
        let body = try folio.verifyBody(revoked)
        #expect(body.string("reason") == "revoked")
        #expect(body["valid"] as? Bool == false)
        #expect(body.string("tenantId") == tenant)
    }

    @Test("a key lacking the scope asked for is forbidden (exit 6); wildcards grant their noun")
    func forbidden() throws {
        let folio = try FolioHarness()
        let (tenant, _) = try folio.registerTenant("ana@example.com")
        let key = try folio.mint(["--tenant", tenant, "--scope", "documents:read", "--scope", "exports:*"])
        let secret = try #require(key.string("secret"))
        #expect(try folio.verify(secret, ["--scope", "documents:read"]).status == 0)
        #expect(try folio.verify(secret, ["--scope", "exports:write"]).status == 0)
        let denied = try folio.verify(secret, ["--scope", "documents:write"])
        #expect(denied.status == 6)
        #expect(denied.stderr.contains("\"error\":\"forbidden\""))
        #expect(try folio.verifyBody(denied).string("reason") == "missing_scope")
    }

    @Test("over the rate limit exits 8 with retryAfter; the window ends and checks work again")
    func rateLimited() throws {
        let folio = try FolioHarness()
        let (tenant, _) = try folio.registerTenant("ana@example.com")
        let secret = try #require(try folio.mint(["--tenant", tenant, "--rate-limit", "2/min"]).string("secret"))
        let t0 = ["FOLIO_NOW": "2030-01-01T00:00:00Z"]
        #expect(try folio.verify(secret, environment: t0).status == 0)
        #expect(try folio.verify(secret, environment: t0).status == 0)
        let over = try folio.verify(secret, environment: ["FOLIO_NOW": "2030-01-01T00:00:20Z"])
        #expect(over.status == 8)
        #expect(try folio.verifyBody(over)["retryAfter"] as? Int == 40)
        #expect(over.stderr.contains("\"error\":\"rate_limited\"") && over.stderr.contains("\"retryAfter\":40"))
        #expect(try folio.verify(secret, environment: ["FOLIO_NOW": "2030-01-01T00:01:00Z"]).status == 0)
    }

    @Test("8 processes verifying one key with limit 20/min: exactly 20 succeed and 20 are rate limited")
    func concurrent() throws {
        let folio = try FolioHarness()
        let (tenant, _) = try folio.registerTenant("ana@example.com")
        let secret = try #require(try folio.mint(["--tenant", tenant, "--rate-limit", "20/min"]).string("secret"))
        let statuses = Mutex8()
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            for _ in 0..<5 {
                let status = (try? folio.run(["keys", "verify"], stdin: secret).status) ?? -1
                statuses.append(status)
            }
        }
        let all = statuses.values
        #expect(all.count == 40)
        #expect(all.filter { $0 == 0 }.count == 20)
        #expect(all.filter { $0 == 8 }.count == 20)
        let used = try folio.sqliteValue("SELECT window_count FROM api_keys WHERE rate_limit_count = 20")
        #expect(used == "20")
    }
}

/// Collects exit statuses from several threads.
final class Mutex8: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [Int32] = []
    func append(_ v: Int32) { lock.lock(); stored.append(v); lock.unlock() }
    var values: [Int32] { lock.lock(); defer { lock.unlock() }; return stored }
}
