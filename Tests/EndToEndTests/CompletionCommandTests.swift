import Foundation
import Testing
import FolioTestSupport

/// The hidden `folio __complete`: candidates from a real store, and silence when it cannot answer.
@Suite struct CompletionCommandTests {
    /// A store with two tenants (one e-mail full of shell specials), an issuer with a document,
    /// a labelled key and a revoked key.
    static func populated() throws -> (folio: FolioHarness, ids: [String: String]) {
        let folio = try FolioHarness()
        var ids: [String: String] = [:]
        let made = try folio.makeIssuer(email: "ana@example.com")
        ids["ana"] = made.tenant
        ids["issuer"] = made.issuer
        let document = try folio.createDocument(made.issuer, invoiceLine(1))
        ids["document"] = try #require(document.string("id"))
        ids["accessKey"] = try #require(document.string("accessKey"))
        let oneil = try folio.json(["tenants", "register", "--email", "o'neil+x*y=z@example.com", "--name", "O'Neil Ltd"])
        ids["oneil"] = try #require(oneil.string("id"))
        let revoked = try #require(oneil["apiKey"] as? [String: Any])
        ids["revoked"] = try #require(revoked.string("id"))
        ids["revokedStart"] = try #require(revoked.string("start"))
        let result = try folio.run(["keys", "revoke", ids["revoked"] ?? "", "--yes"])
        try #require(result.status == 0, "revoke: \(result.stderr)")
        let deploy = try folio.json(["keys", "mint", "--tenant", "ana@example.com", "--label", "deploy"])
        ids["deploy"] = try #require(deploy.string("id"))
        ids["deployStart"] = try #require(deploy.string("start"))
        return (folio, ids)
    }

    private func complete(_ folio: FolioHarness, _ arguments: [String], environment: [String: String] = [:]) throws -> [String] {
        let result = try folio.run(["__complete"] + arguments, environment: environment)
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        return result.stdout.split(separator: "\n").map(String.init)
    }

