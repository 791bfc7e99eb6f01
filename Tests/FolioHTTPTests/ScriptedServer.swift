import Foundation
import Glibc
import FolioTestSupport

/// A raw TCP listener on 127.0.0.1 that answers each connection with fixed bytes, for responses
/// HTTPServer would never write (chunked, malformed, silent). Never accepting is a mode too: the
/// kernel completes the TCP handshake from the backlog, and then nothing is ever said.
final class ScriptedServer: @unchecked Sendable {
    let port: Int
    private let fd: Int32

    /// `reply` is written (at once, when not `readRequest`) after the request head arrives, then the connection is closed
    /// (unless `reply` is nil: read and stay silent until the server is dropped).
    init(reply: [UInt8]?, accept: Bool = true, readRequest: Bool = true) throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.fd = fd
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 8) == 0 else { throw HarnessError(message: "bind/listen failed") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { _ = getsockname(fd, $0, &length) }
        }
        port = Int(UInt16(bigEndian: address.sin_port))
        guard accept else { return }
        Thread.detachNewThread {
            while true {
                let client = Glibc.accept(fd, nil, nil)
                if client < 0 { return }
                var head: [UInt8] = []
                var byte: UInt8 = 0
                while readRequest, !head.suffix(4).elementsEqual([13, 10, 13, 10]), recv(client, &byte, 1, 0) == 1 { head.append(byte) }
                if let reply {
                    _ = reply.withUnsafeBytes { send(client, $0.baseAddress, reply.count, Int32(MSG_NOSIGNAL)) }
                    close(client)
                } else {
                    Thread.sleep(forTimeInterval: 30)
                    close(client)
                }
            }
        }
    }

    convenience init(_ text: String) throws { try self.init(reply: Array(text.utf8)) }

    deinit {
        shutdown(fd, Int32(SHUT_RDWR))
        close(fd)
    }
}

