import Foundation
import Testing
import FolioCore
import FolioHTTP
import FolioSupport
import FolioTestSupport

/// `webhooks deliver` over a whole run: connections reused.
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
}