    @Test("each kind offers the handles its commands resolve, with a description")
    func kinds() throws {
        let (folio, ids) = try CompletionCommandTests.populated()
        let ana = ids["ana"] ?? "-", oneil = ids["oneil"] ?? "-"
        // Ids first (ULIDs: in order of registration), then e-mails.
        #expect(try complete(folio, ["tenants", "--", ""]) == [
            "\(ana)\tAna Foods <ana@example.com>", "\(oneil)\tO'Neil Ltd <o'neil+x*y=z@example.com>",
            "ana@example.com\tAna Foods", "o'neil+x*y=z@example.com\tO'Neil Ltd",
        ])
        // E-mails compare in lower case, as `tenants show` looks them up.
        #expect(try complete(folio, ["tenants", "--", "O'N"]) == ["o'neil+x*y=z@example.com\tO'Neil Ltd"])
        #expect(try complete(folio, ["tenants", "--", "ten_"]).count == 2)
        #expect(try complete(folio, ["tenants", "--", "zz"]) == [])

        // keys revoke offers keys not revoked yet; the secret is nowhere, only displayed starts.
        let unrevoked = try complete(folio, ["unrevoked-keys", "--", ""])
        let values = unrevoked.map { String($0.split(separator: "\t").first ?? "") }
        #expect(values.contains(ids["deploy"] ?? "-") && values.contains(ids["deployStart"] ?? "-"))
        #expect(!values.contains(ids["revoked"] ?? "-") && !values.contains(ids["revokedStart"] ?? "-"))
        #expect(unrevoked.contains("\(ids["deploy"] ?? "-")\t\(ids["deployStart"] ?? "-")… deploy, ana@example.com"))
        #expect(unrevoked.contains("\(ids["deployStart"] ?? "-")\tdeploy, ana@example.com"))
        #expect(values.allSatisfy { $0.hasPrefix("key_") || $0.count == 15 })
        let every = try complete(folio, ["keys", "--", "key_"]).map { String($0.split(separator: "\t").first ?? "") }
        #expect(every.contains(ids["revoked"] ?? "-"))

        #expect(try complete(folio, ["issuers", "--", "iss"]) == ["\(ids["issuer"] ?? "-")\tMatriz, RUC 1790011674001"])
        let accessKey = ids["accessKey"] ?? "-"
        #expect(try complete(folio, ["documents", "--", "doc_"]) == ["\(ids["document"] ?? "-")\t001-001-000000001 CONSUMIDOR FINAL"])
        #expect(try complete(folio, ["documents", "--", String(accessKey.prefix(20))]) == ["\(accessKey)\t001-001-000000001 CONSUMIDOR FINAL"])
    }

    @Test("no store, a corrupt or locked store, an unknown kind, a bad setting: nothing, exit 0, at once")
    func silentFailures() throws {
        let (folio, _) = try CompletionCommandTests.populated()
        #expect(try complete(folio, ["tenants", "--", ""], environment: ["FOLIO_STORE": folio.store + "/missing"]) == [])
        #expect(try complete(folio, ["bogus", "--", ""]) == [])
        #expect(try complete(folio, ["tenants", "--", ""], environment: ["FOLIO_OUTPUT": "yaml"]) == [])
        #expect(try complete(folio, ["tenants", "--", "a", "extra"]) == [])

        // Another process holds the database in exclusive locking mode: readers get SQLITE_BUSY.
        if ExternalTool.shouldRun("sqlite3") {
            let lock = try ExclusiveLock(folio.store + "/folio.db")
            defer { lock.release() }
            let started = Date()
            #expect(try complete(folio, ["tenants", "--", ""]) == [])
            #expect(Date().timeIntervalSince(started) < 2, "a completion waited on a lock")
        }

        let corrupt = try FolioHarness()
        try Data(repeating: 0x41, count: 8192).write(to: URL(fileURLWithPath: corrupt.store + "/folio.db"))
        #expect(try complete(corrupt, ["tenants", "--", ""]) == [])
    }

    @Test("a completion changes nothing in the store")
    func readsOnly() throws {
        let (folio, _) = try CompletionCommandTests.populated()
        let before = try folio.sqlite("SELECT count(*) FROM audit_log; PRAGMA user_version;")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: folio.store + "/folio.db"))
        _ = try complete(folio, ["tenants", "--", ""])
        #expect(try Data(contentsOf: URL(fileURLWithPath: folio.store + "/folio.db")) == bytes)
        #expect(try folio.sqlite("SELECT count(*) FROM audit_log; PRAGMA user_version;") == before)
    }
}

/// A `sqlite3 DB` process holding an exclusive lock (locking_mode=EXCLUSIVE, then a read):
/// other connections get SQLITE_BUSY until `release()` ends it.
struct ExclusiveLock {
    let process: ChildProcess

    init(_ database: String) throws {
        let sqlite3 = ExternalTool.path("sqlite3") ?? "/usr/bin/sqlite3"
        process = try ChildProcess([sqlite3, database])
        // The busy timeout lets BEGIN EXCLUSIVE wait out a probe below that holds a read lock at
        // that moment (without it the holder gave up at once and the lock was never taken).
        process.write(Data(".timeout 10000\nPRAGMA locking_mode=EXCLUSIVE;\nBEGIN EXCLUSIVE;\nSELECT 1;\n".utf8))
        // Its output is buffered in the pipe, so ask the database instead: taken once another
        // connection is refused.
        for _ in 0..<100 {
            let probe = try ProcessRunner.run([sqlite3, database, "SELECT count(*) FROM tenants"])
            if probe.status != 0 { return }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw LockNotTaken()
    }

    struct LockNotTaken: Error {}

    /// Ends the holder through end of input.
    func release() {
        process.closeStdin()
        process.wait()
    }
}
