import Synchronization

/// An HTTP/1.1 client over TCP or TLS. Keeps idle connections per (scheme, host, port) and reuses
/// them; reads Content-Length, chunked and close-delimited bodies; never follows a redirect (a 3xx
/// is returned as it came). Safe to share between threads: each `send` uses its own connection.
public final class HTTPClient: Sendable {
    public let options: HTTPClientOptions
    /// Made on the first https request: loading the system CA store costs a few milliseconds.
    private let tls = Mutex<TLSContext?>(nil)
    private let idle = Mutex<[String: [Connection]]>([:])
    /// Connections opened so far (tests check reuse with it).
    private let opened = Atomic<Int>(0)

    public init(options: HTTPClientOptions = HTTPClientOptions()) {
        self.options = options
    }

    /// The number of TCP connections this client has opened.
    public var connectionsOpened: Int { opened.load(ordering: .relaxed) }

    /// Sends `request` and reads the response. Throws for no response at all (DNS, connect, TLS,
    /// timeout, malformed response); any status, 3xx and 5xx included, is a response.
    public func send(_ request: HTTPRequest) throws(HTTPError) -> HTTPResponse {
        let bytes = try request.serialized(userAgent: options.userAgent)
        let key = "\(request.url.scheme)://\(request.url.hostHeader)"
        if let connection = takeIdle(key) {
            do throws(HTTPError) {
                return try exchange(bytes, request, on: connection, key: key, reused: true)
            } catch {
                // The server may have closed the idle connection as we wrote: retry once on a new
                // one, but only if not one byte of a response came back.
                guard connection.reader.received == 0, error.kind == .io || error.kind == .protocol || error.kind == .tls else { throw error }
            }
        }
        let connection = try connect(request.url)
        return try exchange(bytes, request, on: connection, key: key, reused: false)
    }

    /// Closes the idle connections.
    public func closeIdleConnections() {
        idle.withLock { $0.removeAll() }
    }

    private func takeIdle(_ key: String) -> Connection? {
        idle.withLock { pool -> Connection? in
            while let connection = pool[key]?.popLast() {
                if connection.stream.socket.isIdleAndOpen { return connection }
            }
            return nil
        }
    }

    private func putIdle(_ connection: Connection, _ key: String) {
        idle.withLock { pool in
            var list = pool[key] ?? []
            if list.count < options.maxIdlePerEndpoint { list.append(connection) }
            pool[key] = list
        }
    }

    private func tlsContext() throws(HTTPError) -> TLSContext {
        try tls.withLock { (context: inout TLSContext?) throws(HTTPError) -> TLSContext in
            if let context { return context }
            let made = try TLSContext.client(caFile: options.trustedCAFile)
            context = made
            return made
        }
    }

    private func connect(_ url: HTTPURL) throws(HTTPError) -> Connection {
        let deadline = Deadline(seconds: options.connectTimeout)
        let addresses = url.hostIsIPLiteral ? nil : options.resolve?(url.host)
        let socket = try Socket.connect(host: url.host, port: url.port, addresses: addresses, by: deadline)
        opened.add(1, ordering: .relaxed)
        guard url.isTLS else { return Connection(socket) }
        let stream = try TLSStream.connect(socket, context: try tlsContext(), host: url.host,
                                           isIPLiteral: url.hostIsIPLiteral, by: deadline)
        return Connection(stream)
    }

    private func exchange(_ bytes: [UInt8], _ request: HTTPRequest, on connection: Connection, key: String,
                          reused: Bool) throws(HTTPError) -> HTTPResponse {
        let deadline = Deadline(seconds: options.readTimeout)
        connection.reader.resetCount()
        try connection.stream.write(bytes, by: deadline)
        var (response, reusable) = try ResponseParser(options: options)
            .read(from: connection.reader, method: request.method, by: deadline)
        response.reusedConnection = reused
        if reusable && !connection.reader.hasBufferedBytes { putIdle(connection, key) }
        return response
    }
}

/// A connection and its read buffer, which must travel together between requests.
final class Connection: @unchecked Sendable {
    let stream: ByteStream
    let reader: MessageReader

    init(_ stream: ByteStream) {
        self.stream = stream
        self.reader = MessageReader(stream)
    }

    deinit { (stream as? TLSStream)?.close() }
}
