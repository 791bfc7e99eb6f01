#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing
import FolioCore
import FolioHTTP
import FolioSupport
import FolioTestSupport

/// `webhooks listen` through the built binary: started on a free port (read from its stderr),
/// sent requests signed here, by `webhooks sign`, by Python's standardwebhooks and through curl.
/// The listener's clock is fixed at the test clock, and every signature is dated by it.
@Suite("webhooks: listen")
struct WebhooksListenTests {
    static let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    static let otherSecret = "whsec_Q2hhbmdlZCBzZWNyZXQgZm9yIGEgcm90YXRpb24h"
    static let body = #"{"type":"document.signed","data":{"total":"115.00"}}"#

    /// A running listener, its port, and what it printed once it ended.
    final class Listener {
        let child: ChildProcess
        let port: Int
        var url: String { "http://127.0.0.1:\(port)/hooks" }

        init(_ folio: FolioHarness, _ arguments: [String]) throws {
            child = try ChildProcess([FolioHarness.binary, "webhooks", "listen", "--port", "0"] + arguments,
                                     environment: folio.environment)
            child.closeStdin()
            // The first stderr line says where it listens; until then nothing can connect.
            var seen = [UInt8]()
            var byte: UInt8 = 0
            while !seen.contains(UInt8(ascii: "\n")), read(child.stderr, &byte, 1) == 1 { seen.append(byte) }
            let line = String(decoding: seen, as: UTF8.self)
            guard line.hasPrefix("listening on http://127.0.0.1:"),
                  let port = Int(line.dropFirst("listening on http://127.0.0.1:".count).prefix { $0.isNumber }) else {
                throw HarnessError(message: "no address on stderr: \(line)\(String(decoding: child.readToEnd(stderr: true), as: UTF8.self))")
            }
            self.port = port
        }

        /// Waits for the exit: the status, the JSON lines printed, stderr.
        func finish() -> (status: Int32, lines: [[String: Any]], stderr: String) {
            let out = child.readToEnd()
            let err = String(decoding: child.readToEnd(stderr: true), as: UTF8.self)
            let lines = out.split(separator: UInt8(ascii: "\n")).compactMap {
                try? JSONSerialization.jsonObject(with: Data($0)) as? [String: Any]
            }
            return (child.wait(), lines, err)
        }
    }

    static func harness() throws -> FolioHarness {
        try FolioHarness(initialize: false, environment: ["FOLIO_NOW": TestClock.rfc3339])
    }

    static func secretBytes(_ text: String) throws -> [UInt8] {
        try StandardWebhooks.parseSecret(text, field: "secret")
    }

    /// Posts `body` with Standard Webhooks headers signed by `secret` at `timestamp`; the status.
    static func post(_ url: String, id: String, secret: String = secret, timestamp: Int64 = TestClock.seconds,
                     body: String = body, tamper: Bool = false) throws -> Int {
        let bytes = Array(body.utf8)
        let signature = StandardWebhooks.signatureHeader(secrets: [try secretBytes(secret)], id: id, timestamp: timestamp,
                                                         body: bytes)
        let request = HTTPRequest.postJSON(try HTTPURL(url), body: tamper ? bytes + [32] : bytes, headers: [
            ("webhook-id", id), ("webhook-timestamp", String(timestamp)), ("webhook-signature", signature)])
        return try HTTPClient().send(request).status
    }

