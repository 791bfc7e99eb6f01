import Foundation
import Testing
import FolioTestSupport

/// The archive judged by others: Info-ZIP's unzip and zipinfo, Python's zipfile; byte-for-byte
/// determinism across a store copied by `store backup`; a flipped byte anywhere; a kill.
@Suite("exports: the archive, judged by other tools")
struct ExportsArchiveTests {
    /// A store with `count` documents and one export of them all (with RIDEs when asked).
    func exported(count: Int = 4, ride: Bool = false) throws -> (FolioHarness, id: String, path: String) {
        let folio = try FolioHarness()
        _ = try folio.exportFixture(count: count)
        let made = try folio.export(["--tenant", "ana@example.com", "--all-time"] + (ride ? ["--include", "ride"] : []))
        let id = try #require(made["id"] as? String)
        return (folio, id, folio.archive(id))
    }

    @Test("unzip -t finds no error; zipinfo lists the entries in order, dated by the documents, with no host fields",
          .enabled(if: ExternalTool.shouldRun("unzip") && ExternalTool.shouldRun("zipinfo"), "needs unzip and zipinfo"))
    func infoZip() throws {
        let (_, _, path) = try exported(ride: true)
        let tested = try tool("unzip", ["-t", path])
        #expect(tested.status == 0, "\(tested.stdout)\(tested.stderr)")
        #expect(tested.stdout.contains("No errors detected"))
        let names = try tool("zipinfo", ["-1", path]).stdout.split(separator: "\n").map(String.init)
        #expect(names.count == 10)
        #expect(names.prefix(4).allSatisfy { $0.hasPrefix("documents/") && $0.hasSuffix(".xml") })
        #expect(names[4..<8].allSatisfy { $0.hasPrefix("ride/") && $0.hasSuffix(".pdf") })
        #expect(Array(names.suffix(2)) == ["index.csv", "manifest.json"])
        #expect(names.prefix(4).map { $0 } == names.prefix(4).sorted())
        let verbose = try tool("zipinfo", ["-v", path]).stdout
        // No extra fields: no Unix uid/gid (0x7875, 0x7855), no extended timestamps (0x5455) in
        // either header, no comment; every date the documents' (the test clock's day).
        let extras = verbose.split(separator: "\n").filter { $0.contains("length of extra field:") }
        #expect(extras.count == 10 && extras.allSatisfy { $0.hasSuffix(" 0 bytes") }, "\(extras)")
        #expect(!verbose.contains("UID"), "\(verbose.prefix(3000))")
        #expect(verbose.contains("There is no file comment") || !verbose.contains("file comment:"))
        let day = String(TestClock.rfc3339.prefix(10))
        let (year, month, dayOfMonth) = (day.prefix(4), day.dropFirst(5).prefix(2), day.suffix(2))
        let dated = verbose.components(separatedBy: "file last modified on (DOS date/time):").dropFirst()
        #expect(dated.count == 10)
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let expected = "\(year) \(months[Int(month)! - 1]) \(Int(dayOfMonth)!) "
        #expect(dated.allSatisfy { $0.trimmingCharacters(in: .whitespaces).hasPrefix(expected) }, "\(dated.first ?? "")")
    }

