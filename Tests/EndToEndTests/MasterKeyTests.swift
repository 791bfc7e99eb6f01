import Foundation
import Testing
import FolioTestSupport

/// The master key cannot be replaced unnoticed (issue 11): the key check value in the
/// database, and `store rotate-master-key` with its crash recovery. Keys are compared as
/// bytes and never put in a test message.
@Suite("master key: check value, refusals, rotation")
struct MasterKeyTests {
    func keyBytes(_ folio: FolioHarness, _ name: String = "master.key") -> Data? {
        FileManager.default.contents(atPath: folio.store + "/" + name)
    }

    func writeKey(_ folio: FolioHarness, _ bytes: Data, _ name: String = "master.key") throws {
        let path = folio.store + "/" + name
        try bytes.write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
    }

    func randomKey() -> Data { Data((0..<32).map { _ in UInt8.random(in: 0...255) }) }

    func keyCheck(_ folio: FolioHarness) throws -> String {
        try folio.sqliteValue("SELECT value FROM meta WHERE name = 'master_key_check'")
    }

    @Test("init on a store whose master.key is missing refuses (exit 9) and makes no new key")
    func initNeverReplacesTheKey() throws {
        let folio = try FolioHarness()
        _ = try folio.makeIssuer()
        try FileManager.default.removeItem(atPath: folio.store + "/master.key")
        let result = try folio.run(["init"])
        #expect(result.status == 9, "\(result.stderr)")
        #expect(result.stderr.contains("master.key is missing beside an existing database"))
        #expect(result.stderr.contains("restore \(folio.store)/master.key from your backup"))
        #expect(!FileManager.default.fileExists(atPath: folio.store + "/master.key"))
    }

    @Test("another 32-byte master.key is refused by the commands that open it and by store check (exit 9)")
    func anotherKeyIsRefused() throws {
        let folio = try FolioHarness()
        let (_, issuer) = try folio.makeIssuer()
        let check = try keyCheck(folio)
        #expect(check.hasPrefix("hmac-sha256-v1:"))
        try writeKey(folio, randomKey())
        let generate = try folio.run(["issuers", "cert", "generate", issuer, "--days", "30"])
        #expect(generate.status == 9, "\(generate.stderr)")
        #expect(generate.stderr.contains("master.key does not match this store's key check value"))
        #expect(try folio.sqliteValue("SELECT count(*) FROM issuer_certificates") == "1")
        let replayable = try folio.run(["tenants", "register", "--email", "b@example.com", "--idempotency-key", "k1"])
        #expect(replayable.status == 9, "\(replayable.stderr)")
        let storeCheck = try folio.run(["store", "check", "-o", "json"])
        #expect(storeCheck.status == 9)
        #expect(storeCheck.stdout.contains("\"healthy\": false"))
        #expect(storeCheck.stdout.contains("does not match this store's key check value"))
        #expect(try keyCheck(folio) == check)
    }

    @Test("FOLIO_MASTER_KEY is checked the same way")
    func environmentKeyIsChecked() throws {
        let folio = try FolioHarness()
        let (_, issuer) = try folio.makeIssuer()
        let hex = try #require(keyBytes(folio)).map { String(format: "%02x", $0) }.joined()
        let wrongHex = randomKey().map { String(format: "%02x", $0) }.joined()
        let wrong = try folio.run(["issuers", "cert", "generate", issuer, "--days", "30"], environment: ["FOLIO_MASTER_KEY": wrongHex])
        #expect(wrong.status == 9, "\(wrong.stderr)")
        #expect(wrong.stderr.contains("FOLIO_MASTER_KEY does not match this store's key check value"))
        let right = try folio.run(["issuers", "cert", "generate", issuer, "--days", "30"], environment: ["FOLIO_MASTER_KEY": hex])
        #expect(right.status == 0, "\(right.stderr)")
        let check = try folio.run(["store", "check", "-o", "json"], environment: ["FOLIO_MASTER_KEY": wrongHex])
        #expect(check.status == 9)
        #expect(check.stdout.contains("\"masterKeySource\": \"FOLIO_MASTER_KEY\""))
    }

