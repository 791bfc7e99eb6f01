import Foundation
import Synchronization
import Testing
import FolioCore
import FolioHTTP
import FolioSupport
import FolioTestSupport

/// A loopback receiver: answers from a script (the last answer repeats), keeps every request.
final class Receiver: Sendable {
    final class State: Sendable {
        let lock: Mutex<(script: [HTTPServerResponse], seen: [HTTPServerRequest])>
        init(_ script: [HTTPServerResponse]) { lock = Mutex((script, [])) }
    }

    let server: HTTPServer
    let state: State

    init(_ script: [HTTPServerResponse], delayMicroseconds: UInt32 = 0) throws {
        server = try HTTPServer()
        let state = State(script)
        self.state = state
        server.start { request in
            if delayMicroseconds > 0 { usleep(delayMicroseconds) }
            return state.lock.withLock { s in
                s.seen.append(request)
                return s.script.count > 1 ? s.script.removeFirst() : s.script[0]
            }
        }
    }

    var url: String { "http://127.0.0.1:\(server.port)/hook" }
    var seen: [HTTPServerRequest] { state.lock.withLock { $0.seen } }
    deinit { server.stop() }
}

/// `webhooks deliver` end to end: the built binary POSTs to a receiver on loopback.
@Suite("webhooks: deliver and attempts, end to end")
struct WebhooksDeliveryTests {
    /// A harness with a sandbox starter tenant and an endpoint taking every event at `receiver`:
    /// its own webhook.created event is the first pending message.
    func setUp(_ receiver: Receiver, now: String = TestClock.rfc3339) throws -> (FolioHarness, id: String, secret: String) {
        let folio = try FolioHarness(environment: ["FOLIO_NOW": now])
        try folio.hookTenant()
        let made = try folio.hook(url: receiver.url)
        return (folio, try #require(made["id"] as? String), try #require(made["secret"] as? String))
    }

    @Test("deliver --once POSTs the signed JSON body; the signature verifies; the attempt is listed")
    func delivers() throws {
        let receiver = try Receiver([HTTPServerResponse(status: 204)])
        let (folio, id, secret) = try setUp(receiver)
        let ran = try folio.run(["webhooks", "deliver", "--once", "-o", "json"])
        #expect(ran.status == 0, "\(ran.stderr)")
        let request = try #require(receiver.seen.first)
        #expect(receiver.seen.count == 1 && request.method == "POST" && request.target == "/hook")
        #expect(request.header("content-type")?.hasPrefix("application/json") == true)
        let headers = request.headers.map { (name: $0.0, value: $0.1) }
        let key = try StandardWebhooks.parseSecret(secret, field: "s")
        #expect(StandardWebhooks.verify(secrets: [key], headers: headers, body: request.body,
                                        now: Timestamp(seconds: TestClock.seconds)) == nil)
        let body = try #require(try JSONSerialization.jsonObject(with: Data(request.body)) as? [String: Any])
        #expect(body["type"] as? String == "webhook.created" && body["id"] as? String == request.header("webhook-id"))
        #expect(body["createdAt"] as? String == TestClock.rfc3339 && (body["data"] as? [String: Any])?["id"] as? String == id)
        let listed = try folio.json(["webhooks", "attempts", "--endpoint", id])
        let items = try #require(listed["items"] as? [[String: Any]])
        #expect(items.count == 1 && items[0]["outcome"] as? String == "succeeded" && items[0]["statusCode"] as? Int == 204)
        #expect(try folio.q("SELECT status FROM webhook_messages") == "delivered")
        #expect(try folio.run(["webhooks", "deliver", "--once"]).status == 0 && receiver.seen.count == 1)
    }

    @Test("500 then 200: the retry waits for its time, then delivers; attempts --status filters")
    func retry() throws {
        let receiver = try Receiver([HTTPServerResponse(status: 500, text: "down"), HTTPServerResponse(status: 200, text: "ok")])
        let (folio, _, _) = try setUp(receiver)
        #expect(try folio.run(["webhooks", "deliver", "--once"]).status == 0)
        #expect(try folio.q("SELECT status || ' ' || attempt_count FROM webhook_messages") == "pending 1")
        #expect(try folio.run(["webhooks", "deliver"], environment: ["FOLIO_NOW": TestClock.rfc3339(plus: 3)]).status == 0)
        #expect(receiver.seen.count == 1)
        #expect(try folio.run(["webhooks", "deliver", "--once"], environment: ["FOLIO_NOW": TestClock.rfc3339(plus: 7)]).status == 0)
        #expect(receiver.seen.count == 2 && receiver.seen[0].header("webhook-id") == receiver.seen[1].header("webhook-id"))
        #expect(try folio.q("SELECT status || ' ' || attempt_count FROM webhook_messages") == "delivered 2")
        let failed = try folio.json(["webhooks", "attempts", "--status", "failed"])
        let items = try #require(failed["items"] as? [[String: Any]])
        #expect(items.count == 1 && items[0]["statusCode"] as? Int == 500 && items[0]["responseExcerpt"] as? String == "down")
    }

    @Test("410 disables the endpoint and makes a webhook.endpoint_disabled notification")
    func gone() throws {
        let receiver = try Receiver([HTTPServerResponse(status: 410)])
        let (folio, id, _) = try setUp(receiver)
        #expect(try folio.run(["webhooks", "deliver", "--once"]).status == 0)
        #expect(try folio.q("SELECT active FROM webhook_endpoints WHERE id = '\(id)'") == "0")
        #expect(try folio.q("SELECT group_concat(type) FROM notifications") == "webhook.endpoint_disabled")
    }

    @Test("a 302 is a failure and its Location is not followed; a 429's Retry-After sets the next attempt")
    func redirectAndRetryAfter() throws {
        let receiver = try Receiver([HTTPServerResponse(status: 302, headers: [("Location", "http://127.0.0.1:9/x")]),
                                     HTTPServerResponse(status: 429, headers: [("Retry-After", "600")])])
        let (folio, _, _) = try setUp(receiver)
        #expect(try folio.run(["webhooks", "deliver", "--once"]).status == 0)
        #expect(try folio.q("SELECT status_code || ' ' || outcome FROM webhook_attempts") == "302 failed")
        #expect(try folio.run(["webhooks", "deliver", "--once"], environment: ["FOLIO_NOW": TestClock.rfc3339(plus: 10)]).status == 0)
        #expect(receiver.seen.count == 2)
        #expect(try folio.q("SELECT next_attempt_at FROM webhook_messages") == TestClock.rfc3339(plus: 610))
    }

    @Test("a receiver that hangs hits the timeout: a failed attempt with the error, no status")
    func timeout() throws {
        let receiver = try Receiver([HTTPServerResponse(status: 200)], delayMicroseconds: 3_000_000)
        let (folio, _, _) = try setUp(receiver)
        let ran = try folio.run(["webhooks", "deliver", "--once"], environment: ["FOLIO_WEBHOOK_TIMEOUT": "1"])
        #expect(ran.status == 0, "\(ran.stderr)")
        #expect(try folio.q("SELECT coalesce(status_code, '-') || ' ' || outcome FROM webhook_attempts") == "- failed")
        #expect(try folio.q("SELECT error FROM webhook_attempts").lowercased().contains("time"))
    }

    @Test("two deliver processes at once send each message exactly once")
    func twoProcesses() throws {
        let receiver = try Receiver([HTTPServerResponse(status: 200)], delayMicroseconds: 30_000)
        let (folio, id, _) = try setUp(receiver)
        for _ in 0..<11 {
            #expect(try folio.run(["webhooks", "update", id, "--events", "*"]).status == 0)
        }
        #expect(try folio.q("SELECT count(*) FROM webhook_messages WHERE status = 'pending'") == "12")
        let results = Mutex<[Int32]>([])
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            let status = (try? folio.run(["webhooks", "deliver", "--once", "--concurrency", "3"]))?.status ?? -1
            results.withLock { $0.append(status) }
        }
        #expect(results.withLock { $0 } == [0, 0])
        let ids = receiver.seen.compactMap { $0.header("webhook-id") }
        #expect(ids.count == 12 && Set(ids).count == 12)
        #expect(try folio.q("SELECT count(*) FROM webhook_attempts") == "12")
    }

    @Test("a production tenant's endpoint is checked again at send time: loopback is refused, nothing is sent")
    func productionAddressRechecked() throws {
        let receiver = try Receiver([HTTPServerResponse(status: 200)])
        let folio = try FolioHarness(environment: ["FOLIO_NOW": TestClock.rfc3339])
        let tenant = try folio.hookTenant()
        _ = try folio.hook(url: receiver.url)   // sandbox: loopback allowed when made
        let promoted = try folio.run(["tenants", "promote", tenant, "--force", "--yes"])
        try #require(promoted.status == 0, "\(promoted.stderr)")
        #expect(try folio.run(["webhooks", "deliver", "--once"]).status == 0)
        #expect(receiver.seen.isEmpty)
        let error = try folio.q("SELECT group_concat(error) FROM webhook_attempts")
        #expect(error.contains("127.0.0.1") && error.contains("private"), "\(error)")
    }

    @Test("jobs run sends due retries as its webhook-retries step")
    func jobsRun() throws {
        let receiver = try Receiver([HTTPServerResponse(status: 200)])
        let (folio, _, _) = try setUp(receiver)
        let ran = try folio.run(["jobs", "run"])
        #expect(ran.status == 0 && ran.stdout.contains("webhook-retries\tdone\t1"), "\(ran.stdout) \(ran.stderr)")
        #expect(receiver.seen.count == 1)
    }
}

extension FolioHarness {
    /// One `sqlite` answer without its trailing newline.
    func q(_ sql: String) throws -> String {
        try sqlite(sql).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
