import FolioCore
import FolioSupport

extension WebhookEndpoint: Presentable {
    static var columns: [Column<WebhookEndpoint>] {
        [
            Column("ID") { $0.id },
            Column("STATUS") { $0.status },
            // A cut URL would read as another one: like a path, never cut.
            Column("URL") { $0.url },
            Column("EVENTS") { $0.events.stored },
            Column("TENANT") { $0.tenantId },
            Column(time: "CREATED") { $0.createdAt },
        ]
    }
}

extension WebhookSecretResult: Presentable {
    var id: String { endpoint.id }

    static var columns: [Column<WebhookSecretResult>] {
        [
            Column("ID") { $0.endpoint.id },
            Column("URL") { $0.endpoint.url },
            Column("SECRET") { $0.secret },
            Column(time: "PREVIOUS SECRET UNTIL") { $0.endpoint.previousSecretExpiresAt },
        ]
    }
}

extension ReplayedMessage: Presentable {
    var id: String { eventId }

    static var columns: [Column<ReplayedMessage>] {
        [
            Column("WEBHOOK-ID") { $0.eventId },
            Column("TYPE") { $0.eventType },
            Column("ENDPOINT") { $0.endpointId },
            Column("WAS") { $0.previousStatus ?? "none" },
            Column(time: "DUE") { $0.dueAt },
        ]
    }
}

extension EventRecord: Presentable {
    static var columns: [Column<EventRecord>] {
        [
            Column("ID") { $0.id },
            Column("TYPE") { $0.type },
            Column("TENANT") { $0.tenantId ?? "" },
            Column("TARGET") { $0.targetId ?? "" },
            Column(time: "CREATED") { $0.createdAt },
        ]
    }
}

extension WebhookAttempt: Presentable {
    static var columns: [Column<WebhookAttempt>] {
        [
            Column("ID") { $0.id },
            Column("OUTCOME") { $0.outcome.rawValue },
            Column("STATUS") { $0.statusCode.map(String.init) ?? "-" },
            Column("ATTEMPT") { String($0.attemptNumber) },
            Column("MS") { String($0.durationMilliseconds) },
            Column("WEBHOOK-ID") { $0.eventId },
            Column("ENDPOINT") { $0.endpointId },
            Column(time: "STARTED") { $0.startedAt },
            Column(text: "ERROR") { $0.error ?? "" },
        ]
    }
}

extension DeliveryReport: Presentable {
    var id: String { "deliver" }

    static var columns: [Column<DeliveryReport>] {
        [
            Column("ATTEMPTS") { String($0.attempts) },
            Column("DELIVERED") { String($0.delivered) },
            Column("RETRYING") { String($0.retrying) },
            Column("FAILED") { String($0.failed) },
            Column("DISABLED") { $0.disabledEndpoints.joined(separator: ",") },
        ]
    }
}