    @Test("a store made before key check values records its key's the first time a command opens the key")
    func olderStoreRecordsTheCheck() throws {
        let folio = try FolioHarness()
        _ = try folio.makeIssuer()
        _ = try folio.sqlite("DELETE FROM meta WHERE name = 'master_key_check'; PRAGMA user_version = 3;")
        #expect(try folio.run(["tenants", "list"]).status == 0)
        #expect(try keyCheck(folio) == "pending", "a command that does not open the key records nothing")
        let check = try folio.run(["store", "check"])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(try keyCheck(folio).hasPrefix("hmac-sha256-v1:"))
        try writeKey(folio, randomKey())
        #expect(try folio.run(["store", "check"]).status == 9)
    }

    @Test("rotate-master-key seals every secret again under a new key and never prints it")
    func rotation() throws {
        let folio = try FolioHarness()
        let (_, issuer) = try folio.makeIssuer()
        let minted = try folio.run(["keys", "mint", "--tenant", "ana@example.com", "--idempotency-key", "mint-1", "-o", "json"])
        #expect(minted.status == 0, "\(minted.stderr)")
        let hook = try #require(try folio.hook()["id"] as? String)
        #expect(try folio.run(["webhooks", "rotate-secret", hook, "--grace", "1h"]).status == 0)
        let oldKey = try #require(keyBytes(folio))
        let oldCheck = try keyCheck(folio)
        let rotated = try folio.run(["store", "rotate-master-key", "--yes", "-o", "json"])
        #expect(rotated.status == 0, "\(rotated.stderr)")
        #expect(rotated.stdout.contains("\"certificates\": 1"))
        #expect(rotated.stdout.contains("\"idempotencyRecords\": 1"))
        #expect(rotated.stdout.contains("\"webhookSecrets\": 1"))
        let newKey = try #require(keyBytes(folio))
        #expect(newKey != oldKey && newKey.count == 32)
        #expect(keyBytes(folio, "master.key.old") == oldKey)
        #expect(!FileManager.default.fileExists(atPath: folio.store + "/master.key.new"))
        #expect(try keyCheck(folio) != oldCheck)
        for key in [oldKey, newKey] {
            let printed = rotated.stdout + rotated.stderr
            // Computed apart from #expect, which would print the key it failed on.
            let shown = printed.contains(key.map { String(format: "%02x", $0) }.joined())
                || printed.contains(key.base64EncodedString())
            #expect(!shown, "a key was printed")
        }
        // The secrets open under the new key: a signature, and the replay of the sealed result.
        _ = try folio.createDocument(issuer, invoiceLine(1))
        let replay = try folio.run(["keys", "mint", "--tenant", "ana@example.com", "--idempotency-key", "mint-1", "-o", "json"])
        #expect(replay.status == 0, "\(replay.stderr)")
        #expect(replay.stdout == minted.stdout)
        #expect(try folio.run(["store", "check"]).status == 0)
        // The webhook secret opens under the new key: rotating it again reads the current one.
        #expect(try folio.run(["webhooks", "rotate-secret", hook, "--grace", "1h"]).status == 0)
        #expect(try folio.sqliteValue("SELECT details FROM audit_log WHERE action = 'store.master_key_rotate'")
                == #"{"certificates":1,"idempotencyRecords":1,"webhookSecrets":1}"#)
    }

