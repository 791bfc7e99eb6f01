/// Why an HTTP exchange failed, precise enough to record as a delivery's error as it is:
/// "TLS: certificate verify failed: hostname mismatch (expected hooks.example)".
public struct HTTPError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The stage that failed, for callers that branch (retry a timeout, not a bad URL).
    public enum Kind: String, Sendable, Equatable {
        /// The URL or a request header is not acceptable (nothing was sent).
        case invalidRequest
        /// The host name did not resolve.
        case dns
        /// No TCP connection (refused, unreachable).
        case connect
        /// The TLS handshake or the TLS stream failed, certificate verification included.
        case tls
        /// The connect or the read deadline passed.
        case timeout
        /// The peer broke HTTP/1.1 (bad status line, header, chunk) or closed mid-response.
        case `protocol`
        /// The response headers or the discarded body passed their limit.
        case tooLarge
        /// A socket read or write failed after connecting.
        case io
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
