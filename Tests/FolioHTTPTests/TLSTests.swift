import Foundation
import Testing
import FolioTestSupport
@testable import FolioHTTP

/// HTTPS against HTTPServer with certificates from a test CA made by openssl at run time.
@Suite(.enabled(if: ExternalTool.shouldRun("openssl"), "needs openssl to make the test CA"))
struct TLSTests {
    /// A TLS server with `identity` that answers with the SNI name it saw and its connection number.
    static func server(_ identity: (certificatePEM: String, privateKeyPEM: String)) throws -> HTTPServer {
        let server = try HTTPServer(tls: identity)
        server.start { request in
            HTTPServerResponse(status: 200, text: "sni=\(request.serverName ?? "none") conn=\(request.connectionNumber) "
                                                 + "body=\(String(decoding: request.body, as: UTF8.self))")
        }
        return server
    }

    /// A client trusting `caFile` that resolves every name to 127.0.0.1.
    static func client(caFile: String) -> HTTPClient {
        HTTPClient(options: HTTPClientOptions(connectTimeout: 10, trustedCAFile: caFile, resolve: { _ in ["127.0.0.1"] }))
    }

    static func error(_ client: HTTPClient, _ url: String) -> HTTPError? {
        do {
            _ = try client.send(HTTPRequest(method: "GET", url: try HTTPURL(url)))
            return nil
        } catch { return error }
    }

    @Test func postOverTLSWithSNIAndKeepAlive() throws {
        let pki = try TestPKI.get()
        let server = try Self.server(pki.localhost)
        defer { server.stop() }
        let client = Self.client(caFile: pki.caFile)
        let url = try HTTPURL("https://localhost:\(server.port)/hook")
        let first = try client.send(.postJSON(url, body: Array(#"{"a":1}"#.utf8)))
        #expect(String(decoding: first.body, as: UTF8.self) == #"sni=localhost conn=1 body={"a":1}"#)
        let second = try client.send(HTTPRequest(method: "GET", url: url))
        #expect(second.reusedConnection && String(decoding: second.body, as: UTF8.self).hasPrefix("sni=localhost conn=1"))
        #expect(server.connectionsAccepted == 1 && client.connectionsOpened == 1)
    }

    @Test func ipLiteralIsVerifiedAgainstTheIPAddressAndSendsNoSNI() throws {
        let pki = try TestPKI.get()
        let server = try Self.server(pki.localhost)
        defer { server.stop() }
        let response = try Self.client(caFile: pki.caFile).send(HTTPRequest(method: "GET", url: try HTTPURL("https://127.0.0.1:\(server.port)/")))
        #expect(String(decoding: response.body, as: UTF8.self).hasPrefix("sni=none"))   // RFC 6066: no IP in SNI
    }

    @Test func untrustedCAFailsVerification() throws {
        let pki = try TestPKI.get()
        let server = try Self.server(pki.localhost)
        defer { server.stop() }
        let error = Self.error(Self.client(caFile: pki.otherCAFile), "https://localhost:\(server.port)/")
        #expect(error?.kind == .tls)
        #expect(error?.message.hasPrefix("TLS: certificate verify failed: unable to get local issuer certificate") == true, "\(String(describing: error))")
        #expect(server.connectionsAccepted == 1)
    }

    @Test func systemStoreDoesNotTrustTheTestCA() throws {
        let pki = try TestPKI.get()
        let server = try Self.server(pki.localhost)
        defer { server.stop() }
        let client = HTTPClient(options: HTTPClientOptions(resolve: { _ in ["127.0.0.1"] }))
        let error = Self.error(client, "https://localhost:\(server.port)/")
        #expect(error?.kind == .tls && error?.message.contains("certificate verify failed") == true, "\(String(describing: error))")
    }

    @Test func hostnameMismatchNamesBothSides() throws {
        let pki = try TestPKI.get()
        let server = try Self.server(pki.otherName)
        defer { server.stop() }
        let error = Self.error(Self.client(caFile: pki.caFile), "https://hooks.example:\(server.port)/")
        #expect(error?.kind == .tls)
        #expect(error?.message == "TLS: certificate verify failed: hostname mismatch (expected hooks.example, certificate for /CN=other.example)",
                "\(String(describing: error))")
        // The same certificate under its own name passes: the mismatch was the name, not the chain.
        let ok = try Self.client(caFile: pki.caFile).send(HTTPRequest(method: "GET", url: try HTTPURL("https://other.example:\(server.port)/")))
        #expect(String(decoding: ok.body, as: UTF8.self).hasPrefix("sni=other.example"))
    }

    @Test func plainHTTPToATLSPortFailsAsProtocolNotHang() throws {
        let pki = try TestPKI.get()
        let server = try Self.server(pki.localhost)
        defer { server.stop() }
        var options = HTTPClientOptions()
        options.readTimeout = 20
        let started = Date()
        let error = Self.error(HTTPClient(options: options), "http://127.0.0.1:\(server.port)/")
        #expect(error != nil && Date().timeIntervalSince(started) < 15)
    }

    @Test func silentTLSPeerHitsTheConnectTimeout() throws {
        let pki = try TestPKI.get()
        // The kernel completes the TCP handshake; no ServerHello ever comes.
        let server = try ScriptedServer(reply: nil, accept: false)
        var options = HTTPClientOptions(trustedCAFile: pki.caFile)
        options.connectTimeout = 1
        let started = Date()
        let error = Self.error(HTTPClient(options: options), "https://127.0.0.1:\(server.port)/")
        let elapsed = Date().timeIntervalSince(started)
        #expect(error?.kind == .timeout && error?.message == "TLS handshake timed out", "\(String(describing: error))")
        #expect(elapsed >= 0.9 && elapsed < 10, "took \(elapsed) s")
    }

    @Test func tlsClientToAPlainServerFailsAsTLS() throws {
        let pki = try TestPKI.get()
        // Answers in plain text at once, as a misconfigured endpoint would.
        let server = try ScriptedServer(reply: Array("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".utf8), readRequest: false)
        let error = Self.error(Self.client(caFile: pki.caFile), "https://localhost:\(server.port)/")
        #expect(error?.kind == .tls, "\(String(describing: error))")
    }
}
