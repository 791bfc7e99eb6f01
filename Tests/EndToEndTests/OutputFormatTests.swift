import Foundation
import Testing
import FolioTestSupport

@Suite("output formats")
struct OutputFormatTests {
    func seeded(_ count: Int) throws -> FolioHarness {
        let folio = try FolioHarness()
        for i in 0..<count {
            let r = try folio.run(["tenants", "register", "--email", "user\(i)@example.com", "--name", "User, \"\(i)\""])
            #expect(r.status == 0, "\(r.stderr)")
        }
        return folio
    }

    @Test("table output piped is tab-separated with no header")
    func pipedTable() throws {
        let folio = try seeded(2)
        let result = try folio.run(["tenants", "list"])
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(!result.stdout.contains("EMAIL"))
        #expect(lines[0].split(separator: "\t").count == 8)
        #expect(lines[0].hasPrefix("ten_"))
        #expect(lines[0].contains("2026-") || lines[0].contains("20"))  // absolute RFC 3339 times when piped
        #expect(lines[0].contains("T") && lines[0].hasSuffix("Z"))
    }

    @Test("json lists carry items, nextCursor and hasMore; pages chain to the end")
    func jsonPaging() throws {
        let folio = try seeded(5)
        var cursor: String?
        var ids: [String] = []
        repeat {
            var args = ["tenants", "list", "--limit", "2"]
            if let cursor { args += ["--cursor", cursor] }
            let page = try folio.json(args)
            let items = try #require(page["items"] as? [[String: Any]])
            ids += items.compactMap { $0["id"] as? String }
            cursor = page["nextCursor"] as? String
            #expect((page["hasMore"] as? Bool) == (cursor != nil))
        } while cursor != nil
        #expect(ids.count == 5)
        #expect(ids == ids.sorted())
        let all = try folio.json(["tenants", "list", "--all"])
        #expect((all["items"] as? [Any])?.count == 5)
        #expect(all["nextCursor"] is NSNull)
    }

    @Test("jsonl streams one object per line; id prints one id per line")
    func jsonlAndId() throws {
        let folio = try seeded(3)
        let jsonl = try folio.run(["tenants", "list", "--all", "-o", "jsonl"])
        let lines = jsonl.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        for line in lines {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(object?["email"] is String)
        }
        let ids = try folio.run(["tenants", "list", "-o", "id"])
        #expect(ids.stdout.split(separator: "\n").allSatisfy { $0.hasPrefix("ten_") })
    }

    @Test("csv is RFC 4180 with a header, quoting commas and quotes")
    func csv() throws {
        let folio = try seeded(1)
        let result = try folio.run(["tenants", "list", "-o", "csv"])
        let lines = result.stdout.components(separatedBy: "\r\n")
        #expect(lines[0] == "id,email,name,tier,status,env,lang,created")
        #expect(lines[1].contains(",\"User, \"\"0\"\"\","))
        // Python's csv module reads it back (an independent RFC 4180 reader).
        if ExternalTool.shouldRun("python3") {
            let python = try #require(ExternalTool.path("python3"))
            let read = try ProcessRunner.run([python, "-c", "import csv,sys; rows=list(csv.reader(sys.stdin)); print(rows[1][2])"],
                                             stdin: result.stdoutData)
            #expect(read.stdout == "User, \"0\"\n")
        }
    }

    @Test("on a terminal, tables get a header, aligned columns and relative times",
          .enabled(if: ExternalTool.shouldRun("script"), "needs script(1) for a pseudo-terminal"))
    func terminalTable() throws {
        let folio = try seeded(2)
        let script = try #require(ExternalTool.path("script"))
        // script(1) gives folio a real pseudo-terminal as stdout.
        let command = "\(FolioHarness.binary) tenants list --no-color"
        let result = try ProcessRunner.run([script, "-qec", command, "/dev/null"], environment: folio.environment)
        let lines = result.stdout.replacingOccurrences(of: "\r", with: "").split(separator: "\n")
        #expect(lines.count == 3, "\(result.stdout)")
        #expect(lines.first?.hasPrefix("ID") == true)
        #expect(lines.first?.contains("EMAIL") == true)
        #expect(lines.dropFirst().allSatisfy { $0.contains("just now") || $0.contains("ago") })
        #expect(!result.stdout.contains("\t"))
        #expect(!result.stdout.contains("\u{1B}["))
    }

    @Test("an empty list is not an error")
    func emptyList() throws {
        let folio = try FolioHarness()
        let result = try folio.run(["tenants", "list", "--status", "suspended"])
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        let json = try folio.json(["tenants", "list"])
        #expect((json["items"] as? [Any])?.isEmpty == true)
    }

    @Test("errors go to stderr as JSON with -o json, with code, message and field")
    func jsonErrors() throws {
        let folio = try FolioHarness()
        let result = try folio.run(["tenants", "register", "--email", "not-an-email", "-o", "json"])
        #expect(result.status == 3)
        #expect(result.stdout.isEmpty)
        let body = try JSONSerialization.jsonObject(with: Data(result.stderr.utf8)) as? [String: Any]
        #expect(body?["error"] as? String == "validation_failed")
        #expect(body?["field"] as? String == "email")
        #expect((body?["message"] as? String)?.isEmpty == false)
    }
}
