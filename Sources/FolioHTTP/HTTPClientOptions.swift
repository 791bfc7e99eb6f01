/// How an HTTPClient connects, waits and reads.
public struct HTTPClientOptions: Sendable {
    /// DNS, TCP connect and the TLS handshake together.
    public var connectTimeout: Double = 10
    /// Writing the request and reading the whole response, measured from the first byte written
    /// (a total, not a per-read idle timeout: a server that trickles cannot hold a worker).
    public var readTimeout: Double = 15
    /// Body bytes kept in `HTTPResponse.body`; the rest is read and dropped.
    public var maxResponseBody = 20 * 1024
    /// Body bytes dropped beyond `maxResponseBody` before the client stops reading and closes
    /// the connection instead (the response is still returned, marked truncated).
    public var maxDiscardedBody = 1024 * 1024
    /// The longest response head (status line and headers).
    public var maxHeadBytes = 64 * 1024
    /// Sent as User-Agent, e.g. "folio/1.4.0".
    public var userAgent = "folio"
    /// PEM file of the CAs to trust; nil trusts the system store.
    public var trustedCAFile: String? = nil
    /// Replaces DNS: the IP literals to connect to for a host name, or nil to resolve it as usual.
    /// Tests point names such as "hooks.example" at 127.0.0.1 with it.
    public var resolve: (@Sendable (String) -> [String]?)? = nil
    /// Idle connections kept per (scheme, host, port).
    public var maxIdlePerEndpoint = 2

    public init(connectTimeout: Double = 10, readTimeout: Double = 15, maxResponseBody: Int = 20 * 1024,
                userAgent: String = "folio", trustedCAFile: String? = nil,
                resolve: (@Sendable (String) -> [String]?)? = nil) {
        self.connectTimeout = connectTimeout
        self.readTimeout = readTimeout
        self.maxResponseBody = maxResponseBody
        self.userAgent = userAgent
        self.trustedCAFile = trustedCAFile
        self.resolve = resolve
    }
}