    @Test("verified requests get 200; a bad signature and a stale timestamp get 401 with the reason; one JSON line each, in order")
    func verifiesAndAnswers() throws {
        let folio = try Self.harness()
        let secretFile = try folio.file("secret.txt", Self.secret + "\n")
        let listener = try Listener(folio, ["--secret-file", secretFile, "--count", "4", "-o", "jsonl"])
        #expect(try Self.post(listener.url, id: "msg_good") == 200)
        #expect(try Self.post(listener.url, id: "msg_tampered", tamper: true) == 401)
        #expect(try Self.post(listener.url, id: "msg_stale", timestamp: TestClock.seconds - 301) == 401)
        // Signed by the CLI, as an integrator's script would.
        let bodyFile = try folio.file("body.json", Self.body)
        let signed = try folio.run(["webhooks", "sign", "--secret-file", secretFile, "--id", "msg_cli",
                                    "--timestamp", String(TestClock.seconds), "--body-file", bodyFile])
        try #require(signed.status == 0, "\(signed.stderr)")
        let headers = StandardWebhooks.parseHeaders(signed.stdout).map { ($0.name, $0.value) }
        let response = try HTTPClient().send(.postJSON(try HTTPURL(listener.url), body: Array(Self.body.utf8), headers: headers))
        #expect(response.status == 200)
        let (status, lines, stderr) = listener.finish()
        #expect(status == 0, "\(stderr)")
        try #require(lines.count == 4, "\(lines)")
        #expect(lines.map { $0["webhookId"] as? String } == ["msg_good", "msg_tampered", "msg_stale", "msg_cli"])
        #expect(lines.map { $0["verified"] as? Bool } == [true, false, false, true])
        #expect(lines.map { $0["reason"] as? String } == [nil, "bad_signature", "stale_timestamp", nil])
        #expect(lines.map { $0["status"] as? Int } == [200, 401, 401, 200])
        #expect(lines[0]["type"] as? String == "document.signed")
        #expect(lines[0]["bodyBytes"] as? Int == Self.body.utf8.count)
        #expect(lines[0]["receivedAt"] as? String == TestClock.rfc3339)
        #expect((lines[0]["body"] as? [String: Any])?["type"] as? String == "document.signed")
    }

    @Test("--respond 500,200 answers the first verified request 500 and the rest 200; a second --secret-file is accepted")
    func respondSequenceAndRotation() throws {
        let folio = try Self.harness()
        let old = try folio.file("old.txt", Self.secret)
        let new = try folio.file("new.txt", Self.otherSecret)
        let listener = try Listener(folio, ["--secret-file", old, "--secret-file", new, "--respond", "500,200",
                                            "--count", "4", "-o", "jsonl"])
        #expect(try Self.post(listener.url, id: "msg_1", secret: Self.otherSecret, tamper: true) == 401)
        #expect(try Self.post(listener.url, id: "msg_1") == 500)
        #expect(try Self.post(listener.url, id: "msg_1", secret: Self.otherSecret) == 200)
        #expect(try Self.post(listener.url, id: "msg_2") == 200)
        let (status, lines, stderr) = listener.finish()
        #expect(status == 0, "\(stderr)")
        #expect(lines.map { $0["status"] as? Int } == [401, 500, 200, 200])
    }

    @Test("--accept-invalid answers an unverified request with --respond and still prints it as unverified; a table row piped")
    func acceptInvalidTable() throws {
        let folio = try Self.harness()
        let secretFile = try folio.file("secret.txt", Self.secret)
        let listener = try Listener(folio, ["--secret-file", secretFile, "--accept-invalid", "--respond", "202", "--count", "1"])
        #expect(try Self.post(listener.url, id: "msg_bad", tamper: true) == 202)
        let out = String(decoding: listener.child.readToEnd(), as: UTF8.self)
        #expect(listener.child.wait() == 0)
        #expect(out == "\(TestClock.rfc3339)\tmsg_bad\tdocument.signed\tno: bad_signature\t202\t\(Self.body.utf8.count + 1)\n")
    }

    @Test("Python's standardwebhooks signs, urllib posts; the listener verifies it",
          .enabled(if: ExternalTool.shouldRunPython("standardwebhooks"), "needs Python's standardwebhooks"))
    func pythonClient() throws {
        let folio = try Self.harness()
        let secretFile = try folio.file("secret.txt", Self.secret)
        let listener = try Listener(folio, ["--secret-file", secretFile, "--count", "1", "-o", "jsonl"])
        let script = """
            import sys, urllib.request
            from datetime import datetime, timezone
            from standardwebhooks import webhooks
            now = datetime.fromtimestamp(int(sys.argv[1]), tz=timezone.utc)
            body = sys.argv[4]
            signature = webhooks.Webhook(sys.argv[2]).sign("msg_python", now, body)
            request = urllib.request.Request(sys.argv[3], data=body.encode(), method="POST", headers={
                "content-type": "application/json", "webhook-id": "msg_python",
                "webhook-timestamp": sys.argv[1], "webhook-signature": signature})
            print(urllib.request.urlopen(request).status)
            """
        let python = try #require(ExternalTool.path("python3"))
        let sent = try ProcessRunner.run([python, "-c", script, String(TestClock.seconds), Self.secret, listener.url, Self.body])
        #expect(sent.status == 0 && sent.stdout == "200\n", "\(sent.stdout) \(sent.stderr)")
        let (status, lines, stderr) = listener.finish()
        #expect(status == 0, "\(stderr)")
        #expect(lines.first?["webhookId"] as? String == "msg_python" && lines.first?["verified"] as? Bool == true, "\(lines)")
    }

