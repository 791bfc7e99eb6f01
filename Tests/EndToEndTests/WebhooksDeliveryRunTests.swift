import Foundation
import Testing
import FolioCore
import FolioHTTP
import FolioSupport
import FolioTestSupport

/// `webhooks deliver` over a whole run: connections reused, and a replay after an outage.
@Suite("webhooks: a deliver run, end to end")
struct WebhooksDeliveryRunTests {
    /// A harness whose endpoint at `receiver` has `count` pending messages (webhook.created, then updates).
    func setUp(_ receiver: Receiver, messages count: Int) throws -> (FolioHarness, id: String) {
        let folio = try FolioHarness(environment: ["FOLIO_NOW": TestClock.rfc3339])
        try folio.hookTenant()
        let id = try #require(try folio.hook(url: receiver.url)["id"] as? String)
        for _ in 1..<count { try #require(try folio.run(["webhooks", "update", id, "--events", "*"]).status == 0) }
        return (folio, id)
    }

    @Test("one deliver run reuses its connections: 10 messages at --concurrency 1 open one connection")
    func keepAlive() throws {
        let receiver = try Receiver([HTTPServerResponse(status: 204)])
        let (folio, _) = try setUp(receiver, messages: 10)
        let ran = try folio.run(["webhooks", "deliver", "--once", "--concurrency", "1"])
        #expect(ran.status == 0, "\(ran.stderr)")
        #expect(receiver.seen.count == 10 && receiver.server.connectionsAccepted == 1)
        #expect(try folio.q("SELECT count(*) FROM webhook_messages WHERE status = 'delivered'") == "10")
    }

    @Test("at --concurrency 3, 12 messages open at most 3 connections")
    func keepAliveConcurrent() throws {
        let receiver = try Receiver([HTTPServerResponse(status: 200)])
        let (folio, _) = try setUp(receiver, messages: 12)
        #expect(try folio.run(["webhooks", "deliver", "--once", "--concurrency", "3"]).status == 0)
        #expect(receiver.seen.count == 12 && receiver.server.connectionsAccepted <= 3)
    }

    @Test("replay --status failed after an outage delivers exactly the missed messages, once each, same webhook-ids")
    func replayAfterOutage() throws {
        let receiver = try Receiver([HTTPServerResponse(status: 200)])
        let (folio, id) = try setUp(receiver, messages: 1)
        // Only webhook.updated: the webhook.failed notifications of the outage are new events, not missed ones.
        #expect(try folio.run(["webhooks", "update", id, "--events", "webhook.updated"]).status == 0)
        #expect(try folio.run(["webhooks", "deliver", "--once"]).status == 0)
        let before = Set(receiver.seen.compactMap { $0.header("webhook-id") })
        #expect(!before.isEmpty)
        // The outage: every attempt of the three events made during it gets a 503, until the schedule is spent.
        receiver.state.lock.withLock { $0.script = [HTTPServerResponse(status: 503)] }
        let outage = ["FOLIO_NOW": TestClock.rfc3339(plus: 60)]
        for _ in 0..<3 { #expect(try folio.run(["webhooks", "update", id, "--url", receiver.url], environment: outage).status == 0) }
        var now: Int64 = 60
        for delay in [0] + WebhookSchedule.delays {
            now += delay + delay / 4 + 1   // past the delay's +20 % jitter
            #expect(try folio.run(["webhooks", "deliver", "--once"], environment: ["FOLIO_NOW": TestClock.rfc3339(plus: now)]).status == 0)
        }
        let missed = Set(try folio.q("SELECT event_id FROM webhook_messages WHERE status = 'failed'").split(separator: "\n").map(String.init))
        #expect(missed.count == 3 && missed.isDisjoint(with: before))
        #expect(receiver.seen.count == before.count + 3 * WebhookSchedule.attempts)
        // Back up: replay what failed since the outage began, then deliver.
        receiver.state.lock.withLock { $0.script = [HTTPServerResponse(status: 200)] }
        let sentBefore = receiver.seen.count
        now += 3_600
        let replayed = try folio.run(["webhooks", "replay", "--endpoint", id, "--status", "failed", "--since", TestClock.rfc3339(plus: 30)],
                                     environment: ["FOLIO_NOW": TestClock.rfc3339(plus: now)])
        #expect(replayed.status == 0, "\(replayed.stderr)")
        #expect(try folio.run(["webhooks", "deliver", "--once"], environment: ["FOLIO_NOW": TestClock.rfc3339(plus: now + 60)]).status == 0)
        let after = receiver.seen.dropFirst(sentBefore).compactMap { $0.header("webhook-id") }
        #expect(after.count == 3 && Set(after) == missed, "\(after) \(missed)")
        #expect(try folio.q("SELECT count(*) FROM webhook_messages WHERE status = 'delivered'") == "\(before.count + 3)")
    }
}
