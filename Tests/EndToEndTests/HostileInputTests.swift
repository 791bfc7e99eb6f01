import Foundation
import Testing
import FolioTestSupport

/// Issue 11 items 5, 6 and 8 against the built binary: endless inputs under a memory and CPU
/// limit, a batch read as it arrives, CSV read back by an independent reader. The fuzz script
/// (`scripts/fuzz-cli.py`) probes the same invariants with random input; these are its
/// deterministic cases.
@Suite("hostile input: the binary")
struct HostileInputTests {
    /// Runs folio under `ulimit -v` (1 GiB of address space) and `ulimit -t` (20 CPU seconds),
    /// so that reading an endless input ends in a crash or a kill (a failed test) instead of
    /// taking the machine's memory.
    func bounded(_ folio: FolioHarness, _ arguments: [String], stdin: String? = nil) throws -> ProcessResult {
        try ProcessRunner.run(["/bin/sh", "-c", "ulimit -v 1048576; ulimit -t 20; exec \"$@\"", "sh", FolioHarness.binary] + arguments,
                              stdin: stdin.map { Data($0.utf8) }, environment: folio.environment)
    }

    @Test("--key-file, --token-file and documents create --file on /dev/zero fail 3 at once, naming the option")
    func devZero() throws {
        let folio = try FolioHarness()
        let (_, issuer) = try folio.makeIssuer()
        let cases: [([String], String)] = [
            (["keys", "verify", "--key-file", "/dev/zero"], "key-file"),
            (["tenants", "verify", "ana@example.com", "--token-file", "/dev/zero"], "token-file"),
            (["documents", "create", "--issuer", issuer, "--file", "/dev/zero"], "file"),
            (["documents", "verify", "--file", "/dev/zero"], "file"),
            (["issuers", "cert", "import", issuer, "--p12", "/dev/zero", "--password-file", "/dev/zero"], "password-file"),
        ]
        for (args, field) in cases {
            let result = try bounded(folio, args + ["-o", "json"])
            #expect(result.status == 3, "\(args): \(result.stderr)")
            let body = try JSONSerialization.jsonObject(with: Data(result.stderr.utf8)) as? [String: Any]
            #expect(body?["field"] as? String == field, "\(args): \(result.stderr)")
            #expect((body?["message"] as? String)?.contains("longer than") == true)
        }
        // stdin that never ends: a key piped from /dev/zero.
        let piped = try ProcessRunner.run(["/bin/sh", "-c", "ulimit -v 1048576; ulimit -t 20; exec \"$@\" < /dev/zero", "sh",
                                           FolioHarness.binary, "keys", "verify"], environment: folio.environment)
        #expect(piped.status == 3, "\(piped.stderr)")
        #expect(piped.stderr.contains("from stdin is longer than 512 bytes"))
    }

    @Test("a batch is signed as it arrives: the first group is printed while stdin is still open")
    func streamedBatch() throws {
        let folio = try FolioHarness()
        let (_, issuer) = try folio.makeIssuer()
        let child = try ChildProcess([FolioHarness.binary, "documents", "create", "--issuer", issuer, "--file", "-", "-o", "id"],
                                     environment: folio.environment)
        child.write(Data(((1...100).map { invoiceLine($0) }.joined(separator: "\n") + "\n").utf8))
        // Stdin stays open: a reader that waits for its end would print nothing.
        var printed = Data()
        let deadline = Date().addingTimeInterval(60)
        while printed.filter({ $0 == 10 }).count < 100, Date() < deadline {
            var entry = pollfd(fd: child.stdout, events: Int16(POLLIN), revents: 0)
            guard poll(&entry, 1, 1000) > 0 else { continue }
            let more = child.readSomeStdout()
            if more.isEmpty { break }
            printed += more
        }
        #expect(printed.filter { $0 == 10 }.count == 100, "printed before the end of the input: \(printed.count) bytes")
        child.write(Data((invoiceLine(101) + "\n").utf8))
        child.closeStdin()
        printed += child.readToEnd()
        #expect(child.wait() == 0)
        #expect(String(decoding: printed, as: UTF8.self).split(separator: "\n").count == 101)
        #expect(try folio.storedSequentials() == Array(1...101))
    }

    @Test("Python's csv module reads formula-like names back as text with the leading quote",
          .enabled(if: ExternalTool.shouldRun("python3"), "needs python3"))
    func csvReadBack() throws {
        let folio = try FolioHarness()
        let names = ["=cmd|' /C calc'!A0", "+SUM(1,2)", "-1+1", "@A1", "plain, \"quoted\""]
        for (i, name) in names.enumerated() {
            #expect(try folio.run(["tenants", "register", "--email", "u\(i)@example.com", "--name=\(name)"]).status == 0)
        }
        let csv = try folio.run(["tenants", "list", "-o", "csv"])
        let python = try #require(ExternalTool.path("python3"))
        let read = try ProcessRunner.run([python, "-c", """
            import csv, json, sys
            rows = list(csv.DictReader(sys.stdin))
            print(json.dumps(sorted(r["name"] for r in rows)))
            """], stdin: csv.stdoutData)
        let cells = try JSONSerialization.jsonObject(with: Data(read.stdout.utf8)) as? [String]
        #expect(cells == ["'+SUM(1,2)", "'-1+1", "'=cmd|' /C calc'!A0", "'@A1", "plain, \"quoted\""], "\(read.stdout) \(read.stderr)")
    }

    @Test("no key on stderr from the binary either: --key-file KEY, --scope KEY, tenants show KEY")
    func redactedBinary() throws {
        let folio = try FolioHarness()
        _ = try folio.run(["tenants", "register", "--email", "ana@example.com"])
        let secret = try #require(try folio.json(["keys", "mint", "--tenant", "ana@example.com"])["secret"] as? String)
        for args in [["keys", "verify", "--key-file", secret], ["keys", "verify", "--scope", secret], ["tenants", "show", secret]] {
            let result = try folio.run(args, stdin: secret)
            #expect(result.status != 0)
            #expect(!result.stderr.contains(secret) && result.stderr.contains(secret.prefix(15) + "…"), "\(args): \(result.stderr)")
        }
    }
}
