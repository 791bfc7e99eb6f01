import FolioCrypto
import FolioSupport
import Synchronization

/// How a delivery worker runs.
public struct DeliveryOptions: Sendable {
    /// Messages sent at once, each on its own thread (1…64).
    public var concurrency: Int
    /// One POST's limit, connect and response together.
    public var timeoutSeconds: Double
    /// How long a claim keeps other workers off a message.
    public var leaseSeconds: Int64
    /// This worker's name in its leases (`webhook_leases.owner`): random, so that each process (and each pass) is its own.
    public var workerId: String

    public init(concurrency: Int = 4, timeoutSeconds: Double = 15, leaseSeconds: Int64 = 60, workerId: String? = nil) {
        self.concurrency = max(1, min(64, concurrency))
        self.timeoutSeconds = timeoutSeconds
        self.leaseSeconds = leaseSeconds
        self.workerId = workerId ?? "wkr_" + Hex.encode(SecureRandom.bytes(12))
    }
}

/// A message claimed for one attempt: everything the POST needs, read in the claim's transaction.
struct ClaimedMessage: Sendable {
    var seq: Int64
    var eventId: String
    var endpointId: String
    var tenantId: String
    var url: String
    var body: [UInt8]
    var secrets: [[UInt8]]
    /// This attempt's number (1 for the first).
    var attemptNumber: Int
    /// Whether the address connected to must be checked (a production tenant's endpoint not
    /// allowed a private address).
    var checkAddress: Bool
}

/// The webhook delivery worker: claims due messages with a lease in a short write transaction,
/// POSTs them outside any transaction (`concurrency` at a time), and records each attempt and
/// the message's new state in one transaction, only if its lease is still this worker's. Several
/// workers (processes, or connections) at once never send one attempt twice.
public final class WebhookDeliverer: @unchecked Sendable {
    let store: Store
    let masterKey: [UInt8]
    let clock: any Clock
    let ids: IDGenerator
    let sender: any WebhookSender
    let options: DeliveryOptions
    /// In [0, 1): the jitter of retry delays (tests give a fixed one).
    let random: @Sendable () -> Double
    /// The addresses of a host name (nil: it does not resolve), each with whether it is private.
    let resolve: @Sendable (String) -> [(address: String, isPrivate: Bool)]?
    let actor: String
    let command: String

