import Foundation
import Testing
import FolioTestSupport

/// The verification token inside the newest .eml of the outbox.
func outboxToken(_ folio: FolioHarness) throws -> (token: String, message: String) {
    let outbox = folio.store + "/outbox"
    let files = try FileManager.default.contentsOfDirectory(atPath: outbox).filter { $0.hasSuffix(".eml") }.sorted()
    let newest = try #require(files.last)
    let message = try String(contentsOfFile: outbox + "/" + newest, encoding: .utf8)
    let range = try #require(message.range(of: #"(?m)^    [0-9a-f]{48}\r?$"#, options: .regularExpression))
    return (message[range].trimmingCharacters(in: .whitespacesAndNewlines), message)
}

@Suite("tenants")
struct TenantsTests {
    @Test("register creates a pending sandbox tenant; the same e-mail in any case returns it")
    func registerAndDuplicate() throws {
        let folio = try FolioHarness()
        let t = try folio.json(["tenants", "register", "--email", "ana@example.com", "--name", "Ana Foods",
                                "--tier", "trial", "--language", "es"])
        #expect(t["status"] as? String == "pending_verification")
        #expect(t["environment"] as? String == "sandbox")
        #expect(t["tier"] as? String == "trial")
        #expect(t["verified"] as? Bool == false)
        #expect(t["trialEndsAt"] is String)
        let again = try folio.json(["tenants", "register", "--email", "ANA@Example.COM"])
        #expect(again["id"] as? String == t["id"] as? String)
        let list = try folio.json(["tenants", "list"])
        #expect((list["items"] as? [Any])?.count == 1)
    }

    @Test("show finds a tenant by id or by e-mail; unknown is not_found (exit 4)")
    func show() throws {
        let folio = try FolioHarness()
        let t = try folio.json(["tenants", "register", "--email", "ana@example.com"])
        let id = try #require(t["id"] as? String)
        #expect(try folio.json(["tenants", "show", id])["email"] as? String == "ana@example.com")
        #expect(try folio.json(["tenants", "show", "Ana@example.com"])["id"] as? String == id)
        let missing = try folio.run(["tenants", "show", "ten_01AAAAAAAAAAAAAAAAAAAAAAAA"])
        #expect(missing.status == 4)
    }

