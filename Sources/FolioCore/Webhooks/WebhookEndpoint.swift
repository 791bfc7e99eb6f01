import FolioSupport

/// Which event types an endpoint receives: every one (`*`), or those listed.
public enum WebhookEventFilter: Sendable, Equatable {
    case all
    case only([EventType])

    /// Reads `*` or event type names; an unknown name fails on `field`.
    public init(_ names: [String], field: String) throws(FolioError) {
        let names = names.flatMap { $0.split(separator: ",").map { String($0).trimmingSpaces } }.filter { !$0.isEmpty }
        guard !names.isEmpty else {
            throw .validation("name the event types the endpoint receives, or * for every one", field: field)
        }
        if names.contains("*") {
            guard names.count == 1 else { throw .validation("* already means every event type; give it alone", field: field) }
            self = .all
            return
        }
        var types: [EventType] = []
        for name in names {
            guard let type = EventType(rawValue: name) else {
                let known = EventType.allCases.map(\.rawValue).joined(separator: ", ")
                throw .validation("'\(name)' is not an event type (known: \(known), or *)", field: field)
            }
            if !types.contains(type) { types.append(type) }
        }
        self = .only(types)
    }

    /// As stored and as a table shows it: `*`, or the type names joined by commas (names hold none).
    public var stored: String {
        switch self {
        case .all: return "*"
        case .only(let types): return types.map(\.rawValue).joined(separator: ",")
        }
    }

    init(stored: String) {
        if stored == "*" { self = .all; return }
        self = .only(stored.split(separator: ",").compactMap { EventType(rawValue: String($0)) })
    }

    public func matches(_ type: String) -> Bool {
        switch self {
        case .all: return true
        case .only(let types): return types.contains { $0.rawValue == type }
        }
    }

    public var json: JSONValue {
        switch self {
        case .all: return .array([.string("*")])
        case .only(let types): return .array(types.map { .string($0.rawValue) })
        }
    }
}

/// A webhook endpoint (the `webhook_endpoints` table, migration 8). Its secret is never part of
/// this value: it is sealed in the store and shown once, in `WebhookSecretResult`.
public struct WebhookEndpoint: Sendable, Equatable {
    public var id: String
    public var tenantId: String
    public var url: String
    public var events: WebhookEventFilter
    public var active: Bool
    public var addressCheck: WebhookAddressCheck
    /// Until when the previous secret still signs (a rotation's grace), if it does.
    public var previousSecretExpiresAt: Timestamp?
    public var createdAt: Timestamp
    public var updatedAt: Timestamp
    public var deletedAt: Timestamp?

    public var status: String { deletedAt != nil ? "deleted" : (active ? "active" : "disabled") }

    /// The JSON every command prints for an endpoint.
    public var json: JSONValue {
        .object([
            JSONMember("id", .string(id)),
            JSONMember("tenantId", .string(tenantId)),
            JSONMember("url", .string(url)),
            JSONMember("events", events.json),
            JSONMember("active", .bool(active)),
            JSONMember("status", .string(status)),
            JSONMember("addressCheck", .string(addressCheck.rawValue)),
            JSONMember("previousSecretExpiresAt", previousSecretExpiresAt.map { .string($0.rfc3339) } ?? .null),
            JSONMember("createdAt", .string(createdAt.rfc3339)),
            JSONMember("updatedAt", .string(updatedAt.rfc3339)),
            JSONMember("deletedAt", deletedAt.map { .string($0.rfc3339) } ?? .null),
        ])
    }
}

/// An endpoint with its new secret: the result of creating one or rotating its secret, the
/// only time the secret is shown.
public struct WebhookSecretResult: Sendable {
    public var endpoint: WebhookEndpoint
    /// `whsec_…`.
    public var secret: String

    public var json: JSONValue {
        guard case .object(var members) = endpoint.json else { return endpoint.json }
        members.append(JSONMember("secret", .string(secret)))
        return .object(members)
    }
}
