/// One POST of a webhook message, as the delivery worker hands it to a `WebhookSender`.
public struct WebhookSendRequest: Sendable {
    public var url: String
    /// `content-type` is the sender's; these are the three Standard Webhooks headers.
    public var headers: [(String, String)]
    public var body: [UInt8]
    /// The whole exchange's limit (connect and read); 15 s in production.
    public var timeoutSeconds: Double
    /// When set, the only addresses to connect to (the worker resolved and checked them):
    /// the sender must not resolve the host again.
    public var pinnedAddresses: [String]?
    /// Now, in seconds since the epoch, for a `Retry-After` given as a date.
    public var now: Int64

    public init(url: String, headers: [(String, String)], body: [UInt8], timeoutSeconds: Double,
                pinnedAddresses: [String]?, now: Int64) {
        self.url = url
        self.headers = headers
        self.body = body
        self.timeoutSeconds = timeoutSeconds
        self.pinnedAddresses = pinnedAddresses
        self.now = now
    }
}

/// What came of one POST: a response (any status), or no response at all.
public enum WebhookSendResult: Sendable, Equatable {
    /// The receiver answered. `body` is at most the first 20 KiB; `retryAfterSeconds` is the
    /// response's `Retry-After`, in seconds from now, when it had one.
    case response(status: Int, body: [UInt8], retryAfterSeconds: Int64?)
    /// No answer: the connection failed, timed out, or the address was refused.
    case failure(String)
}

/// Sends one webhook POST; never follows a redirect. FolioCore holds no HTTP client: the CLI
/// wires FolioHTTP's in, tests a scripted one.
public protocol WebhookSender: Sendable {
    func send(_ request: WebhookSendRequest) -> WebhookSendResult
}