    @Test("a database backup from before a rotation is refused with the new key, and named as master.key.old's")
    func backupFromBeforeARotation() throws {
        let folio = try FolioHarness()
        let (_, issuer) = try folio.makeIssuer()
        let backup = (folio.store as NSString).deletingLastPathComponent + "/before.db"
        #expect(try folio.run(["store", "backup", backup]).status == 0)
        #expect(try folio.run(["store", "rotate-master-key", "--yes"]).status == 0)
        let db = folio.store + "/folio.db"
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: db + suffix) }
        try FileManager.default.removeItem(atPath: db)
        try FileManager.default.copyItem(atPath: backup, toPath: db)
        let refused = try folio.run(["documents", "create", "--issuer", issuer, "--file", "-"], stdin: invoiceLine(1))
        #expect(refused.status == 9, "\(refused.stderr)")
        #expect(refused.stderr.contains("master.key.old is: the database is from before the last rotation"))
    }

    @Test("rotation is destructive (needs --yes without a terminal); FOLIO_MASTER_KEY and --idempotency-key are refused")
    func rotationRefusals() throws {
        let folio = try FolioHarness()
        let key = try #require(keyBytes(folio))
        let unconfirmed = try folio.run(["store", "rotate-master-key"])
        #expect(unconfirmed.status == 2)
        #expect(unconfirmed.stderr.contains("--yes"))
        let hex = key.map { String(format: "%02x", $0) }.joined()
        let environment = try folio.run(["store", "rotate-master-key", "--yes"], environment: ["FOLIO_MASTER_KEY": hex])
        #expect(environment.status == 2)
        #expect(environment.stderr.contains("FOLIO_MASTER_KEY"))
        #expect(try folio.run(["store", "rotate-master-key", "--yes", "--idempotency-key", "r1"]).status == 2)
        let dryRun = try folio.run(["store", "rotate-master-key", "--dry-run"])
        #expect(dryRun.status == 0, "\(dryRun.stderr)")
        #expect(dryRun.stderr.contains("nothing was written"))
        #expect(keyBytes(folio) == key)
        let files = try FileManager.default.contentsOfDirectory(atPath: folio.store)
        #expect(!files.contains("master.key.new") && !files.contains("master.key.old"))
        #expect(try folio.sqliteValue("SELECT count(*) FROM audit_log") == "0")
    }

    @Test("a rotation that fails before its commit leaves the old key and the database as they were (exit 9)")
    func failureBeforeCommit() throws {
        let folio = try FolioHarness()
        let (_, first) = try folio.makeIssuer()
        let (_, second) = try folio.makeIssuer(email: "bo@example.com", ruc: "1790011675001")
        // One sealed key that no longer opens: the rotation stops at it, after re-sealing others.
        _ = try folio.sqlite("UPDATE issuer_certificates SET sealed_private_key = zeroblob(64) WHERE id = (SELECT certificate_id FROM issuers WHERE id = '\(second)')")
        let key = try #require(keyBytes(folio))
        let check = try keyCheck(folio)
        let audit = try folio.sqliteValue("SELECT count(*) FROM audit_log")
        let result = try folio.run(["store", "rotate-master-key", "--yes"])
        #expect(result.status == 9, "\(result.stderr)")
        #expect(result.stderr.contains("does not open with the current master key; nothing was rotated"))
        #expect(keyBytes(folio) == key)
        #expect(try keyCheck(folio) == check)
        #expect(try folio.sqliteValue("SELECT count(*) FROM audit_log") == audit)
        let files = try FileManager.default.contentsOfDirectory(atPath: folio.store)
        #expect(!files.contains("master.key.new") && !files.contains("master.key.old"), "\(files)")
        _ = try folio.createDocument(first, invoiceLine(1))
    }

    @Test("a rotation stopped between its commit and the rename is finished by the next command that opens the key")
    func crashAfterCommit() throws {
        let folio = try FolioHarness()
        let (_, issuer) = try folio.makeIssuer()
        #expect(try folio.run(["store", "rotate-master-key", "--yes"]).status == 0)
        let newKey = try #require(keyBytes(folio))
        // What a crash right after COMMIT leaves: the new key still in master.key.new, the old in master.key.
        let store = folio.store
        try FileManager.default.moveItem(atPath: store + "/master.key", toPath: store + "/master.key.new")
        try FileManager.default.copyItem(atPath: store + "/master.key.old", toPath: store + "/master.key")
        #expect(try folio.run(["tenants", "list"]).status == 0)
        #expect(FileManager.default.fileExists(atPath: store + "/master.key.new"), "a command that does not open the key moves nothing")
        _ = try folio.createDocument(issuer, invoiceLine(1))
        #expect(keyBytes(folio) == newKey)
        #expect(!FileManager.default.fileExists(atPath: store + "/master.key.new"))
        #expect(try folio.run(["store", "check"]).status == 0)
    }

    @Test("files of a rotation that never committed are cleared by the next one; an earlier rotation's master.key.old stops it (exit 5)")
    func leftovers() throws {
        let folio = try FolioHarness()
        _ = try folio.makeIssuer()
        let key = try #require(keyBytes(folio))
        // A crash before COMMIT: master.key.new (not the store's key) and the copy of master.key.
        try writeKey(folio, randomKey(), "master.key.new")
        try writeKey(folio, key, "master.key.old")
        #expect(try folio.run(["store", "check"]).status == 0)
        let rotated = try folio.run(["store", "rotate-master-key", "--yes"])
        #expect(rotated.status == 0, "\(rotated.stderr)")
        #expect(keyBytes(folio, "master.key.old") == key)
        let again = try folio.run(["store", "rotate-master-key", "--yes"])
        #expect(again.status == 5)
        #expect(again.stderr.contains("master.key.old exists"))
        #expect(keyBytes(folio, "master.key.old") == key)
    }
}