    @Test("curl posts what webhooks sign printed, and gets 200",
          .enabled(if: ExternalTool.shouldRun("curl"), "needs curl"))
    func curlClient() throws {
        let folio = try Self.harness()
        let secretFile = try folio.file("secret.txt", Self.secret)
        let bodyFile = try folio.file("body.json", Self.body)
        let signed = try folio.run(["webhooks", "sign", "--secret-file", secretFile, "--id", "msg_curl",
                                    "--timestamp", String(TestClock.seconds), "--body-file", bodyFile])
        try #require(signed.status == 0, "\(signed.stderr)")
        let listener = try Listener(folio, ["--secret-file", secretFile, "--count", "1", "-o", "jsonl"])
        let headers = signed.stdout.split(separator: "\n").flatMap { ["-H", String($0)] }
        let curl = try #require(ExternalTool.path("curl"))
        let sent = try ProcessRunner.run([curl, "-s", "-o", "/dev/null", "-w", "%{http_code}", "--data-binary", "@" + bodyFile]
                                         + headers + [listener.url])
        #expect(sent.stdout == "200", "\(sent.stderr)")
        let (status, lines, _) = listener.finish()
        #expect(status == 0 && lines.first?["verified"] as? Bool == true, "\(lines)")
    }

    @Test("--host localhost binds 127.0.0.1, and -q still prints the address a script needs")
    func localhostQuiet() throws {
        let folio = try Self.harness()
        let listener = try Listener(folio, ["--secret-file", try folio.file("secret.txt", Self.secret), "--host", "localhost",
                                            "-q", "--count", "1"])
        #expect(try Self.post(listener.url, id: "msg_quiet") == 200)
        let out = String(decoding: listener.child.readToEnd(), as: UTF8.self)
        #expect(listener.child.wait() == 0)
        #expect(out == "msg_quiet\n")
    }

    @Test("Ctrl-C stops the listener with 130")
    func interrupted() throws {
        let folio = try Self.harness()
        let listener = try Listener(folio, ["--secret-file", try folio.file("secret.txt", Self.secret)])
        #expect(try Self.post(listener.url, id: "msg_1") == 200)
        listener.child.send(SIGINT)
        let (status, _, stderr) = listener.finish()
        #expect(status == 130, "\(stderr)")
    }

    @Test("bad input exits 3 naming the field, and nothing listens")
    func badInput() throws {
        let folio = try Self.harness()
        let good = try folio.file("secret.txt", Self.secret)
        let malformed = try folio.file("bad.txt", "not a secret")
        let cases: [([String], String)] = [
            (["--secret-file", good, "--port", "70000"], "port"),
            (["--secret-file", good, "--port", "http"], "port"),
            (["--secret-file", good, "--host", "0.0.0.0"], "host"),
            (["--secret-file", good, "--host", "192.168.1.10"], "host"),
            (["--secret-file", good, "--host", "example.com"], "host"),
            (["--secret-file", malformed], "secret-file"),
            (["--secret-file", "/nonexistent/secret.txt"], "secret-file"),
            ([], "secret-file"),
            (["--secret-file", good, "--respond", "200,abc"], "respond"),
            (["--secret-file", good, "--respond", "99"], "respond"),
            (["--secret-file", good, "--count", "0"], "count"),
        ]
        for (arguments, field) in cases {
            let result = try folio.run(["webhooks", "listen", "--port", "0"] + arguments + ["-o", "json"])
            #expect(result.status == 3, "\(arguments): \(result.stderr)")
            #expect(folio.errorBody(result)["field"] as? String == field, "\(arguments): \(result.stderr)")
            #expect(!result.stderr.contains("listening on"), "\(arguments)")
        }
    }
}
