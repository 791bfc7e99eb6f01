import Testing
@testable import FolioCore
import FolioSupport
import FolioTestSupport

/// The outbox fans out inside the change's transaction: a change that does not commit leaves
/// neither its event nor its messages; master key rotation re-seals webhook secrets.
@Suite("webhooks: fan-out and sealed secrets")
struct WebhookFanOutTests {
    func endpoint(_ w: WatchedStore, tenant: String, events: [String]) throws -> WebhookSecretResult {
        try #require(try w.perform(Webhooks.create(WebhookCreateRequest(tenant: tenant, url: "https://hooks.example.com/x",
                                                                         events: events, allowPrivate: false),
                                                    masterKey: w.masterKey, resolve: { _ in nil })).result)
    }

    func count(_ w: WatchedStore, _ table: String) throws -> Int64 {
        try w.store.read { tx throws(FolioError) in
            try tx.fetchOne(SQLQuery(unsafeRaw: "SELECT count(*) AS n FROM " + table), table: table) { row throws(FolioError) in
                try row.integer("n")
            } ?? 0
        }
    }

    /// A change that writes only an event of `type` for `tenant`.
    func eventOnly(_ type: EventType, tenant: String) -> Mutation<Int> {
        Mutation { _, _ throws(FolioError) in Change(0, events: [DomainEvent(type: type, tenantId: tenant, targetId: nil, payload: .object([]))]) }
    }

    @Test("an event becomes one pending message per matching active endpoint, due at the event's time; a stopped change leaves none")
    func sameTransaction() throws {
        let w = try WatchedStore()
        _ = try w.issuer(certificate: false)
        let tenant = try #require(try w.store.read { tx throws(FolioError) in try Tenants.find("ana@example.com", in: tx) }.id)
        let all = try endpoint(w, tenant: tenant, events: ["*"])
        _ = try endpoint(w, tenant: tenant, events: ["document.signed"])
        let before = try count(w, "webhook_messages")
        let eventsBefore = try count(w, "events")
        var stopped = w.context()
        stopped.isCancelled = { true }
        #expect(throws: FolioError.self) {
            try w.store.perform(eventOnly(.keyRevoked, tenant: tenant), context: stopped) { _ throws(FolioError) in [] }
        }
        #expect(try count(w, "webhook_messages") == before && count(w, "events") == eventsBefore)
        try w.perform(eventOnly(.keyRevoked, tenant: tenant))
        #expect(try count(w, "webhook_messages") == before + 1)
        let event = try #require(try w.store.read { tx throws(FolioError) in
            try tx.events(EventQuery(types: ["key.revoked"]), tenantId: tenant, after: nil, limit: 1).items.first
        })
        let messages = try w.store.read { tx throws(FolioError) in try tx.webhookMessages(eventId: event.id) }
        #expect(messages.count == 1 && messages[0].endpointId == all.endpoint.id && messages[0].status == "pending")
        #expect(messages[0].attemptCount == 0 && messages[0].nextAttemptAt == event.createdAt)
        try w.perform(eventOnly(.documentSigned, tenant: tenant))
        #expect(try count(w, "webhook_messages") == before + 3)
    }

    @Test("rotate-master-key re-seals current and previous webhook secrets: both still sign after it")
    func rotationReseals() throws {
        let w = try WatchedStore()
        _ = try w.issuer(certificate: false)
        let made = try endpoint(w, tenant: "ana@example.com", events: ["*"])
        let id = made.endpoint.id
        let first = try StandardWebhooks.parseSecret(made.secret, field: "s")
        let rotated = try #require(try w.perform(Webhooks.rotateSecret(id, graceSeconds: 3600, masterKey: w.masterKey)).result)
        let second = try StandardWebhooks.parseSecret(rotated.secret, field: "s")
        let rotation = try w.store.rotateMasterKey(context: w.context())
        #expect(rotation.webhookSecrets == 1)
        let reopened = try Store.open(location: w.location, environment: [:])
        let newKey = try reopened.masterKey()
        #expect(newKey != w.masterKey)
        let secrets = try Webhooks.signingSecrets(id, store: reopened, masterKey: newKey, now: w.now)
        #expect(secrets == [second, first])
        #expect(try Webhooks.signingSecrets(id, store: reopened, masterKey: newKey, now: w.now.adding(seconds: 3600)) == [second])
        #expect(throws: FolioError.self) { try Webhooks.signingSecrets(id, store: reopened, masterKey: w.masterKey, now: w.now) }
    }

    @Test("replay --status failed re-queues only failed messages, same webhook-id, spread by the rate cap")
    func replayFailed() throws {
        let w = try WatchedStore()
        _ = try w.issuer(certificate: false)
        let tenant = try #require(try w.store.read { tx throws(FolioError) in try Tenants.find("ana@example.com", in: tx) }.id)
        let made = try endpoint(w, tenant: tenant, events: ["key.revoked"])
        for _ in 0..<3 { try w.perform(eventOnly(.keyRevoked, tenant: tenant)) }
        _ = try w.store.write { tx throws(FolioError) in
            try tx.run("UPDATE webhook_messages SET status = 'failed', attempt_count = 8, next_attempt_at = NULL WHERE seq <= 2")
        }
        let request = ReplayRequest(event: nil, since: w.now.adding(seconds: -60), until: nil, endpoint: made.endpoint.id,
                                    tenant: nil, types: [], status: .failed, perSecond: 1)
        let items = try #require(try w.perform(Webhooks.replay(request)).result)
        #expect(items.map(\.previousStatus) == ["failed", "failed"])
        #expect(items.map(\.dueAt) == [w.now, w.now.adding(seconds: 1)])
        let messages = try w.store.read { tx throws(FolioError) in
            var found: [WebhookMessage] = []
            for item in items {
                if let m = try tx.webhookMessage(eventId: item.eventId, endpointId: item.endpointId) { found.append(m) }
            }
            return found
        }
        #expect(messages.count == 2 && messages.allSatisfy { $0.status == "pending" && $0.replayCount == 1 && $0.attemptCount == 8 })
        #expect(throws: FolioError.self) { try w.perform(Webhooks.replay(request)) }
    }
}
