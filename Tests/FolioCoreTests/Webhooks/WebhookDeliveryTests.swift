import Synchronization
import Testing
@testable import FolioCore
import FolioSupport
import FolioTestSupport

/// The delivery worker against a scripted sender: outcomes, the retry schedule, disabling,
/// exhaustion, and leases between two workers.
@Suite("webhooks: delivery worker")
struct WebhookDeliveryTests {
    static let ok = WebhookSendResult.response(status: 200, body: Array("ok".utf8), retryAfterSeconds: nil)
    static let boom = WebhookSendResult.response(status: 500, body: Array("boom".utf8), retryAfterSeconds: nil)

    @Test("a due message is POSTed once with the three headers and the JSON body; the signature verifies; the attempt is recorded")
    func delivers() throws {
        let f = try DeliveryFixture()
        try f.event()
        let sender = ScriptedSender([Self.ok])
        let report = try f.deliverer(sender).runOnce()
        #expect(report.attempts == 1 && report.delivered == 1)
        let request = try #require(sender.seen.first)
        let headers = request.headers.map { (name: $0.0, value: $0.1) }
        #expect(headers.map(\.name) == ["webhook-id", "webhook-timestamp", "webhook-signature"])
        #expect(StandardWebhooks.verify(secrets: [try f.secret], headers: headers, body: request.body, now: f.clock.now()) == nil)
        let body = try JSONParser.parse(request.body)
        #expect(body["type"]?.stringValue == "key.revoked" && body["id"]?.stringValue == headers[0].value)
        #expect(body["createdAt"]?.stringValue == f.w.now.rfc3339 && body["data"] == .object([JSONMember("n", .int(1))]))
        #expect(request.timeoutSeconds == 2 && request.pinnedAddresses == nil)
        #expect(try f.messages().map(\.status) == ["delivered"])
        let attempt = try #require(try f.attempts().first)
        #expect(attempt.outcome == .succeeded && attempt.statusCode == 200 && attempt.responseExcerpt == "ok" && attempt.attemptNumber == 1)
        #expect(attempt.id.hasPrefix("att_") && attempt.eventId == headers[0].value)
        #expect(try f.deliverer(sender).runOnce().attempts == 0)
    }

    @Test("500 then 200: retried at the schedule's 5 s (jitter fixed at the middle), not before")
    func retries() throws {
        let f = try DeliveryFixture()
        try f.event()
        let sender = ScriptedSender([Self.boom, Self.ok])
        #expect(try f.deliverer(sender).runOnce().retrying == 1)
        let message = try #require(try f.messages().first)
        #expect(message.status == "pending" && message.attemptCount == 1 && message.nextAttemptAt == f.w.now.adding(seconds: 5))
        f.clock.move(4)
        #expect(try f.deliverer(sender).runOnce().attempts == 0)
        f.clock.move(1)
        #expect(try f.deliverer(sender).runOnce().delivered == 1)
        #expect(try f.attempts().map(\.outcome) == [.succeeded, .failed])
        #expect(try f.attempts().map(\.attemptNumber) == [2, 1])
        #expect(sender.seen.map { $0.headers[0].1 }.count == 2 && Set(sender.seen.map { $0.headers[0].1 }).count == 1)
    }

    @Test("jitter stays within ±20 %")
    func jitter() {
        #expect(WebhookSchedule.delay(afterAttempt: 2, random: 0, retryAfter: nil) == 240)
        #expect(WebhookSchedule.delay(afterAttempt: 2, random: 0.999_999, retryAfter: nil) == 360)
        #expect(WebhookSchedule.delay(afterAttempt: 8, random: 0.5, retryAfter: nil) == nil)
        #expect(WebhookSchedule.attempts == 8)
    }

    @Test("410 fails the message, disables the endpoint and notifies webhook.endpoint_disabled")
    func gone() throws {
        let f = try DeliveryFixture()
        try f.event()
        let report = try f.deliverer(ScriptedSender([.response(status: 410, body: [], retryAfterSeconds: nil)])).runOnce()
        #expect(report.failed == 1 && report.disabledEndpoints == [f.endpoint.endpoint.id] && report.notifications.count == 1)
        #expect(try !f.endpointActive())
        #expect(try f.messages().map(\.status) == ["failed"])
        #expect(try f.notificationTypes() == ["webhook.endpoint_disabled"])
        try f.event()   // a disabled endpoint gets no new message, and nothing is sent
        #expect(try f.deliverer(ScriptedSender([Self.ok])).runOnce().attempts == 0)
    }

