import Foundation
import Testing
import FolioTestSupport

/// `webhooks sign|verify` through the built binary, judged by the Standard Webhooks reference
/// library for Python (`standardwebhooks`), with every clock fixed.
@Suite("webhooks: sign and verify")
struct WebhooksSignatureTests {
    static let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    static let body = #"{"type":"document.signed","data":{"total":"115.00","buyer":"Núñez"}}"#

    func signed(_ folio: FolioHarness, id: String = "evt_01JD0000000000000000000000",
                timestamp: Int64 = TestClock.seconds) throws -> (headers: String, secretFile: String, bodyFile: String) {
        let secretFile = try folio.file("secret.txt", Self.secret + "\n")
        let bodyFile = try folio.file("body.json", Self.body)
        let result = try folio.run(["webhooks", "sign", "--secret-file", secretFile, "--id", id, "--timestamp", String(timestamp),
                                    "--body-file", bodyFile])
        try #require(result.status == 0, "\(result.stderr)")
        return (result.stdout, secretFile, bodyFile)
    }

    @Test("sign prints the three headers; verify accepts them and refuses each failure with exit 10 and its reason")
    func signThenVerify() throws {
        let folio = try FolioHarness(environment: ["FOLIO_NOW": TestClock.rfc3339])
        let (headers, secretFile, bodyFile) = try signed(folio)
        #expect(headers.hasPrefix("webhook-id: evt_01JD0000000000000000000000\nwebhook-timestamp: \(TestClock.seconds)\nwebhook-signature: v1,"))
        let headersFile = try folio.file("headers.txt", headers)
        let ok = try folio.run(["webhooks", "verify", "--secret-file", secretFile, "--headers", headersFile, "-o", "json"],
                               stdin: Self.body)
        #expect(ok.status == 0 && ok.stdout.contains(#""valid":true"#), "\(ok.stderr)")
        func reason(_ headers: String, body: String = Self.body, now: String = TestClock.rfc3339) throws -> (Int32, String?) {
            let file = try folio.file("h.txt", headers)
            let result = try folio.run(["webhooks", "verify", "--secret-file", secretFile, "--headers", file, "-o", "json"],
                                       stdin: body, environment: ["FOLIO_NOW": now])
            return (result.status, folio.errorBody(result)["reason"] as? String)
        }
        #expect(try reason(headers, body: Self.body + " ") == (10, "bad_signature"))
        #expect(try reason(headers, now: "2026-11-23T10:25:01Z") == (10, "stale_timestamp"))
        #expect(try reason(headers, now: "2026-11-23T10:25:00Z") == (0, nil))
        #expect(try reason(headers.replacingOccurrences(of: "webhook-timestamp", with: "x-timestamp")) == (10, "malformed_header"))
        #expect(try reason(headers.replacingOccurrences(of: "v1,", with: "v2,")) == (10, "malformed_header"))
        _ = bodyFile
    }

    @Test("the Python standardwebhooks library verifies what Folio signed, and Folio verifies what it signed",
          .enabled(if: ExternalTool.shouldRunPython("standardwebhooks"), "needs Python's standardwebhooks"))
    func pythonJudge() throws {
        let folio = try FolioHarness(environment: ["FOLIO_NOW": TestClock.rfc3339])
        let (headers, secretFile, bodyFile) = try signed(folio)
        // The judge's clock is pinned to the test clock; its signature check is the library's own.
        let script = """
            import sys, json
            from datetime import datetime, timezone, timedelta
            from standardwebhooks import webhooks
            now = datetime.fromtimestamp(int(sys.argv[1]), tz=timezone.utc)
            def pinned(self, header):
                ts = datetime.fromtimestamp(float(header), tz=timezone.utc)
                if abs(ts - now) > timedelta(minutes=5): raise webhooks.WebhookVerificationError("stale")
                return ts
            webhooks.Webhook._Webhook__verify_timestamp = pinned
            wh = webhooks.Webhook(sys.argv[2])
            body = open(sys.argv[3], encoding="utf-8").read()
            mode = sys.argv[4]
            if mode == "verify":
                headers = dict(line.split(": ", 1) for line in sys.argv[5].strip().split("\\n"))
                wh.verify(body, headers)
                try:
                    wh.verify(body + " ", headers); print("tampered body accepted"); sys.exit(1)
                except webhooks.WebhookVerificationError: pass
                print("ok")
            else:
                print("webhook-id: msg_from_python")
                print("webhook-timestamp: " + sys.argv[1])
                print("webhook-signature: " + wh.sign("msg_from_python", now, body))
            """
        let python = try #require(ExternalTool.path("python3"))
        let judged = try ProcessRunner.run([python, "-c", script, String(TestClock.seconds), Self.secret, bodyFile, "verify", headers])
        #expect(judged.status == 0 && judged.stdout == "ok\n", "\(judged.stdout) \(judged.stderr)")
        let theirs = try ProcessRunner.run([python, "-c", script, String(TestClock.seconds), Self.secret, bodyFile, "sign"])
        try #require(theirs.status == 0, "\(theirs.stderr)")
        let file = try folio.file("py-headers.txt", theirs.stdout)
        let verified = try folio.run(["webhooks", "verify", "--secret-file", secretFile, "--headers", file, "--body-file", bodyFile])
        #expect(verified.status == 0, "\(verified.stdout) \(verified.stderr)")
        let other = try folio.file("other.txt", "whsec_" + Data(repeating: 7, count: 32).base64EncodedString() + "\n")
        let wrong = try folio.run(["webhooks", "verify", "--secret-file", other, "--headers", file, "--body-file", bodyFile])
        #expect(wrong.status == 10 && wrong.stderr.contains("no v1 signature matches"))
    }
}
