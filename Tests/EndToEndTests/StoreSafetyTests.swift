import Foundation
import Testing
import FolioTestSupport

/// Permissions, empty databases, atomic `init`, and the paths `store backup` refuses (issue 11).
@Suite("store safety: permissions, empty database, atomic init, backup paths")
struct StoreSafetyTests {
    func mode(_ path: String) throws -> Int {
        try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    func chmod(_ path: String, _ mode: Int) throws {
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
    }

    func entries(_ path: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
    }

    @Test("master.key open to group or others is refused with the chmod that fixes it (exit 9)", arguments: [
        (0o644, "readable by group and others (mode 0644)"), (0o640, "readable by group (mode 0640)"),
        (0o602, "writable by others (mode 0602)"),
    ])
    func keyPermissions(mode: Int, words: String) throws {
        let folio = try FolioHarness()
        let key = folio.store + "/master.key"
        try chmod(key, mode)
        let result = try folio.run(["tenants", "list"])
        #expect(result.status == 9, "\(result.stderr)")
        #expect(result.stderr.contains("master.key is \(words)"), "\(result.stderr)")
        #expect(result.stderr.contains("hint: chmod 600 \(key)"))
        try chmod(key, 0o600)
        #expect(try folio.run(["tenants", "list"]).status == 0)
    }

    @Test("a store directory open to group or others is refused with the chmod (exit 9)")
    func directoryPermissions() throws {
        let folio = try FolioHarness()
        try chmod(folio.store, 0o755)
        let result = try folio.run(["tenants", "register", "--email", "a@example.com"])
        #expect(result.status == 9, "\(result.stderr)")
        #expect(result.stderr.contains("is readable and searchable by group and others (mode 0755)"))
        #expect(result.stderr.contains("hint: chmod 700 \(folio.store)"))
        #expect(try folio.sqlite("SELECT count(*) FROM tenants").contains("0"))
    }

    @Test("init into an existing folder makes it private (0700) and keeps what is in it")
    func initTightensAnExistingFolder() throws {
        let folio = try FolioHarness(initialize: false)
        try FileManager.default.createDirectory(atPath: folio.store, withIntermediateDirectories: true)
        try chmod(folio.store, 0o755)
        try Data("notes".utf8).write(to: URL(fileURLWithPath: folio.store + "/notes.txt"))
        let result = try folio.run(["init"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try mode(folio.store) == 0o700)
        #expect(entries(folio.store) == ["exports", "folio.db", "master.key", "notes.txt", "outbox"])
        #expect(try folio.run(["store", "check"]).status == 0)
    }

    @Test("an empty (0-byte) folio.db is not a new store: refused (exit 9) and left empty")
    func emptyDatabase() throws {
        let folio = try FolioHarness(initialize: false)
        try FileManager.default.createDirectory(atPath: folio.store, withIntermediateDirectories: true)
        try chmod(folio.store, 0o700)
        FileManager.default.createFile(atPath: folio.store + "/folio.db", contents: Data())
        for command in [["tenants", "list"], ["init"]] {
            let result = try folio.run(command)
            #expect(result.status == 9, "\(command): \(result.stderr)")
            #expect(result.stderr.contains("is empty (0 bytes)"))
        }
        #expect(try FileManager.default.attributesOfItem(atPath: folio.store + "/folio.db")[.size] as? Int == 0)
        #expect(entries(folio.store) == ["folio.db"])
    }

    @Test("init leaves nothing behind when a step fails")
    func initIsAtomic() throws {
        // A malformed FOLIO_MASTER_KEY: refused before anything is made, parents included.
        let fresh = try FolioHarness(initialize: false)
        let root = (fresh.store as NSString).deletingLastPathComponent
        let nested = root + "/a/b/store"
        let badKey = try fresh.run(["--store", nested, "init"], environment: ["FOLIO_MASTER_KEY": "too-short"])
        #expect(badKey.status == 3, "\(badKey.stderr)")
        #expect(entries(root).isEmpty, "\(entries(root))")

        // Into an existing folder whose `outbox` is a file: nothing is added, its mode is restored.
        let outboxFile = try FolioHarness(initialize: false)
        try FileManager.default.createDirectory(atPath: outboxFile.store, withIntermediateDirectories: true)
        try chmod(outboxFile.store, 0o750)
        FileManager.default.createFile(atPath: outboxFile.store + "/outbox", contents: Data("x".utf8))
        let blocked = try outboxFile.run(["init"])
        #expect(blocked.status == 9, "\(blocked.stderr)")
        #expect(entries(outboxFile.store) == ["outbox"])
        #expect(try mode(outboxFile.store) == 0o750)

        // The last step fails (a dangling symbolic link where folio.db goes): the master.key,
        // outbox/ and exports/ already moved in are taken out again.
        let dangling = try FolioHarness(initialize: false)
        try FileManager.default.createDirectory(atPath: dangling.store, withIntermediateDirectories: true)
        try chmod(dangling.store, 0o755)
        try FileManager.default.createSymbolicLink(atPath: dangling.store + "/folio.db", withDestinationPath: "/nonexistent/folio.db")
        let last = try dangling.run(["init"])
        #expect(last.status == 9, "\(last.stderr)")
        #expect(entries(dangling.store) == ["folio.db"])
        #expect(try mode(dangling.store) == 0o755)
    }

    @Test("parallel inits of one new store: all succeed, one creates it, with one key and no staging folder left")
    func parallelInit() throws {
        let folio = try FolioHarness(initialize: false)
        let results = ConcurrentResults()
        DispatchQueue.concurrentPerform(iterations: 6) { _ in
            results.append(try? folio.run(["init", "-o", "json"]))
        }
        let all = results.values
        #expect(all.count == 6 && all.allSatisfy { $0?.status == 0 }, "\(all.map { $0?.stderr ?? "no result" })")
        #expect(all.filter { $0?.stdout.contains("\"created\": true") == true }.count == 1)
        let root = (folio.store as NSString).deletingLastPathComponent
        #expect(entries(root) == ["store"])
        // SQLite may leave its WAL and shared-memory files when the last of several connections
        // closes while another is opening: they belong to folio.db, not stray staging.
        let kept = entries(folio.store).filter { $0 != "folio.db-wal" && $0 != "folio.db-shm" }
        #expect(kept == ["exports", "folio.db", "master.key", "outbox"])
        #expect(try folio.run(["store", "check"]).status == 0)
    }

    @Test("init with FOLIO_MASTER_KEY writes no master.key; the store then needs that key")
    func initWithEnvironmentKey() throws {
        let folio = try FolioHarness(initialize: false)
        let key = String(repeating: "ab", count: 32)
        #expect(try folio.run(["init"], environment: ["FOLIO_MASTER_KEY": key]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: folio.store + "/master.key"))
        #expect(try folio.run(["store", "check"], environment: ["FOLIO_MASTER_KEY": key]).status == 0)
        let withoutKey = try folio.run(["store", "check"])
        #expect(withoutKey.status == 9)
        #expect(withoutKey.stdout.contains("cannot read master.key"))
        let again = try folio.run(["init"])
        #expect(again.status == 9)
        #expect(!FileManager.default.fileExists(atPath: folio.store + "/master.key"))
    }

    @Test("init where a file stands is refused (exit 9) and nothing is made")
    func initOverAFile() throws {
        let folio = try FolioHarness(initialize: false)
        let root = (folio.store as NSString).deletingLastPathComponent
        FileManager.default.createFile(atPath: folio.store, contents: Data("x".utf8))
        for target in [folio.store, folio.store + "/inner"] {
            let result = try folio.run(["--store", target, "init"])
            #expect(result.status == 9, "\(result.stderr)")
            #expect(result.stderr.contains("exists and is not a directory"))
        }
        #expect(entries(root) == ["store"])
    }

    @Test("--dry-run is refused by init and store backup (exit 2), and they write nothing")
    func dryRunRefused() throws {
        let fresh = try FolioHarness(initialize: false)
        let initDry = try fresh.run(["init", "--dry-run"])
        #expect(initDry.status == 2)
        #expect(initDry.stderr.contains("init takes no --dry-run"))
        #expect(!FileManager.default.fileExists(atPath: fresh.store))
        let folio = try FolioHarness()
        let target = (folio.store as NSString).deletingLastPathComponent + "/backup.db"
        let backupDry = try folio.run(["store", "backup", target, "--dry-run"])
        #expect(backupDry.status == 2)
        #expect(!FileManager.default.fileExists(atPath: target))
        #expect(!FileManager.default.fileExists(atPath: target + ".partial"))
    }

    @Test("store backup to a path it cannot write is validation_failed naming path (exit 3), and leaves no .partial")
    func backupPaths() throws {
        let folio = try FolioHarness()
        let root = (folio.store as NSString).deletingLastPathComponent
        let before = entries(root)
        for path in ["", root + "/missing/backup.db", root + "/" + String(repeating: "b", count: 240), root + "/folder/"] {
            let result = try folio.run(["store", "backup", path, "-o", "json"])
            #expect(result.status == 3, "\(path.count): \(result.stderr)")
            #expect(result.stderr.contains(#""error":"validation_failed""#), "\(result.stderr)")
            #expect(result.stderr.contains(#""field":"path""#), "\(result.stderr)")
        }
        #expect(entries(root) == before)
        #expect(!FileManager.default.fileExists(atPath: FileManager.default.currentDirectoryPath + "/.partial"))
        let longest = root + "/" + String(repeating: "b", count: 239)
        #expect(try folio.run(["store", "backup", longest]).status == 0)
    }
}

/// Results gathered from concurrent work.
private final class ConcurrentResults: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [ProcessResult?] = []
    func append(_ item: ProcessResult?) { lock.withLock { items.append(item) } }
    var values: [ProcessResult?] { lock.withLock { items } }
}
