#if canImport(Glibc)
import Glibc
#endif

/// What the HTTP layer reads and writes: a plain socket or a TLS stream over one.
protocol ByteStream: AnyObject {
    /// Up to `count` bytes appended to `buffer`; 0 at end of stream.
    func read(into buffer: inout [UInt8], count: Int, by deadline: Deadline) throws(HTTPError) -> Int
    func write(_ bytes: [UInt8], by deadline: Deadline) throws(HTTPError)
    /// The socket under the stream (idle checks, shutdown).
    var socket: Socket { get }
}

/// A non-blocking TCP socket that owns its descriptor; every wait is a poll() bounded by a deadline.
final class Socket: ByteStream, @unchecked Sendable {
    let fd: Int32
    var socket: Socket { self }

    init(fd: Int32) { self.fd = fd }
    deinit { close(fd) }

    /// Connects to the first address of `host` that answers before `deadline`. `addresses`
    /// replaces DNS when given (tests). Refused or unreachable → `.connect`; deadline → `.timeout`.
    static func connect(host: String, port: Int, addresses: [String]?, by deadline: Deadline) throws(HTTPError) -> Socket {
        let candidates = addresses ?? [host]
        var lastError = HTTPError(.dns, "cannot resolve \(host)")
        for candidate in candidates {
            var hints = addrinfo()
            hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
            // No AI_ADDRCONFIG: on a machine with loopback only it hides "localhost"; every address
            // returned is tried in turn, so an unusable family costs one refused connect.
            hints.ai_flags = AI_NUMERICSERV | (addresses == nil ? 0 : AI_NUMERICHOST)
            var list: UnsafeMutablePointer<addrinfo>?
            // getaddrinfo cannot be given a deadline; the connect timeout starts counting before it anyway.
            let rc = getaddrinfo(candidate, String(port), &hints, &list)
            guard rc == 0, let first = list else {
                lastError = HTTPError(.dns, "cannot resolve \(host): \(String(cString: gai_strerror(rc)))")
                continue
            }
            defer { freeaddrinfo(list) }
            var entry: UnsafeMutablePointer<addrinfo>? = first
            while let info = entry {
                entry = info.pointee.ai_next
                do throws(HTTPError) {
                    return try connect(info.pointee, describing: "\(host):\(port)", by: deadline)
                } catch {
                    lastError = error
                    if error.kind == .timeout { throw error }
                }
            }
        }
        throw lastError
    }

    private static func connect(_ info: addrinfo, describing name: String, by deadline: Deadline) throws(HTTPError) -> Socket {
        let fd = Glibc.socket(info.ai_family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw HTTPError(.connect, "cannot connect to \(name): socket: \(Socket.errorText())") }
        let socket = Socket(fd: fd)
        var one: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        if Glibc.connect(fd, info.ai_addr, info.ai_addrlen) == 0 { return socket }
        guard errno == EINPROGRESS else { throw HTTPError(.connect, "cannot connect to \(name): \(Socket.errorText())") }
        guard try socket.wait(for: Int16(POLLOUT), by: deadline) else {
            throw HTTPError(.timeout, "connect to \(name) timed out")
        }
        var error: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length)
        guard error == 0 else { throw HTTPError(.connect, "cannot connect to \(name): \(String(cString: strerror(error)))") }
        return socket
    }

    /// Waits until `events` are ready; false when the deadline passed first.
    func wait(for events: Int16, by deadline: Deadline) throws(HTTPError) -> Bool {
        while true {
            var entry = pollfd(fd: fd, events: events, revents: 0)
            let rc = poll(&entry, 1, deadline.remainingMilliseconds)
            if rc > 0 { return true }
            if rc == 0 { return false }
            if errno != EINTR { throw HTTPError(.io, "poll: \(Socket.errorText())") }
        }
    }

    func read(into buffer: inout [UInt8], count: Int, by deadline: Deadline) throws(HTTPError) -> Int {
        while true {
            let start = buffer.count
            buffer.append(contentsOf: repeatElement(0, count: count))
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress! + start, count, 0) }
            buffer.removeLast(n > 0 ? count - n : count)
            if n >= 0 { return n }
            if errno == EINTR { continue }
            guard errno == EAGAIN || errno == EWOULDBLOCK else { throw HTTPError(.io, "read failed: \(Socket.errorText())") }
            guard try wait(for: Int16(POLLIN), by: deadline) else { throw HTTPError(.timeout, "read timed out") }
        }
    }

    func write(_ bytes: [UInt8], by deadline: Deadline) throws(HTTPError) {
        var offset = 0
        while offset < bytes.count {
            // MSG_NOSIGNAL: a closed peer is an error here, not a SIGPIPE.
            let n = bytes.withUnsafeBytes { send(fd, $0.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL)) }
            if n > 0 { offset += n; continue }
            if n < 0 && errno == EINTR { continue }
            guard n < 0, errno == EAGAIN || errno == EWOULDBLOCK else { throw HTTPError(.io, "write failed: \(Socket.errorText())") }
            guard try wait(for: Int16(POLLOUT), by: deadline) else { throw HTTPError(.timeout, "write timed out") }
        }
    }

    /// Whether a kept-alive connection is still usable: nothing to read (a readable idle socket
    /// means the peer closed it or sent something unasked) and no error.
    var isIdleAndOpen: Bool {
        var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&entry, 1, 0) == 0
    }

    func shutdownBoth() { shutdown(fd, Int32(SHUT_RDWR)) }

    static func errorText() -> String { String(cString: strerror(errno)) }
}