    @Test("the verification e-mail is an RFC 5322 message in the tenant's language; only a hash is stored")
    func verificationMail() throws {
        let folio = try FolioHarness()
        try folio.run(["tenants", "register", "--email", "en@example.com", "--language", "en"])
        let (token, message) = try outboxToken(folio)
        #expect(message.contains("Subject: Verify your e-mail"))
        #expect(message.contains("To: en@example.com\r\n"))
        #expect(message.contains("\r\n\r\n"))
        #expect(message.contains("Date: "))
        let files = folio.storeFiles().filter { !$0.path.contains("/outbox/") }
        for file in files { #expect(file.bytes.range(of: Data(token.utf8)) == nil, "token found in \(file.path)") }
        try folio.run(["tenants", "register", "--email", "es@example.com", "--language", "es"])
        #expect(try outboxToken(folio).message.contains("Subject: Verifica tu correo"))
        // Python's e-mail parser reads the message (an independent RFC 5322 reader).
        if ExternalTool.shouldRun("python3") {
            let python = try #require(ExternalTool.path("python3"))
            let parsed = try ProcessRunner.run([python, "-c",
                "import sys,email; m=email.message_from_bytes(sys.stdin.buffer.read()); print(m['To']); print(m.get_content_charset())"],
                stdin: Data(message.utf8))
            #expect(parsed.stdout == "en@example.com\nutf-8\n")
        }
    }

    @Test("verify with the token from a file or stdin; a wrong token changes nothing")
    func verify() throws {
        let folio = try FolioHarness()
        let t = try folio.json(["tenants", "register", "--email", "ana@example.com"])
        let id = try #require(t["id"] as? String)
        let (token, _) = try outboxToken(folio)
        let wrong = try folio.run(["tenants", "verify", id], stdin: String(repeating: "0", count: 48))
        #expect(wrong.status == 3)
        #expect(try folio.json(["tenants", "show", id])["status"] as? String == "pending_verification")
        let file = ProcessRunner.temporaryDirectory() + "/token.txt"
        try (token + "\n").write(toFile: file, atomically: true, encoding: .utf8)
        let ok = try folio.run(["tenants", "verify", id, "--token-file", file, "-o", "json"])
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(ok.stdout.contains("\"status\": \"active\""))
        let twice = try folio.run(["tenants", "verify", id], stdin: token)
        #expect(twice.status == 5)
        let viaStdin = try FolioHarness()
        let other = try viaStdin.json(["tenants", "register", "--email", "b@example.com"])
        let result = try viaStdin.run(["tenants", "verify", other["id"] as! String], stdin: try outboxToken(viaStdin).token)
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test("resend-verification kills the old token; --force verifies without one")
    func resendAndForce() throws {
        let folio = try FolioHarness()
        let id = try #require(try folio.json(["tenants", "register", "--email", "ana@example.com"])["id"] as? String)
        let old = try outboxToken(folio).token
        Thread.sleep(forTimeInterval: 1.1)  // the outbox file names are time-ordered to the second
        #expect(try folio.run(["tenants", "resend-verification", id]).status == 0)
        let new = try outboxToken(folio).token
        #expect(old != new)
        #expect(try folio.run(["tenants", "verify", id], stdin: old).status == 3)
        #expect(try folio.run(["tenants", "verify", id], stdin: new).status == 0)
        let forced = try folio.json(["tenants", "register", "--email", "f@example.com"])
        let r = try folio.run(["tenants", "verify", forced["id"] as! String, "--force"])
        #expect(r.status == 0, "\(r.stderr)")
        let audit = try folio.run(["audit", "list", "--target", forced["id"] as! String, "-o", "jsonl"])
        #expect(audit.stdout.contains("\"forced\":true"))
    }

    @Test("set-tier, set-language, suspend and activate change state and are audited")
    func lifecycle() throws {
        let folio = try FolioHarness()
        let id = try #require(try folio.json(["tenants", "register", "--email", "ana@example.com"])["id"] as? String)
        #expect(try folio.json(["tenants", "set-tier", "ana@example.com", "starter"])["tier"] as? String == "starter")
        #expect(try folio.json(["tenants", "set-language", id, "en"])["language"] as? String == "en")
        let suspended = try folio.json(["tenants", "suspend", id, "--reason", "payment overdue", "--yes"])
        #expect(suspended["status"] as? String == "suspended")
        #expect(suspended["suspendedReason"] as? String == "payment overdue")
        #expect(try folio.run(["tenants", "suspend", id, "--reason", "again", "--yes"]).status == 5)
        // Never verified: activation returns it to pending_verification.
        #expect(try folio.json(["tenants", "activate", id])["status"] as? String == "pending_verification")
        #expect(try folio.run(["tenants", "activate", id]).status == 5)
        let actions = try folio.run(["audit", "list", "--target", id, "-o", "jsonl"]).stdout
        for action in ["tenant.register", "tenant.set_tier", "tenant.set_language", "tenant.suspend", "tenant.activate"] {
            #expect(actions.contains("\"action\":\"\(action)\""), "\(action)")
        }
        let filtered = try folio.json(["tenants", "list", "--tier", "starter", "--status", "pending_verification"])
        #expect((filtered["items"] as? [Any])?.count == 1)
    }

    @Test("FOLIO_SENDMAIL receives the message on stdin")
    func sendmail() throws {
        let dir = ProcessRunner.temporaryDirectory()
        let folio = try FolioHarness(environment: ["FOLIO_SENDMAIL": "cat > \(dir)/sent.eml"])
        try folio.run(["tenants", "register", "--email", "ana@example.com"])
        let sent = try String(contentsOfFile: dir + "/sent.eml", encoding: .utf8)
        #expect(sent.contains("To: ana@example.com"))
        let outbox = try FileManager.default.contentsOfDirectory(atPath: folio.store + "/outbox")
        #expect(outbox.filter { $0.hasSuffix(".eml") }.isEmpty)
        // A failing sendmail keeps the message in the outbox and warns; the tenant still exists.
        let failing = try folio.run(["tenants", "register", "--email", "b@example.com"], environment: ["FOLIO_SENDMAIL": "exit 3"])
        #expect(failing.status == 0)
        #expect(failing.stderr.contains("warning:"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folio.store + "/outbox").contains { $0.hasSuffix(".eml") })
    }

    @Test("bad input leaves the store exactly as it was")
    func badInputChangesNothing() throws {
        let folio = try FolioHarness()
        try folio.run(["tenants", "register", "--email", "ana@example.com"])
        let before = try folio.sqlite(".dump")
        let cases: [[String]] = [
            ["tenants", "register", "--email", "ana@@example.com"],
            ["tenants", "register", "--email", "x@example.com", "--tier", "platinum"],
            ["tenants", "register", "--email", "x@example.com", "--language", "de"],
            ["tenants", "register", "--email", "x@example.com", "--bogus"],
            ["tenants", "suspend", "ana@example.com", "--reason", "   "],
            ["tenants", "set-tier", "nobody@example.com", "pro"],
        ]
        for args in cases {
            let r = try folio.run(args)
            #expect(r.status != 0, "\(args)")
            #expect(!r.stderr.isEmpty)
        }
        #expect(try folio.sqlite(".dump") == before)
    }
}

@Suite("tenants register --ruc")
struct RegisterWithRUCTests {
    @Test("register --ruc creates issuer 001-001 with a sandbox certificate that signs at once")
    func readyToSign() throws {
        let folio = try FolioHarness()
        let t = try folio.json(["tenants", "register", "--email", "ci@example.com", "--ruc", "1790011674001"])
        let issuer = try #require(t["issuer"] as? [String: Any])
        let issuerId = try #require(issuer["id"] as? String)
        #expect(issuer["ruc"] as? String == "1790011674001")
        let invoice = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("examples/invoice.json").path
        let doc = try folio.json(["documents", "create", "--issuer", issuerId, "--file", invoice])
        let key = try #require(doc["accessKey"] as? String)
        #expect(try folio.run(["documents", "verify", key]).status == 0)
        // Registering again with the same RUC keeps the issuer; another RUC is a conflict and changes nothing.
        let again = try folio.json(["tenants", "register", "--email", "ci@example.com", "--ruc", "1790011674001"])
        #expect((again["issuer"] as? [String: Any])?["id"] as? String == issuerId)
        let before = try folio.sqlite(".dump")
        let other = try folio.run(["tenants", "register", "--email", "ci@example.com", "--ruc", "0990011674001"])
        #expect(other.status == 5)
        #expect(try folio.sqlite(".dump") == before)
        // A malformed RUC creates no tenant at all.
        let bad = try folio.run(["tenants", "register", "--email", "new@example.com", "--ruc", "123", "-o", "json"])
        #expect(bad.status == 3)
        #expect(bad.stderr.contains("ruc"))
        #expect(try folio.run(["tenants", "show", "new@example.com"]).status == 4)
    }
}
