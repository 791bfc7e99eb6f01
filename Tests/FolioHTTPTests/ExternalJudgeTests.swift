import Foundation
import Testing
import FolioTestSupport
@testable import FolioHTTP

/// Independent implementations judge both halves: curl (libcurl over OpenSSL) as the client of
/// HTTPServer, and Python's http.server with its ssl module as the server HTTPClient talks to.
@Suite struct ExternalJudgeTests {
    @Test(.enabled(if: ExternalTool.shouldRun("curl"), "needs curl"))
    func curlPostsToThePlainServer() throws {
        let server = try HTTPClientServerTests.echoServer()
        defer { server.stop() }
        let curl = try #require(ExternalTool.path("curl"))
        let result = try ProcessRunner.run([curl, "-sS", "--max-time", "20", "-H", "X-Folio-Event: e.1", "-H", "Content-Type: application/json",
                                            "--data-binary", #"{"x":1}"#, "-w", "\n%{http_code} %{num_connects}",
                                            "http://127.0.0.1:\(server.port)/a", "http://127.0.0.1:\(server.port)/b"])
        #expect(result.status == 0, "\(result.stderr)")
        // Two URLs on one curl command share the kept-alive connection.
        #expect(result.stdout.contains(#"POST /a event=e.1 ua=curl/"#) && result.stdout.contains(#"conn=1 body={"x":1}"#))
        #expect(result.stdout.contains(#"POST /b event=e.1"#) && result.stdout.hasSuffix("200 0"))
        #expect(server.connectionsAccepted == 1)
    }

    @Test(.enabled(if: ExternalTool.shouldRun("curl") && ExternalTool.shouldRun("openssl"), "needs curl and openssl"))
    func curlVerifiesTheTLSServer() throws {
        let pki = try TestPKI.get()
        let server = try TLSTests.server(pki.localhost)
        defer { server.stop() }
        let curl = try #require(ExternalTool.path("curl"))
        let ok = try ProcessRunner.run([curl, "-sS", "--max-time", "20", "--cacert", pki.caFile,
                                        "--resolve", "localhost:\(server.port):127.0.0.1", "https://localhost:\(server.port)/x"])
        #expect(ok.status == 0 && ok.stdout.hasPrefix("sni=localhost conn=1"), "\(ok.stderr)")
        // curl, too, refuses the certificate for another name.
        let other = try TLSTests.server(pki.otherName)
        defer { other.stop() }
        let refused = try ProcessRunner.run([curl, "-sS", "--max-time", "20", "--cacert", pki.caFile,
                                             "--resolve", "localhost:\(other.port):127.0.0.1", "https://localhost:\(other.port)/x"])
        #expect(refused.status == 60, "\(refused.status) \(refused.stderr)")   // CURLE_PEER_FAILED_VERIFICATION
    }

    /// Python's server, printing its port, then serving until killed; it answers with the SNI
    /// name it saw, the path, a header and the body, chunked for /chunked, and 301 for /moved.
    static let pythonServer = #"""
        import http.server, ssl, sys
        seen = {}
        class H(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            def log_message(self, *a): pass
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                if self.path == "/moved":
                    self.send_response(301); self.send_header("Location", "https://elsewhere.example/")
                    self.send_header("Content-Length", "0"); self.end_headers(); return
                text = ("sni=%s path=%s event=%s conn=%d body=" % (seen.get("sni"), self.path,
                        self.headers.get("X-Folio-Event"), id(self.connection) % 1000)).encode() + body
                self.send_response(200)
                if self.path == "/chunked":
                    self.send_header("Transfer-Encoding", "chunked"); self.end_headers()
                    for i in range(0, len(text), 7):
                        part = text[i:i+7]; self.wfile.write(b"%x\r\n%s\r\n" % (len(part), part))
                    self.wfile.write(b"0\r\n\r\n")
                else:
                    self.send_header("Content-Length", str(len(text))); self.end_headers(); self.wfile.write(text)
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(sys.argv[1], sys.argv[2])
        def sni(sock, name, c): seen["sni"] = name
        ctx.sni_callback = sni
        srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), H)
        srv.socket = ctx.wrap_socket(srv.socket, server_side=True)
        print(srv.server_address[1], flush=True)
        srv.serve_forever()
        """#

    @Test(.enabled(if: ExternalTool.shouldRun("python3") && ExternalTool.shouldRun("openssl"), "needs python3 and openssl"))
    func clientTalksToPythonsTLSServer() throws {
        let pki = try TestPKI.get()
        let dir = ProcessRunner.temporaryDirectory("folio-http-python")
        try Self.pythonServer.write(toFile: "\(dir)/server.py", atomically: true, encoding: .utf8)
        try pki.localhost.certificatePEM.write(toFile: "\(dir)/cert.pem", atomically: true, encoding: .utf8)
        try pki.localhost.privateKeyPEM.write(toFile: "\(dir)/key.pem", atomically: true, encoding: .utf8)
        let python = try ChildProcess([try #require(ExternalTool.path("python3")), "\(dir)/server.py", "\(dir)/cert.pem", "\(dir)/key.pem"])
        defer { python.send(SIGKILL); _ = python.wait() }
        var announced = ""
        while !announced.contains("\n") {
            let data = python.readSomeStdout()
            if data.isEmpty { break }
            announced += String(decoding: data, as: UTF8.self)
        }
        let port = try #require(Int(announced.trimmingCharacters(in: .whitespacesAndNewlines)), "python server said \(announced)")
        let client = TLSTests.client(caFile: pki.caFile)
        let url = try HTTPURL("https://localhost:\(port)/plain")
        let first = try client.send(.postJSON(url, body: Array("{}".utf8), headers: [("X-Folio-Event", "invoice.voided")]))
        let text = String(decoding: first.body, as: UTF8.self)
        #expect(first.status == 200 && text.hasPrefix("sni=localhost path=/plain event=invoice.voided") && text.hasSuffix("body={}"))
        let chunked = try client.send(.postJSON(try HTTPURL("https://localhost:\(port)/chunked"), body: Array("[1,2,3]".utf8)))
        #expect(chunked.header("transfer-encoding") == "chunked" && String(decoding: chunked.body, as: UTF8.self).hasSuffix("body=[1,2,3]"))
        #expect(chunked.reusedConnection && client.connectionsOpened == 1)
        let moved = try client.send(.postJSON(try HTTPURL("https://localhost:\(port)/moved"), body: []))
        #expect(moved.status == 301 && moved.header("location") == "https://elsewhere.example/")
    }
}