    @Test("a 3xx is a failed attempt (the redirect is not followed), retried on schedule")
    func redirect() throws {
        let f = try DeliveryFixture()
        try f.event()
        let report = try f.deliverer(ScriptedSender([.response(status: 302, body: [], retryAfterSeconds: nil)])).runOnce()
        #expect(report.retrying == 1 && report.delivered == 0)
        let attempt = try #require(try f.attempts().first)
        #expect(attempt.outcome == .failed && attempt.statusCode == 302 && (attempt.error ?? "").contains("redirect"))
    }

    @Test("429 with Retry-After: 120 waits 120 s, longer than the schedule's 5 s")
    func retryAfter() throws {
        let f = try DeliveryFixture()
        try f.event()
        _ = try f.deliverer(ScriptedSender([.response(status: 429, body: [], retryAfterSeconds: 120)])).runOnce()
        #expect(try f.messages().first?.nextAttemptAt == f.w.now.adding(seconds: 120))
    }

    @Test("no response (timeout) is a failed attempt with its error recorded")
    func noResponse() throws {
        let f = try DeliveryFixture()
        try f.event()
        _ = try f.deliverer(ScriptedSender([.failure("timed out after 2 s")])).runOnce()
        let attempt = try #require(try f.attempts().first)
        #expect(attempt.statusCode == nil && attempt.error == "timed out after 2 s" && attempt.outcome == .failed)
    }

    @Test("8 failed attempts on the schedule: the message fails and webhook.failed is notified")
    func exhausted() throws {
        let f = try DeliveryFixture()
        try f.event()
        let sender = ScriptedSender([Self.boom])
        for _ in 0..<8 {
            #expect(try f.deliverer(sender).runOnce().attempts == 1)
            if let due = try f.messages().first?.nextAttemptAt { f.clock.set(due) }
        }
        #expect(try f.messages().map(\.status) == ["failed"])
        #expect(try f.attempts().count == 8)
        #expect(try f.notificationTypes() == ["webhook.failed"])
        #expect(try f.endpointActive())
    }

    @Test("an endpoint whose attempts all failed for 5 days is disabled with a notification")
    func fiveDays() throws {
        let f = try DeliveryFixture()
        try f.event()
        let sender = ScriptedSender([Self.boom])
        _ = try f.deliverer(sender).runOnce()
        f.clock.move(4 * 86_400)
        try f.event()
        _ = try f.deliverer(sender).runOnce()
        #expect(try f.endpointActive())
        f.clock.move(86_400)
        try f.event()
        let report = try f.deliverer(sender).runOnce()
        #expect(report.disabledEndpoints == [f.endpoint.endpoint.id])
        #expect(try f.notificationTypes().contains("webhook.endpoint_disabled"))
    }

    @Test("a production endpoint resolving to a private address is refused at send time")
    func privateRefused() {
        let verdict = WebhookAddressGuard.check("https://hooks.example.com/x") { _ in [(address: "10.0.0.5", isPrivate: true)] }
        guard case .refused(let why) = verdict else { Issue.record("not refused"); return }
        #expect(why.contains("10.0.0.5"))
        #expect(WebhookAddressGuard.check("https://127.0.0.1/x") { _ in nil } != .pinned(["127.0.0.1"]))
        #expect(WebhookAddressGuard.check("https://hooks.example.com/x") { _ in [(address: "203.0.113.7", isPrivate: false)] }
                == .pinned(["203.0.113.7"]))
    }

    @Test("two workers on two connections at once send each message exactly once")
    func twoWorkers() throws {
        let f = try DeliveryFixture()
        for _ in 0..<24 { try f.event() }
        let sender = ScriptedSender([Self.ok], pauseMicroseconds: 20_000)
        let first = f.deliverer(sender, store: try Store.open(location: f.w.location, environment: [:]), concurrency: 3)
        let second = f.deliverer(sender, store: try Store.open(location: f.w.location, environment: [:]), concurrency: 3)
        let reports = Mutex<[DeliveryReport]>([])
        let threads = [first, second].map { worker in
            WorkerThread { if let r = try? worker.runOnce() { reports.withLock { $0.append(r) } } }
        }
        threads.forEach { $0.join() }
        let ids = sender.seen.map { $0.headers[0].1 }
        #expect(ids.count == 24 && Set(ids).count == 24)
        #expect(reports.withLock { $0.count } == 2)
        #expect(try f.messages().allSatisfy { $0.status == "delivered" })
        #expect(try f.attempts().count == 24)
    }
}