    @Test("Python's zipfile reads every entry; sizes and SHA-256 match the manifest; counts and sums hold",
          .enabled(if: ExternalTool.shouldRun("python3"), "needs python3"))
    func pythonZipfile() throws {
        let (_, _, path) = try exported(ride: true)
        let script = """
            import csv, decimal, hashlib, io, json, sys, zipfile
            z = zipfile.ZipFile(sys.argv[1])
            assert z.testzip() is None
            names = z.namelist()
            m = json.loads(z.read('manifest.json'))
            assert m['format'] == 'folio-export', m
            assert [f['name'] for f in m['files']] == names[:-1], names
            for f in m['files']:
                data = z.read(f['name'])
                assert len(data) == f['size'] and hashlib.sha256(data).hexdigest() == f['sha256'], f['name']
            for info in z.infolist():
                assert info.compress_type in (zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED), info
                assert info.extra == b'' and info.comment == b'', info
            rows = list(csv.reader(io.StringIO(z.read('index.csv').decode('utf-8'))))[1:]
            assert len(rows) == m['counts']['documents'] == 4, rows
            assert m['counts']['ride'] == 4 and m['counts']['files'] == 9
            total = sum(decimal.Decimal(r[8]) for r in rows)
            assert str(total) == m['sums']['total'], (total, m['sums'])
            assert all(r[5].startswith("'=") for r in rows), rows
            print('ok', len(names))
            """
        let result = try tool("python3", ["-c", script, path])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("ok 10"))
    }

    @Test("the same filters on a copy of the store made by store backup give a byte-identical archive")
    func deterministicAcrossBackup() throws {
        let (folio, id, path) = try exported()
        let copyRoot = ProcessRunner.temporaryDirectory("folio-exports-copy")
        let copy = copyRoot + "/store"
        try FileManager.default.createDirectory(atPath: copy + "/outbox", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: copy + "/exports", withIntermediateDirectories: true)
        let backup = try folio.run(["store", "backup", copy + "/folio.db"])
        try #require(backup.status == 0, "\(backup.stderr)")
        try FileManager.default.copyItem(atPath: folio.store + "/master.key", toPath: copy + "/master.key")
        for dir in [copy, copy + "/outbox", copy + "/exports"] {
            try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: dir)
        }
        var other = folio
        other.environment["FOLIO_STORE"] = copy
        // A day later, by the tenant's id instead of its e-mail: the archive does not change.
        let tenant = try #require(try folio.json(["tenants", "show", "ana@example.com"])["id"] as? String)
        let again = try other.run(["exports", "create", "--tenant", tenant, "--all-time", "-o", "json"],
                                  environment: ["FOLIO_NOW": TestClock.rfc3339(plus: TestClock.day)])
        try #require(again.status == 0, "\(again.stderr)")
        let made = try #require(try JSONSerialization.jsonObject(with: again.stdoutData) as? [String: Any])
        let otherId = try #require(made["id"] as? String)
        #expect(otherId != id)
        let first = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(try Data(contentsOf: URL(fileURLWithPath: copy + "/exports/" + otherId + ".zip")) == first)
        // And a second export in the first store, too.
        let third = try #require(try folio.export(["--tenant", "ana@example.com", "--all-time"])["id"] as? String)
        #expect(try Data(contentsOf: URL(fileURLWithPath: folio.archive(third))) == first)
    }

    @Test("a flipped byte anywhere makes exports verify exit 10")
    func flippedByte() throws {
        let (folio, _, path) = try exported(count: 2)
        let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        let dir = ProcessRunner.temporaryDirectory("folio-exports-flip")
        // Every byte of the headers at the start and of the central directory at the end, and
        // a spread through the compressed data between.
        var offsets = Set(0..<min(120, size))
        offsets.formUnion(max(0, size - 700)..<size)
        offsets.formUnion(stride(from: 0, to: size, by: max(1, size / 60)))
        var failures: [String] = []
        for offset in offsets.sorted() {
            let damaged = dir + "/flip.zip"
            try ArchiveFiles.flip(path, at: offset, to: damaged)
            let result = try folio.run(["exports", "verify", damaged])
            if result.status != 10 { failures.append("offset \(offset) of \(size): exit \(result.status) \(result.stderr)") }
        }
        #expect(failures.isEmpty, "\(failures.prefix(5))")
    }

    @Test("kill -9 while a large export is written: no archive, no row; store check passes; the next export cleans up")
    func killLeavesClean() throws {
        let folio = try FolioHarness()
        _ = try folio.exportFixture(count: 300)
        let exports = folio.store + "/exports"
        let child = try ChildProcess([FolioHarness.binary, "exports", "create", "--tenant", "ana@example.com", "--all-time",
                                      "--include", "ride"], environment: folio.environment)
        child.closeStdin()
        var sawTemporary = false
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: exports)) ?? []
            if names.contains(where: { $0.hasSuffix(".zip.tmp") }) {
                sawTemporary = true
                break
            }
            usleep(1_000)
        }
        child.send(SIGKILL)
        _ = child.wait()
        try #require(sawTemporary, "the export never wrote its temporary file")
        let names = try FileManager.default.contentsOfDirectory(atPath: exports)
        #expect(!names.contains { $0.hasSuffix(".zip") }, "\(names)")
        #expect(try folio.sqlite("SELECT count(*) FROM exports") == "0\n")
        let check = try folio.run(["store", "check"])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        // The next export removes what the killed one left.
        let id = try #require(try folio.export(["--tenant", "ana@example.com", "--from", "2001-01-01", "--to", "2001-01-02"])["id"] as? String)
        #expect(try FileManager.default.contentsOfDirectory(atPath: exports) == [id + ".zip"])
    }
}
