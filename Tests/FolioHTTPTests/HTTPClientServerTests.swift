import Foundation
import Synchronization
import Testing
@testable import FolioHTTP

/// The client against the module's own server over plain TCP on loopback.
@Suite struct HTTPClientServerTests {
    /// An echo server: answers with the method, target, one header and the body it got.
    static func echoServer() throws -> HTTPServer {
        let server = try HTTPServer()
        server.start { request in
            switch request.target {
            case "/redirect":
                return HTTPServerResponse(status: 302, headers: [("Location", "/elsewhere")], text: "moved")
            case "/big":
                return HTTPServerResponse(status: 200, body: [UInt8](repeating: 0x61, count: 100_000))
            case "/retry":
                return HTTPServerResponse(status: 503, headers: [("Retry-After", "30")], text: "busy")
            default:
                let text = "\(request.method) \(request.target) event=\(request.header("x-folio-event") ?? "-") "
                    + "ua=\(request.header("user-agent") ?? "-") conn=\(request.connectionNumber) body="
                return HTTPServerResponse(status: 200, body: Array(text.utf8) + request.body)
            }
        }
        return server
    }

    static func url(_ server: HTTPServer, _ path: String) throws -> HTTPURL {
        try HTTPURL("http://127.0.0.1:\(server.port)\(path)")
    }

    @Test func getAndPostJSONWithCustomHeaders() throws {
        let server = try Self.echoServer()
        defer { server.stop() }
        let client = HTTPClient(options: HTTPClientOptions(userAgent: "folio/9.9"))
        let get = try client.send(HTTPRequest(method: "GET", url: try Self.url(server, "/status?x=1")))
        #expect(get.status == 200 && get.isSuccess && !get.bodyTruncated)
        #expect(String(decoding: get.body, as: UTF8.self).hasPrefix("GET /status?x=1 event=- ua=folio/9.9"))
        let post = try client.send(.postJSON(try Self.url(server, "/hook"), body: Array(#"{"id":1}"#.utf8),
                                             headers: [("X-Folio-Event", "invoice.authorized")]))
        #expect(String(decoding: post.body, as: UTF8.self).hasSuffix(#"event=invoice.authorized ua=folio/9.9 conn=1 body={"id":1}"#))
        #expect(post.header("content-length") == String(post.body.count))
    }

    @Test func localhostResolvesThroughTheSystemResolver() throws {
        let server = try Self.echoServer()
        defer { server.stop() }
        let response = try HTTPClient().send(HTTPRequest(method: "GET", url: try HTTPURL("http://localhost:\(server.port)/name")))
        #expect(response.status == 200)
    }

    @Test func keepAliveReusesOneConnectionPerEndpoint() throws {
        let server = try Self.echoServer()
        defer { server.stop() }
        let client = HTTPClient()
        var reused: [Bool] = []
        for i in 0..<4 {
            let response = try client.send(.postJSON(try Self.url(server, "/n\(i)"), body: Array("{}".utf8)))
            #expect(String(decoding: response.body, as: UTF8.self).contains("conn=1 "))
            reused.append(response.reusedConnection)
        }
        #expect(reused == [false, true, true, true])
        #expect(client.connectionsOpened == 1 && server.connectionsAccepted == 1)
        // The server closing an idle connection is noticed before the next request.
        client.closeIdleConnections()
        _ = try client.send(HTTPRequest(method: "GET", url: try Self.url(server, "/again")))
        #expect(client.connectionsOpened == 2 && server.connectionsAccepted == 2)
    }

    @Test func redirectsAreReturnedNotFollowed() throws {
        let server = try Self.echoServer()
        defer { server.stop() }
        let response = try HTTPClient().send(HTTPRequest(method: "POST", url: try Self.url(server, "/redirect"), body: [1]))
        #expect(response.status == 302 && !response.isSuccess)
        #expect(response.header("Location") == "/elsewhere")
        #expect(server.connectionsAccepted == 1)
    }

    @Test func bodyIsCappedAndMarkedTruncated() throws {
        let server = try Self.echoServer()
        defer { server.stop() }
        let client = HTTPClient()
        let response = try client.send(HTTPRequest(method: "GET", url: try Self.url(server, "/big")))
        #expect(response.body.count == 20 * 1024 && response.bodyTruncated)
        #expect(response.body.allSatisfy { $0 == 0x61 })
        // The rest was read and dropped: the connection still serves the next request.
        let next = try client.send(HTTPRequest(method: "GET", url: try Self.url(server, "/after")))
        #expect(next.reusedConnection && !next.bodyTruncated)
    }

    @Test func retryAfterComesBackWithTheStatus() throws {
        let server = try Self.echoServer()
        defer { server.stop() }
        let response = try HTTPClient().send(HTTPRequest(method: "GET", url: try Self.url(server, "/retry")))
        #expect(response.status == 503 && response.retryAfterSeconds(now: 0) == 30)
    }

    @Test func serverRejectsOversizedAndChunkedRequests() throws {
        let server = try HTTPServer(maxRequestBody: 10)
        server.start { _ in HTTPServerResponse(status: 204) }
        defer { server.stop() }
        let fits = try HTTPClient().send(.postJSON(try Self.url(server, "/"), body: [UInt8](repeating: 1, count: 10)))
        #expect(fits.status == 204 && fits.header("content-length") == nil && fits.body.isEmpty)
        let tooBig = try HTTPClient().send(.postJSON(try Self.url(server, "/"), body: [UInt8](repeating: 1, count: 11)))
        #expect(tooBig.status == 413 && tooBig.header("connection") == "close")
        let chunked = try RawExchange.send("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", port: server.port)
        #expect(chunked.hasPrefix("HTTP/1.1 411 "))
        let garbage = try RawExchange.send("HELLO\r\n\r\n", port: server.port)
        #expect(garbage.hasPrefix("HTTP/1.1 400 "))
    }
}

/// Writes raw bytes to a port and reads until the server closes (for requests the client refuses
/// to write).
enum RawExchange {
    static func send(_ text: String, port: Int) throws -> String {
        let socket = try Socket.connect(host: "127.0.0.1", port: port, addresses: nil, by: Deadline(seconds: 5))
        let deadline = Deadline(seconds: 10)
        try socket.write(Array(text.utf8), by: deadline)
        var buffer: [UInt8] = []
        while try socket.read(into: &buffer, count: 4096, by: deadline) > 0 {}
        return String(decoding: buffer, as: UTF8.self)
    }
}
