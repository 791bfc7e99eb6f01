import Foundation
import Testing
@testable import FolioCLI
import FolioTestSupport

/// Issue 11 item 5: every input read is bounded and fails validation_failed (3) naming its
/// option; a directory given as a file says so; a batch is read line by line with a cap per
/// line; a message quoting input stays short. (`/dev/zero` itself is in the end-to-end
/// `HostileInputTests`, run under a memory limit, where a regression cannot take the test
/// process down with it.)
@Suite("hostile input: bounded reads, in process")
struct BoundedInputTests {
    let invoice = #"{"buyer":{"identificationType":"07","identification":"9999999999999","name":"CONSUMIDOR FINAL"},"items":[{"code":"A","description":"A","quantity":"1","unitPrice":"2.50","ivaRate":"4"}]}"#

    func file(_ folio: InProcessFolio, _ name: String, _ bytes: [UInt8]) throws -> String {
        let path = folio.store + "/../" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// The JSON error of a failed run (with `-o json`).
    func error(_ result: InProcessFolio.Result) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(result.stderr.utf8)) as? [String: Any], "\(result.stderr)")
    }

    func issuer(_ folio: InProcessFolio) throws -> String {
        _ = folio.run(["tenants", "register", "--email", "ana@example.com", "--ruc", "1790011674001"])
        return try #require(folio.run(["issuers", "list", "-q"]).stdout.split(separator: "\n").first.map(String.init))
    }

    @Test("a key, a token and a password longer than their limit fail 3 naming the option and the limit, from a file or stdin")
    func secrets() throws {
        let folio = try InProcessFolio()
        let long = [UInt8](repeating: UInt8(ascii: "a"), count: 600)
        let path = try file(folio, "long.txt", long)
        for (args, field, limit) in [(["keys", "verify", "--key-file", path], "key-file", 512),
                                     (["tenants", "verify", "ana@example.com", "--token-file", path], "token-file", 512)] {
            let result = folio.run(args + ["-o", "json"])
            #expect(result.status == 3, "\(args): \(result.stderr)")
            let body = try error(result)
            #expect(body["error"] as? String == "validation_failed")
            #expect(body["field"] as? String == field)
            #expect(body["limit"] as? Int == limit)
            #expect((body["message"] as? String)?.contains("longer than \(limit) bytes") == true, "\(body)")
        }
        let piped = folio.run(["keys", "verify", "-o", "json"], stdin: String(repeating: "a", count: 600))
        #expect(piped.status == 3)
        #expect(try error(piped)["field"] as? String == "key-file")
        #expect((try error(piped)["message"] as? String)?.contains("from stdin") == true)

        let password = try file(folio, "password.txt", [UInt8](repeating: UInt8(ascii: "p"), count: 5000))
        let p12 = try file(folio, "big.p12", [UInt8](repeating: 0x30, count: (1 << 20) + 1))
        let issuer = try issuer(folio)
        let badPassword = folio.run(["issuers", "cert", "import", issuer, "--p12", p12, "--password-file", password, "-o", "json"])
        #expect(badPassword.status == 3)
        #expect(try error(badPassword)["field"] as? String == "password-file")
        let small = try file(folio, "password-ok.txt", Array("secret\n".utf8))
        let bigP12 = folio.run(["issuers", "cert", "import", issuer, "--p12", p12, "--password-file", small, "-o", "json"])
        #expect(bigP12.status == 3)
        #expect(try error(bigP12)["field"] as? String == "p12")
        #expect((try error(bigP12)["message"] as? String)?.contains("longer than 1 MiB") == true)
    }

    @Test("a directory given as a file says so, for a key, an invoice, an XML document and a PKCS#12 file")
    func directories() throws {
        let folio = try InProcessFolio()
        let dir = folio.store + "/.."
        let issuer = try issuer(folio)
        let cases: [([String], String)] = [
            (["keys", "verify", "--key-file", dir], "key-file"),
            (["documents", "create", "--issuer", issuer, "--file", dir], "file"),
            (["documents", "verify", "--file", dir], "file"),
            (["issuers", "cert", "import", issuer, "--p12", dir, "--password-env", "HOME"], "p12"),
        ]
        for (args, field) in cases {
            let result = folio.run(args + ["-o", "json"])
            #expect(result.status == 3, "\(args): \(result.stderr)")
            let body = try error(result)
            #expect(body["field"] as? String == field)
            #expect((body["message"] as? String)?.contains("is a directory") == true, "\(body)")
        }
    }

    @Test("an invoice file over 2 MiB fails 3 on --file without being signed")
    func largeInvoice() throws {
        let folio = try InProcessFolio()
        let issuer = try issuer(folio)
        // Valid JSON, so that before the limit it was read whole and refused only for its contents.
        let padded = invoice.replacingOccurrences(of: #""buyer""#, with: #""pad": ""# + String(repeating: " ", count: 2 << 20) + #"", "buyer""#)
        let path = try file(folio, "big.json", Array(padded.utf8))
        let result = folio.run(["documents", "create", "--issuer", issuer, "--file", path, "-o", "json"])
        #expect(result.status == 3)
        let body = try error(result)
        #expect(body["field"] as? String == "file")
        #expect(body["limit"] as? Int == 2 << 20)
        #expect((body["message"] as? String)?.contains("longer than 2 MiB") == true, "\(body)")
    }

    @Test("a batch line over the limit fails with its line number and the limit, keeps the lines before it, reads none after")
    func longBatchLine() throws {
        let folio = try InProcessFolio()
        let issuer = try issuer(folio)
        let long = invoice.replacingOccurrences(of: "CONSUMIDOR FINAL", with: String(repeating: "X", count: 2 << 20))
        let batch = [invoice, long, invoice].joined(separator: "\n") + "\n"
        let result = folio.run(["documents", "create", "--issuer", issuer, "--file", "-", "-o", "jsonl"], stdin: batch)
        #expect(result.status == 3)
        #expect(result.stdout.split(separator: "\n").count == 1, "\(result.stdout)")
        let body = try #require(try JSONSerialization.jsonObject(with: Data(result.stderr.split(separator: "\n")[0].utf8)) as? [String: Any])
        #expect(body["line"] as? Int == 2)
        #expect(body["field"] as? String == "file")
        #expect(body["limit"] as? Int == 2 << 20)
        #expect((body["message"] as? String)?.hasPrefix("line 2: longer than 2 MiB") == true, "\(body)")
        #expect(folio.run(["documents", "list", "-q"]).stdout.split(separator: "\n").count == 1)
    }

    @Test("a malformed line of a batch fails alone with its line and column; the others are signed")
    func malformedBatchLine() throws {
        let folio = try InProcessFolio()
        let issuer = try issuer(folio)
        let result = folio.run(["documents", "create", "--issuer", issuer, "--file", "-", "-o", "jsonl"],
                               stdin: [invoice, #"{"buyer": }"#, invoice].joined(separator: "\r\n"))
        #expect(result.status == 3)
        #expect(result.stdout.split(separator: "\n").count == 2)
        #expect(result.stderr.contains("line 2: malformed JSON"), "\(result.stderr)")
        #expect(result.stderr.contains(#""column":11"#), "\(result.stderr)")
        #expect(result.stderr.contains("signed 2 of 3 documents"))
    }

    @Test("a streamed batch retried with its idempotency key replays each line; a changed line conflicts alone")
    func idempotentBatch() throws {
        let folio = try InProcessFolio()
        let issuer = try issuer(folio)
        let other = invoice.replacingOccurrences(of: "2.50", with: "3.00")
        let args = ["documents", "create", "--issuer", issuer, "--file", "-", "--idempotency-key", "b1", "-o", "jsonl"]
        #expect(folio.run(args, stdin: [invoice, invoice].joined(separator: "\n")).status == 0)
        let replay = folio.run(args, stdin: [invoice, invoice].joined(separator: "\n"))
        #expect(replay.status == 0, "\(replay.stderr)")
        #expect(replay.stdout.split(separator: "\n").count == 2)
        let changed = folio.run(args, stdin: [invoice, other].joined(separator: "\n"))
        #expect(changed.status == 5)
        #expect(changed.stderr.contains("line 2: the idempotency key 'b1/line-2' was already used"), "\(changed.stderr)")
        #expect(changed.stdout.split(separator: "\n").count == 1)
        #expect(folio.run(["documents", "list", "-q"]).stdout.split(separator: "\n").count == 2)
    }

    @Test("a pretty-printed document over several lines is still one invoice; its errors name line and column")
    func prettyDocument() throws {
        let folio = try InProcessFolio()
        let issuer = try issuer(folio)
        let pretty = invoice.replacingOccurrences(of: ",", with: ",\n  ")
        let made = folio.run(["documents", "create", "--issuer", issuer, "--file", "-", "-o", "json"], stdin: "\n" + pretty)
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.json?["sequential"] as? Int == 1)
        let broken = folio.run(["documents", "create", "--issuer", issuer, "--file", "-", "-o", "json"], stdin: "{\n\"buyer\": ,\n}")
        #expect(broken.status == 3)
        #expect(try error(broken)["line"] as? Int == 2)
    }

    @Test("keys scan names a file over 64 MiB in a warning instead of reading it whole")
    func scanLimit() throws {
        let folio = try InProcessFolio()
        let dir = folio.store + "/../scan"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        // Sparse: its size says 65 MiB without a byte written.
        let big = FileHandle(forWritingAtPath: try file(folio, "scan/big.log", []))!
        try big.truncate(atOffset: 65 << 20)
        try big.close()
        let result = folio.run(["keys", "scan", dir])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("big.log' was not scanned: it is larger than 64 MiB"), "\(result.stderr)")
    }

    @Test("a message quoting a 100,012-character e-mail stays under 1 KB, the value cut at 80 characters")
    func cappedQuote() throws {
        let folio = try InProcessFolio()
        let email = String(repeating: "a", count: 100_000) + "@example.com"
        let text = folio.run(["tenants", "register", "--email", email])
        #expect(text.status == 3)
        #expect(text.stderr.utf8.count < 1000, "\(text.stderr.utf8.count) bytes")
        #expect(text.stderr.contains("'" + String(repeating: "a", count: 80) + "…'"))
        let json = folio.run(["tenants", "register", "--email", email, "-o", "json"])
        #expect(json.stderr.utf8.count < 1000)
        let option = folio.run(["tenants", "list", "--" + String(repeating: "x", count: 50_000), "-o", "json"])
        #expect(option.status == 2)
        #expect(option.stderr.utf8.count < 2000, "\(option.stderr.utf8.count) bytes")
    }
}