    public init(store: Store, masterKey: [UInt8], clock: any Clock, sender: any WebhookSender, options: DeliveryOptions,
                actor: String = "webhooks", command: String = "webhooks deliver",
                random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) },
                resolve: @escaping @Sendable (String) -> [(address: String, isPrivate: Bool)]? = PrivateAddress.addresses) {
        self.store = store
        self.masterKey = masterKey
        self.clock = clock
        self.ids = IDGenerator(clock: clock)
        self.sender = sender
        self.options = options
        self.random = random
        self.resolve = resolve
        self.actor = actor
        self.command = command
    }

    /// Delivers every message due now, batch after batch, until none is due (or `isCancelled`
    /// says stop: the batch in flight is finished and recorded first). Throws only store errors.
    public func runOnce(isCancelled: @Sendable () -> Bool = { false }) throws(FolioError) -> DeliveryReport {
        var report = DeliveryReport()
        while !isCancelled() {
            let batch = try claim(limit: options.concurrency)
            if batch.isEmpty { break }
            let results = sendAll(batch)
            for (claimed, result) in zip(batch, results) {
                report.add(try record(claimed, result))
            }
        }
        return report
    }

    /// When the next pending message falls due (nil: none is pending).
    public func nextDue() throws(FolioError) -> Timestamp? {
        try store.read { tx throws(FolioError) in try tx.nextWebhookDue() }
    }

    /// Takes up to `limit` due messages: leases them to this worker for `leaseSeconds`.
    func claim(limit: Int) throws(FolioError) -> [ClaimedMessage] {
        let now = clock.now()
        let key = masterKey, owner = options.workerId, until = now.adding(seconds: options.leaseSeconds)
        return try store.write { tx throws(FolioError) -> [ClaimedMessage] in
            var claimed: [ClaimedMessage] = []
            for message in try tx.dueWebhookMessages(now: now, limit: limit) {
                try tx.leaseWebhookMessage(seq: message.seq, owner: owner, until: until)
                guard let event = try tx.event(id: message.eventId) else { throw .server("message \(message.seq) names a missing event") }
                let endpoint = try Webhooks.find(message.endpointId, in: tx)
                let tenant = try Webhooks.tenantOf(endpoint, tx)
                guard let sealed = try tx.webhookSecrets(id: endpoint.id) else { throw .server("endpoint \(endpoint.id) vanished") }
                var secrets = [try Webhooks.open(sealed.current, key: key, aad: endpoint.id)]
                if let previous = sealed.previous, let expires = endpoint.previousSecretExpiresAt, now < expires {
                    secrets.append(try Webhooks.open(previous, key: key, aad: endpoint.id + ":previous"))
                }
                let check = tenant.environment == .production && endpoint.addressCheck != .privateAllowed
                claimed.append(ClaimedMessage(seq: message.seq, eventId: event.id, endpointId: endpoint.id, tenantId: tenant.id,
                                              url: endpoint.url, body: Self.body(event), secrets: secrets,
                                              attemptNumber: message.attemptCount + 1, checkAddress: check))
            }
            return claimed
        }
    }

    /// The JSON body of a message: `{"id","type","createdAt","data"}`.
    static func body(_ event: EventRecord) -> [UInt8] {
        JSONValue.object([JSONMember("id", .string(event.id)), JSONMember("type", .string(event.type)),
                          JSONMember("createdAt", .string(event.createdAt.rfc3339)), JSONMember("data", event.payload)]).compactBytes()
    }

    /// POSTs the batch, one thread per message; the results in the batch's order.
    func sendAll(_ batch: [ClaimedMessage]) -> [SentAttempt] {
        if batch.count == 1 { return [send(batch[0])] }
        let results = Mutex([SentAttempt?](repeating: nil, count: batch.count))
        var threads: [WorkerThread] = []
        for (index, claimed) in batch.enumerated() {
            threads.append(WorkerThread { [self] in
                let sent = self.send(claimed)
                results.withLock { $0[index] = sent }
            })
        }
        for thread in threads { thread.join() }
        return results.withLock { $0.map { $0! } }
    }

    /// Signs and POSTs one message (checking the address first when it must).
    func send(_ claimed: ClaimedMessage) -> SentAttempt {
        let started = clock.now()
        let startMs = clock.milliseconds()
        var pinned: [String]?
        if claimed.checkAddress {
            switch WebhookAddressGuard.check(claimed.url, resolve: resolve) {
            case .refused(let why):
                return SentAttempt(startedAt: started, durationMs: 0, result: .failure(why))
            case .pinned(let addresses):
                pinned = addresses
            }
        }
        let signature = StandardWebhooks.signatureHeader(secrets: claimed.secrets, id: claimed.eventId,
                                                         timestamp: started.seconds, body: claimed.body)
        let request = WebhookSendRequest(url: claimed.url,
                                         headers: [("webhook-id", claimed.eventId), ("webhook-timestamp", String(started.seconds)),
                                                   ("webhook-signature", signature)],
                                         body: claimed.body, timeoutSeconds: options.timeoutSeconds, pinnedAddresses: pinned,
                                         now: started.seconds)
        let result = sender.send(request)
        return SentAttempt(startedAt: started, durationMs: max(0, clock.milliseconds() - startMs), result: result)
    }
}

/// One POST's result with its timing.
struct SentAttempt: Sendable {
    var startedAt: Timestamp
    var durationMs: Int64
    var result: WebhookSendResult
}
