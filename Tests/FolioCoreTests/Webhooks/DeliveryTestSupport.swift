import Synchronization
import Testing
@testable import FolioCore
import FolioSupport
import FolioTestSupport

/// A clock tests move by hand.
final class MovableClock: Clock {
    private let ms: Mutex<Int64>
    init(_ start: Timestamp) { ms = Mutex(start.seconds * 1000) }
    func milliseconds() -> Int64 { ms.withLock { $0 } }
    func move(_ seconds: Int64) { ms.withLock { $0 += seconds * 1000 } }
    func set(_ time: Timestamp) { ms.withLock { $0 = time.seconds * 1000 } }
}

/// A sender that answers from a script (the last answer repeats) and keeps every request.
final class ScriptedSender: WebhookSender {
    private let state: Mutex<(script: [WebhookSendResult], seen: [WebhookSendRequest])>
    let pauseMicroseconds: UInt32

    init(_ script: [WebhookSendResult], pauseMicroseconds: UInt32 = 0) {
        state = Mutex((script, []))
        self.pauseMicroseconds = pauseMicroseconds
    }

    var seen: [WebhookSendRequest] { state.withLock { $0.seen } }

    func send(_ request: WebhookSendRequest) -> WebhookSendResult {
        if pauseMicroseconds > 0 { usleepShim(pauseMicroseconds) }
        return state.withLock { s in
            s.seen.append(request)
            return s.script.count > 1 ? s.script.removeFirst() : s.script[0]
        }
    }
}

#if canImport(Glibc)
import Glibc
func usleepShim(_ us: UInt32) { usleep(us) }
#endif

/// A store with tenant ana@example.com, one endpoint taking every event, and a way to make events.
struct DeliveryFixture {
    let w: WatchedStore
    let tenant: String
    let endpoint: WebhookSecretResult
    let clock: MovableClock

    init() throws {
        w = try WatchedStore()
        _ = try w.issuer(certificate: false)
        let found = try w.store.read { tx throws(FolioError) in try Tenants.find("ana@example.com", in: tx) }
        tenant = found.id
        endpoint = try #require(try w.perform(Webhooks.create(WebhookCreateRequest(tenant: tenant, url: "https://hooks.example.com/x",
                                                                                   events: ["key.revoked"], allowPrivate: false),
                                                               masterKey: w.masterKey, resolve: { _ in nil })).result)
        clock = MovableClock(w.now)
    }

    var secret: [UInt8] { get throws { try StandardWebhooks.parseSecret(endpoint.secret, field: "s") } }

    /// Writes one key.revoked event for the tenant at the clock's time: one pending message.
    func event() throws {
        let tenant = tenant
        let mutation = Mutation<Int> { _, _ throws(FolioError) in
            Change(0, events: [DomainEvent(type: .keyRevoked, tenantId: tenant, targetId: nil, payload: .object([JSONMember("n", .int(1))]))])
        }
        var context = w.context()
        context.now = clock.now()
        _ = try w.store.perform(mutation, context: context) { _ throws(FolioError) in [] }
    }

    func deliverer(_ sender: any WebhookSender, store: Store? = nil, concurrency: Int = 4, random: Double = 0.5) -> WebhookDeliverer {
        WebhookDeliverer(store: store ?? w.store, masterKey: w.masterKey, clock: clock, sender: sender,
                         options: DeliveryOptions(concurrency: concurrency, timeoutSeconds: 2), random: { random },
                         resolve: { _ in [(address: "203.0.113.7", isPrivate: false)] })
    }

    func messages() throws -> [WebhookMessage] {
        try w.store.read { tx throws(FolioError) in
            try tx.fetchAll("SELECT * FROM webhook_messages ORDER BY seq", table: "webhook_messages", WebhookMessage.init(row:))
        }
    }

    func attempts() throws -> [WebhookAttempt] {
        try Webhooks.attempts(store: w.store, query: AttemptQuery(), page: PageRequest(limit: 200, cursor: nil)).items
    }

    func notificationTypes() throws -> [String] {
        try w.store.read { tx throws(FolioError) in
            try tx.fetchAll("SELECT type FROM notifications ORDER BY id", table: "notifications") { row throws(FolioError) in try row.text("type") }
        }
    }

    func endpointActive() throws -> Bool {
        try Webhooks.show(store: w.store, id: endpoint.endpoint.id).active
    }
}
