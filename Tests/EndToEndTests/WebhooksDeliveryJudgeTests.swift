import Foundation
import Testing
import FolioHTTP
import FolioTestSupport

/// Outside judges of `webhooks deliver`: Python's standardwebhooks library, in a receiver on
/// loopback, verifies what the built binary POSTed; and the signal policy of `--watch`.
@Suite("webhooks: deliver judged from outside")
struct WebhooksDeliveryJudgeTests {
    @Test("a Python receiver using standardwebhooks verifies the delivered request",
          .enabled(if: ExternalTool.shouldRunPython("standardwebhooks"), "needs Python's standardwebhooks"))
    func pythonReceiver() throws {
        let script = """
            import sys, json
            from datetime import datetime, timezone, timedelta
            from http.server import HTTPServer, BaseHTTPRequestHandler
            from standardwebhooks import webhooks
            now = datetime.fromtimestamp(int(sys.argv[1]), tz=timezone.utc)
            def pinned(self, header):
                ts = datetime.fromtimestamp(float(header), tz=timezone.utc)
                if abs(ts - now) > timedelta(minutes=5): raise webhooks.WebhookVerificationError("stale")
                return ts
            webhooks.Webhook._Webhook__verify_timestamp = pinned
            class Handler(BaseHTTPRequestHandler):
                def do_POST(self):
                    body = self.rfile.read(int(self.headers["content-length"]))
                    try:
                        secret = open(sys.argv[2]).read().strip()
                        payload = webhooks.Webhook(secret).verify(body, dict(self.headers.items()))
                        print("verified " + payload["type"], flush=True)
                        self.send_response(200)
                    except Exception as e:
                        print("refused " + repr(e), flush=True)
                        self.send_response(400)
                    self.send_header("content-length", "0"); self.end_headers()
                def log_message(self, *args): pass
            server = HTTPServer(("127.0.0.1", 0), Handler)
            print(server.server_address[1], flush=True)
            server.handle_request()
            """
        let python = try #require(ExternalTool.path("python3"))
        let folio = try FolioHarness(environment: ["FOLIO_NOW": TestClock.rfc3339])
        try folio.hookTenant()
        let secretPath = ProcessRunner.temporaryDirectory("folio-judge") + "/secret"
        let receiver = try ChildProcess([python, "-c", script, String(TestClock.seconds), secretPath])
        var first = ""
        while !first.contains("\n") {
            let chunk = receiver.readSomeStdout()
            if chunk.isEmpty { break }
            first += String(decoding: chunk, as: UTF8.self)
        }
        let port = try #require(Int(first.split(separator: "\n").first.map(String.init) ?? ""))
        let made = try folio.hook(url: "http://127.0.0.1:\(port)/hook")
        try Data((try #require(made["secret"] as? String)).utf8).write(to: URL(fileURLWithPath: secretPath))
        let ran = try folio.run(["webhooks", "deliver", "--once"])
        let rest = String(decoding: receiver.readToEnd(), as: UTF8.self)
        _ = receiver.wait()
        #expect(ran.status == 0, "\(ran.stderr)")
        #expect((first + rest).contains("verified webhook.created"), "\(first)\(rest)")
        #expect(try folio.sqlite("SELECT status_code || ' ' || outcome FROM webhook_attempts") == "200 succeeded\n")
    }

    @Test("deliver --watch delivers what is due, then stops on SIGTERM with exit 143 and on SIGINT with 130, leaving no lease")
    func watchStops() throws {
        for (signal, status) in [(SIGTERM, Int32(143)), (SIGINT, Int32(130))] {
            let folio = try FolioHarness(environment: ["FOLIO_NOW": TestClock.rfc3339])
            let receiver = try Receiver([HTTPServerResponse(status: 200)])
            try folio.hookTenant()
            _ = try folio.hook(url: receiver.url)
            let child = try ChildProcess([FolioHarness.binary, "webhooks", "deliver", "--watch"], environment: folio.environment)
            usleep(700_000)
            child.send(signal)
            let output = child.communicate(nil)
            #expect(child.wait() == status, "\(String(decoding: output.stderr, as: UTF8.self))")
            #expect(try folio.sqlite("SELECT count(*) FROM webhook_leases") == "0\n")
            let status = try folio.sqlite("SELECT status FROM webhook_messages")
            #expect(receiver.seen.count == 1 && status == "delivered\n")
        }
    }
}
