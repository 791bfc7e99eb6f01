#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// A small HTTP/1.1 server for a loopback port (the local webhook receiver, tests): one thread per
/// connection, keep-alive, Content-Length request bodies only (a chunked request gets 411), TLS
/// when given a certificate and key.
public final class HTTPServer: Sendable {
    public typealias Handler = @Sendable (HTTPServerRequest) -> HTTPServerResponse

    public let host: String
    /// The bound port (the ephemeral one chosen when 0 was asked).
    public let port: Int
    /// The longest request body accepted (413 beyond).
    public let maxRequestBody: Int
    /// How long a connection may take to send a whole request, the next one on a kept-alive
    /// connection included, before it is closed.
    public let requestTimeout: Double
    private let listener: Socket
    private let tls: TLSContext?
    private let stopped = Atomic<Bool>(false)
    private let accepted = Atomic<Int>(0)
    /// Requests handed to the handler whose response is not written yet (`stop()` waits for them).
    private let answering = Atomic<Int>(0)
    private let live = Mutex<[Int: Socket]>([:])
    private let acceptThread = Mutex<pthread_t?>(nil)

    /// Binds and listens at once (so `port` is known and connects succeed before `start`).
    /// `tls` holds PEM text: the certificate (then any intermediates) and its private key.
    public init(host: String = "127.0.0.1", port: Int = 0, tls: (certificatePEM: String, privateKeyPEM: String)? = nil,
                maxRequestBody: Int = 1024 * 1024, requestTimeout: Double = 10) throws(HTTPError) {
        _ = BrokenPipe.ignored
        self.tls = try tls.map { (pair) throws(HTTPError) -> TLSContext in
            try TLSContext.server(certificatePEM: pair.certificatePEM, privateKeyPEM: pair.privateKeyPEM)
        }
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_PASSIVE | AI_NUMERICHOST | AI_NUMERICSERV
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &list) == 0, let info = list else {
            throw HTTPError(.invalidRequest, "cannot listen on \(host): not an IP address")
        }
        defer { freeaddrinfo(list) }
        let fd = socket(info.pointee.ai_family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw HTTPError(.io, "socket: \(Socket.errorText())") }
        let listener = Socket(fd: fd)
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        guard bind(fd, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0, listen(fd, 64) == 0 else {
            throw HTTPError(.connect, "cannot listen on \(host):\(port): \(Socket.errorText())")
        }
        var address = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { _ = getsockname(fd, $0, &length) }
        }
        // sin_port and sin6_port sit at the same offset, in network order.
        let bound = withUnsafeBytes(of: &address) { Int($0[2]) << 8 | Int($0[3]) }
        self.host = host
        self.port = bound
        self.listener = listener
        self.maxRequestBody = maxRequestBody
        self.requestTimeout = requestTimeout
    }

    /// TCP connections accepted so far.
    public var connectionsAccepted: Int { accepted.load(ordering: .relaxed) }

    /// Serves on a background thread and returns at once; `stop()` ends it.
    public func start(handler: @escaping Handler) {
        let thread = Threads.start(joinable: true) { [self] in serve(handler: handler) }
        acceptThread.withLock { $0 = thread }
    }

    /// Accepts connections until `stop()`, each served on its own thread by `handler`.
    public func serve(handler: @escaping Handler) {
        while !stopped.load(ordering: .relaxed) {
            // A bounded wait, so that stop() is noticed without closing the descriptor under poll().
            guard (try? listener.wait(for: Int16(POLLIN), by: Deadline(seconds: 0.2))) == true else { continue }
            // accept4 is a GNU extension Glibc's module does not export: set the flags after.
            let fd = accept(listener.fd, nil, nil)
            if fd < 0 { continue }
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            let number = accepted.add(1, ordering: .relaxed).newValue
            let socket = Socket(fd: fd)
            live.withLock { $0[number] = socket }
            Threads.start { [self] in
                serveConnection(socket, number: number, handler: handler)
                live.withLock { _ = $0.removeValue(forKey: number) }
            }
        }
    }

    /// Stops accepting, waits for the accept loop and for the responses being written (up to
    /// `requestTimeout`), and cuts the open connections. Waiting matters to a receiver that stops
    /// after its last request (`webhooks listen --count`): that request's client gets its answer.
    public func stop() {
        stopped.store(true, ordering: .sequentiallyConsistent)
        if let thread = acceptThread.withLock({ (t: inout pthread_t?) -> pthread_t? in defer { t = nil }; return t }) {
            pthread_join(thread, nil)
        }
        let deadline = Deadline(seconds: requestTimeout)
        while answering.load(ordering: .sequentiallyConsistent) > 0 && !deadline.hasPassed { usleep(1_000) }
        live.withLock { sockets in for socket in sockets.values { socket.shutdownBoth() } }
    }

    deinit { stop() }

    private func serveConnection(_ socket: Socket, number: Int, handler: Handler) {
        var stream: ByteStream = socket
        var serverName: String?
        if let tls {
            guard let tlsStream = try? TLSStream.accept(socket, context: tls, by: Deadline(seconds: requestTimeout)) else { return }
            stream = tlsStream
            serverName = tlsStream.serverName
        }
        defer { (stream as? TLSStream)?.close() }
        let reader = MessageReader(stream)
        while !stopped.load(ordering: .relaxed) {
            let deadline = Deadline(seconds: requestTimeout)
            let outcome: RequestReader.Outcome
            do throws(HTTPError) {
                outcome = try RequestReader(maxBody: maxRequestBody).read(reader, by: deadline)
            } catch {
                // Timeouts and resets end the connection quietly; a bad request is told why.
                let status = error.kind == .tooLarge ? 431 : 400
                if error.kind == .protocol || error.kind == .tooLarge {
                    try? stream.write(HTTPServerResponse(status: status, text: error.message + "\n").serialized(close: true, headRequest: false), by: deadline)
                }
                return
            }
            switch outcome {
            case .closed:
                return
            case .reject(let status, let message):
                try? stream.write(HTTPServerResponse(status: status, text: message + "\n").serialized(close: true, headRequest: false), by: deadline)
                return
            case .request(var request, let keepAlive):
                request.serverName = serverName
                request.connectionNumber = number
                // Counted before `stopped` is read, the reverse of stop(): either stop() waits
                // for this answer, or this request is dropped unhandled.
                answering.add(1, ordering: .sequentiallyConsistent)
                defer { answering.subtract(1, ordering: .sequentiallyConsistent) }
                if stopped.load(ordering: .sequentiallyConsistent) { return }
                let response = handler(request)
                let close = !keepAlive || stopped.load(ordering: .relaxed)
                do throws(HTTPError) {
                    try stream.write(response.serialized(close: close, headRequest: request.method == "HEAD"), by: deadline)
                } catch { return }
                if close { return }
            }
        }
    }
}
