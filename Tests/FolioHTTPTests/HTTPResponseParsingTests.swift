import Foundation
import Testing
@testable import FolioHTTP

/// Responses HTTPServer would not write, from a scripted socket: framing, limits, timeouts.
@Suite struct HTTPResponseParsingTests {
    func get(_ server: ScriptedServer, _ options: HTTPClientOptions = HTTPClientOptions()) throws(HTTPError) -> HTTPResponse {
        try HTTPClient(options: options).send(HTTPRequest(method: "GET", url: try HTTPURL("http://127.0.0.1:\(server.port)/")))
    }

    func failure(_ server: ScriptedServer, _ options: HTTPClientOptions = HTTPClientOptions()) -> HTTPError? {
        do { _ = try get(server, options); return nil } catch { return error }
    }

    @Test func chunkedBodyIsDecoded() throws {
        let server = try ScriptedServer("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "5;ext=1\r\nhello\r\n1A\r\n, chunked world of bytes!!\r\n0\r\nX-Trailer: t\r\n\r\n")
        let response = try get(server)
        #expect(String(decoding: response.body, as: UTF8.self) == "hello, chunked world of bytes!!")
        #expect(!response.bodyTruncated)
    }

    @Test func chunkedBodyIsCappedToo() throws {
        let chunk = String(repeating: "z", count: 0x4000)
        let server = try ScriptedServer("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
            + String(repeating: "4000\r\n\(chunk)\r\n", count: 3) + "0\r\n\r\n")
        let response = try get(server)
        #expect(response.body.count == 20 * 1024 && response.bodyTruncated)
    }

    @Test func closeDelimitedBodyAndInterimResponses() throws {
        let server = try ScriptedServer("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.0 201 Created\r\nX-A: 1\r\n\r\nuntil close")
        let response = try get(server)
        #expect(response.status == 201 && response.reason == "Created" && String(decoding: response.body, as: UTF8.self) == "until close")
    }

    @Test(arguments: ["HTTP/2 200 OK\r\n\r\n", "HTTP/1.1 20 OK\r\n\r\n", "SSH-2.0-OpenSSH\r\n\r\n",
                      "HTTP/1.1 200 OK\r\nBad Header\r\n\r\n", "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort",
                      "HTTP/1.1 200 OK\r\nContent-Length: 1, 2\r\n\r\nx", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
                      "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\n", ""])
    func malformedResponsesAreProtocolErrors(_ reply: String) throws {
        let error = failure(try ScriptedServer(reply))
        #expect(error?.kind == .protocol, "\(error.map(String.init(describing:)) ?? "no error")")
    }

    @Test func oversizedHeadIsTooLarge() throws {
        let server = try ScriptedServer("HTTP/1.1 200 OK\r\nX-Big: " + String(repeating: "a", count: 70_000) + "\r\n\r\n")
        #expect(failure(server)?.kind == .tooLarge)
    }

    @Test func refusedPortFailsFastAsConnect() throws {
        // A port bound but not listening: nothing accepts, the kernel answers RST at once.
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { _ = bind(fd, $0, length); _ = getsockname(fd, $0, &length) }
        }
        let started = Date()
        do {
            _ = try HTTPClient().send(HTTPRequest(method: "GET", url: try HTTPURL("http://127.0.0.1:\(UInt16(bigEndian: address.sin_port))/")))
            Issue.record("connected to a port nobody listens on")
        } catch {
            #expect(error.kind == .connect && error.message.contains("refused"), "\(error)")
        }
        #expect(Date().timeIntervalSince(started) < 5)
    }

    @Test func silentServerHitsTheReadTimeout() throws {
        // Accepted by the kernel's backlog, never answered.
        let server = try ScriptedServer(reply: nil, accept: false)
        var options = HTTPClientOptions()
        options.readTimeout = 1
        let started = Date()
        let error = failure(server, options)
        let elapsed = Date().timeIntervalSince(started)
        #expect(error?.kind == .timeout && error?.message == "read timed out")
        #expect(elapsed >= 0.9 && elapsed < 10, "took \(elapsed) s")
    }

    @Test func unresolvableNameIsDNS() throws {
        let options = HTTPClientOptions(resolve: { _ in ["not-an-address"] })
        do {
            _ = try HTTPClient(options: options).send(HTTPRequest(method: "GET", url: try HTTPURL("http://hooks.invalid/")))
            Issue.record("resolved a name that cannot resolve")
        } catch {
            #expect(error.kind == .dns && error.message.hasPrefix("cannot resolve hooks.invalid"))
        }
    }
}
