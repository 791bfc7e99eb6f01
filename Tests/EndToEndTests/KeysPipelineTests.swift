import Foundation
import Testing
import FolioTestSupport

@Suite("keys: register and promote, secrets at rest, pipeline")
struct KeysPipelineTests {
    @Test("no minted secret is anywhere in the store's files (db, -wal, -shm, outbox), audit log or events",
          .enabled(if: ExternalTool.shouldRun("sqlite3"), "needs sqlite3"))
    func secretNotAtRest() throws {
        let folio = try FolioHarness()
        // Another connection held open keeps folio.db-wal and -shm on disk (the last connection
        // to close would checkpoint and delete them), so that they are searched too.
        let holder = try holdConnection(folio.store + "/folio.db")
        defer { holder.send(SIGTERM) }
        let (tenant, registered) = try folio.registerTenant("ana@example.com")
        let minted = try folio.json(["keys", "mint", "--tenant", tenant, "--idempotency-key", "mint-1"])
        let secret = try #require(minted.string("secret"))
        let rotated = try folio.json(["keys", "rotate", minted.string("id") ?? "", "--grace", "1h"])
        let third = try #require(rotated.string("secret"))
        let files = folio.storeFiles()
        let names = files.map { ($0.path as NSString).lastPathComponent }
        #expect(names.contains("folio.db") && names.contains { $0.hasSuffix(".eml") })
        #expect(names.contains("folio.db-wal") && names.contains("folio.db-shm"))
        for secretValue in [registered, secret, third] {
            let needle = Data(secretValue.utf8)
            let random = Data(secretValue.dropFirst(15).utf8)  // the part after the displayed start
            for file in files {
                #expect(file.bytes.range(of: needle) == nil, "a secret is in \(file.path)")
                #expect(file.bytes.range(of: random) == nil, "part of a secret is in \(file.path)")
            }
        }
        let audit = try folio.run(["audit", "list", "--all", "-o", "jsonl"]).stdout
        let events = try folio.sqlite("SELECT payload FROM events")
        for secretValue in [registered, secret, third] {
            #expect(!audit.contains(secretValue) && !events.contains(secretValue))
        }
        #expect(audit.contains("key.create") && audit.contains("key.rotate"))
    }

    @Test("mint with an idempotency key replays the same secret once; other arguments conflict (exit 5)")
    func idempotency() throws {
        let folio = try FolioHarness()
        let (tenant, _) = try folio.registerTenant("ana@example.com")
        let args = ["keys", "mint", "--tenant", tenant, "--label", "ci", "--idempotency-key", "k1", "-o", "json"]
        let first = try folio.run(args), second = try folio.run(args)
        #expect(first.status == 0 && second.status == 0)
        #expect(first.stdoutData == second.stdoutData)
        #expect(try folio.sqliteValue("SELECT count(*) FROM api_keys WHERE label = 'ci'") == "1")
        let other = try folio.run(["keys", "mint", "--tenant", tenant, "--label", "cd", "--idempotency-key", "k1"])
        #expect(other.status == 5)
    }

    @Test("--dry-run prints no usable secret and writes nothing")
    func dryRun() throws {
        let folio = try FolioHarness()
        let (tenant, _) = try folio.registerTenant("ana@example.com")
        let before = try folio.sqlite(".dump")
        let result = try folio.run(["keys", "mint", "--tenant", tenant, "--dry-run", "-o", "json"])
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
        #expect(json.string("secret") == "folio_test_<redacted in dry run>")
        #expect(try folio.sqlite(".dump") == before)
        let register = try folio.json(["tenants", "register", "--email", "b@example.com", "--dry-run"])
        #expect((register["apiKey"] as? [String: Any])?["secret"] as? String == "folio_test_<redacted in dry run>")
    }

    @Test("every key mutation is audited and evented")
    func auditAndEvents() throws {
        let folio = try FolioHarness()
        let (tenant, _) = try folio.registerTenant("ana@example.com", tier: "starter")
        let key = try folio.mint(["--tenant", tenant])
        try folio.run(["keys", "rotate", key.string("id") ?? ""])
        try folio.run(["tenants", "promote", tenant, "--force", "--yes"])
        let events = try folio.sqlite("SELECT type FROM events ORDER BY seq").split(separator: "\n").map(String.init)
        #expect(events == ["tenant.created", "key.created", "key.created", "key.created", "key.rotated",
                           "tenant.promoted", "key.revoked", "key.created", "key.revoked", "key.created"])
        let actions = try folio.sqlite("SELECT action FROM audit_log ORDER BY seq").split(separator: "\n").map(String.init)
        #expect(actions == ["tenant.register", "key.create", "key.create", "key.create", "key.rotate",
                            "tenant.promote", "key.revoke", "key.create", "key.revoke", "key.create"])
        #expect(try folio.run(["audit", "verify"]).status == 0)
    }

    @Test("registering an e-mail again revokes its sandbox key and returns a new one")
    func reRegister() throws {
        let folio = try FolioHarness()
        let (tenant, first) = try folio.registerTenant("ana@example.com")
        let again = try folio.json(["tenants", "register", "--email", "ANA@example.com"])
        #expect(again.string("id") == tenant && again["created"] as? Bool == false)
        let second = try #require((again["apiKey"] as? [String: Any])?["secret"] as? String)
        #expect(second != first)
        #expect(try folio.verifyBody(try folio.verify(first)).string("reason") == "revoked")
        #expect(try folio.verify(second).status == 0)
        let table = try folio.run(["tenants", "register", "--email", "b@example.com"])
        #expect(table.stdout.contains("folio_test_"))
    }

    @Test("promote: gates, then sandbox keys revoked and production twins minted with the same label and scopes")
    func promote() throws {
        let folio = try FolioHarness()
        let (trial, _) = try folio.registerTenant("trial@example.com")
        #expect(try folio.run(["tenants", "promote", trial, "--force"]).status == 7)

        let (tenant, sandbox) = try folio.registerTenant("ana@example.com", tier: "starter")
        let ci = try folio.mint(["--tenant", tenant, "--label", "ci", "--scope", "documents:read"])
        #expect(try folio.run(["tenants", "promote", tenant]).status == 5)   // not verified
        try folio.run(["tenants", "verify", tenant, "--force"])
        let result = try folio.run(["tenants", "promote", tenant, "-o", "json", "--yes"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
        #expect(json.string("environment") == "production")
        let keys = try #require(json["keys"] as? [[String: Any]])
        #expect(keys.count == 2)
        #expect(keys.allSatisfy { ($0["secret"] as? String)?.hasPrefix("folio_live_") == true && $0.string("environment") == "production" })
        let twin = try #require(keys.first { $0.string("label") == "ci" })
        #expect(twin["scopes"] as? [String] == ["documents:read"])
        #expect((json["revokedKeyIds"] as? [String])?.contains(ci.string("id") ?? "-") == true)
        #expect(try folio.verify(sandbox).status == 6)
        #expect(try folio.verify(ci.string("secret") ?? "").status == 6)
        #expect(try folio.verify(twin.string("secret") ?? "", ["--scope", "documents:read"]).status == 0)
        #expect(try folio.run(["tenants", "promote", tenant]).status == 5)   // already in production
    }
}

/// Starts `sqlite3 DB` reading from a pipe kept open, after it has opened the database.
private func holdConnection(_ database: String) throws -> ChildProcess {
    let process = try ChildProcess([ExternalTool.path("sqlite3") ?? "/usr/bin/sqlite3", database])
    process.write(Data("SELECT count(*) FROM tenants;\n".utf8))
    _ = process.readSomeStdout()   // wait until it answered: the database is open
    return process
}
