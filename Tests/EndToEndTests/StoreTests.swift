import Foundation
import Testing
import FolioTestSupport

@Suite("store: init, info, check, backup, refusals")
struct StoreTests {
    @Test("init creates the layout with private permissions and is idempotent")
    func initLayout() throws {
        let folio = try FolioHarness()
        let attrs = try FileManager.default.attributesOfItem(atPath: folio.store)
        #expect((attrs[.posixPermissions] as? Int) == 0o700)
        for file in ["folio.db", "master.key"] {
            let a = try FileManager.default.attributesOfItem(atPath: folio.store + "/" + file)
            #expect((a[.posixPermissions] as? Int) == 0o600, "\(file)")
        }
        #expect(FileManager.default.contents(atPath: folio.store + "/master.key")?.count == 32)
        #expect(FileManager.default.fileExists(atPath: folio.store + "/outbox"))
        #expect(FileManager.default.fileExists(atPath: folio.store + "/exports"))
        let key = FileManager.default.contents(atPath: folio.store + "/master.key")
        let again = try folio.run(["init", "-o", "json"])
        #expect(again.status == 0)
        #expect(again.stdout.contains("\"created\": false"))
        #expect(FileManager.default.contents(atPath: folio.store + "/master.key") == key)
        #expect(try folio.sqlite("PRAGMA journal_mode").trimmingCharacters(in: .whitespacesAndNewlines) == "wal")
    }

    @Test("a missing store tells the user to run folio init (exit 9)")
    func missingStore() throws {
        let folio = try FolioHarness(initialize: false)
        let result = try folio.run(["tenants", "list"])
        #expect(result.status == 9)
        #expect(result.stderr.contains("folio init"))
        #expect(!FileManager.default.fileExists(atPath: folio.store))
        let json = try folio.run(["tenants", "list", "-o", "json"])
        #expect(json.stderr.contains("\"error\":\"store_unavailable\""))
    }

    @Test("store info and store check report a healthy store")
    func infoAndCheck() throws {
        let folio = try FolioHarness()
        try folio.run(["tenants", "register", "--email", "a@example.com"])
        let info = try folio.json(["store", "info"])
        #expect(info["journalMode"] as? String == "wal")
        #expect((info["schemaVersion"] as? Int ?? 0) >= 1)
        #expect((info["rows"] as? [String: Any])?["tenants"] as? Int == 1)
        let check = try folio.run(["store", "check", "-o", "json"])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("\"healthy\": true"))
    }

    @Test("a database of a newer schema is refused and left untouched (exit 9)")
    func newerSchema() throws {
        let folio = try FolioHarness()
        _ = try folio.sqlite("PRAGMA user_version = 999")
        let before = FileManager.default.contents(atPath: folio.store + "/folio.db")
        let result = try folio.run(["tenants", "register", "--email", "a@example.com"])
        #expect(result.status == 9)
        #expect(result.stderr.contains("newer"))
        #expect(FileManager.default.contents(atPath: folio.store + "/folio.db") == before)
        #expect(try folio.sqlite("PRAGMA user_version").contains("999"))
    }

    @Test("a corrupt database gives store_unavailable (exit 9)")
    func corruptDatabase() throws {
        let folio = try FolioHarness()
        let db = folio.store + "/folio.db"
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: db + suffix) }
        try Data(repeating: 0x41, count: 8192).write(to: URL(fileURLWithPath: db))
        let result = try folio.run(["tenants", "list"])
        #expect(result.status == 9, "\(result.stderr)")
        #expect(result.stderr.contains("corrupt"))
    }

    @Test("a store the user cannot write is refused (exit 9)", .enabled(if: getuid() == 0 && ExternalTool.shouldRun("setpriv")))
    func unwritableStore() throws {
        let folio = try FolioHarness()
        // Root may write anywhere, so run folio as nobody against root's private store.
        let setpriv = try #require(ExternalTool.path("setpriv"))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folio.store)
        try FileManager.default.setAttributes([.posixPermissions: 0o755],
                                              ofItemAtPath: (folio.store as NSString).deletingLastPathComponent)
        let result = try ProcessRunner.run([setpriv, "--reuid=65534", "--regid=65534", "--clear-groups",
                                            FolioHarness.binary, "tenants", "register", "--email", "a@example.com"],
                                           environment: folio.environment)
        #expect(result.status == 9, "\(result.stderr)")
        #expect(result.stderr.contains("not writable"))
        #expect(try folio.sqlite("SELECT count(*) FROM tenants").contains("0"))
    }

    @Test("backup is a consistent copy made while other processes write")
    func backupWhileWriting() throws {
        let folio = try FolioHarness()
        let writer = Thread {
            for i in 0..<40 { _ = try? folio.run(["tenants", "register", "--email", "w\(i)@example.com"]) }
        }
        writer.start()
        Thread.sleep(forTimeInterval: 0.2)
        let path = ProcessRunner.temporaryDirectory() + "/backup.db"
        let result = try folio.run(["store", "backup", path])
        #expect(result.status == 0, "\(result.stderr)")
        let check = try SQLiteReader.query(path, "PRAGMA integrity_check; SELECT count(*) FROM tenants;")
        #expect(check.hasPrefix("ok\n"))
        // The copy's audit chain is whole: as many audit rows as tenants (one register each).
        let counts = try SQLiteReader.query(path, "SELECT (SELECT count(*) FROM tenants) = (SELECT count(*) FROM audit_log WHERE action = 'tenant.register');")
        #expect(counts.trimmingCharacters(in: .whitespacesAndNewlines) == "1")
        let again = try folio.run(["store", "backup", path])
        #expect(again.status == 5)
        while writer.isExecuting { Thread.sleep(forTimeInterval: 0.05) }
    }
}
