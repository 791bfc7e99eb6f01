import FolioCore
import FolioHTTP
import FolioSupport
import Synchronization

/// The state of `webhooks listen`, shared by the server's connection threads (which verify and
/// answer) and the command's thread (which prints): requests wait in `pending` in the order they
/// were answered, since the console is the command thread's alone.
final class WebhookListener: Sendable {
    struct Settings: Sendable {
        var secrets: [[UInt8]]
        var tolerance: Int64
        /// What verified requests get, in turn; the last one answers every later request.
        var codes: [Int]
        var acceptInvalid: Bool
        /// Requests after this many get 503: the listener is about to exit.
        var count: Int?
    }

    private struct State {
        var received = 0
        var answeredWithCode = 0
        var pending: [ReceivedWebhook] = []
    }

    let settings: Settings
    let clock: any Clock
    private let state = Mutex(State())

    init(_ settings: Settings, clock: any Clock) {
        self.settings = settings
        self.clock = clock
    }

    /// The requests answered since the last call, oldest first.
    func take() -> [ReceivedWebhook] {
        state.withLock { state in defer { state.pending = [] }; return state.pending }
    }

    /// Verifies, records and answers one request.
    @Sendable func handle(_ request: HTTPServerRequest) -> HTTPServerResponse {
        let now = clock.now()
        let headers = request.headers.map { (name: $0.0, value: $0.1) }
        let failure = StandardWebhooks.verify(secrets: settings.secrets, headers: headers, body: request.body,
                                              now: now, tolerance: settings.tolerance)
        return state.withLock { state in
            state.received += 1
            if let count = settings.count, state.received > count {
                return HTTPServerResponse(status: 503, text: "the listener has had its \(count) requests\n")
            }
            let status: Int
            if failure == nil || settings.acceptInvalid {
                status = settings.codes[min(state.answeredWithCode, settings.codes.count - 1)]
                state.answeredWithCode += 1
            } else {
                status = 401
            }
            state.pending.append(ReceivedWebhook(request: request, at: now, failure: failure, status: status))
            if let (reason, message) = failure, status == 401 {
                return HTTPServerResponse(status: status, text: "\(reason.rawValue): \(message)\n")
            }
            return HTTPServerResponse(status: status, text: status < 300 ? "ok\n" : "status \(status) as --respond asked\n")
        }
    }
}

/// One request as `webhooks listen` prints it.
struct ReceivedWebhook: Sendable, Presentable {
    var receivedAt: Timestamp
    var method: String
    var target: String
    var webhookID: String?
    var type: String?
    var failure: (StandardWebhooks.Failure, String)?
    var status: Int
    var body: [UInt8]
    /// The body parsed, when it is JSON (nil otherwise: printed as text).
    var document: JSONValue?

    init(request: HTTPServerRequest, at time: Timestamp, failure: (StandardWebhooks.Failure, String)?, status: Int) {
        receivedAt = time
        method = request.method
        target = request.target
        webhookID = request.header("webhook-id")
        self.failure = failure
        self.status = status
        body = request.body
        document = try? JSONParser.parse(request.body)
        type = document?["type"]?.stringValue
    }

    var id: String { webhookID ?? "-" }

    var json: JSONValue {
        var members = [JSONMember("receivedAt", .string(receivedAt.rfc3339)),
                       JSONMember("method", .string(method)), JSONMember("path", .string(target)),
                       JSONMember("webhookId", webhookID.map(JSONValue.string) ?? .null),
                       JSONMember("type", type.map(JSONValue.string) ?? .null),
                       JSONMember("verified", .bool(failure == nil)),
                       JSONMember("reason", failure.map { .string($0.0.rawValue) } ?? .null),
                       JSONMember("message", failure.map { .string($0.1) } ?? .null),
                       JSONMember("status", .int(status)), JSONMember("bodyBytes", .int(body.count))]
        if let document {
            members.append(JSONMember("body", document))
        } else {
            members.append(JSONMember("bodyText", .string(String(decoding: body, as: UTF8.self))))
        }
        return .object(members)
    }

    static var columns: [Column<ReceivedWebhook>] {
        [
            Column(time: "RECEIVED") { $0.receivedAt },
            Column("WEBHOOK-ID") { $0.webhookID ?? "-" },
            Column("TYPE") { $0.type ?? "-" },
            Column("VERIFIED") { $0.failure.map { "no: \($0.0.rawValue)" } ?? "yes" },
            Column("STATUS") { String($0.status) },
            Column("BYTES") { String($0.body.count) },
        ]
    }
}
