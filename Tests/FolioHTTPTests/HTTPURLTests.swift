import Testing
@testable import FolioHTTP

/// URLs are split strictly: what reaches the request line and Host header is exactly what was meant.
@Suite struct HTTPURLTests {
    @Test func splitsSchemeHostPortAndTarget() throws {
        let url = try HTTPURL("https://Hooks.Example:8443/in/bound?x=1#frag")
        #expect(url.scheme == "https" && url.host == "hooks.example" && url.port == 8443)
        #expect(url.target == "/in/bound?x=1")   // the fragment is never sent
        #expect(url.hostHeader == "hooks.example:8443")
        let plain = try HTTPURL("http://localhost")
        #expect(plain.port == 80 && plain.target == "/" && plain.hostHeader == "localhost")
        #expect(try HTTPURL("http://h.example?q=1").target == "/?q=1")
        #expect(try HTTPURL("https://a.example:443/").hostHeader == "a.example")
    }

    @Test func readsIPLiterals() throws {
        let v4 = try HTTPURL("http://127.0.0.1:8080/x")
        #expect(v4.host == "127.0.0.1" && v4.hostIsIPLiteral && v4.port == 8080)
        let v6 = try HTTPURL("https://[::1]:9443/")
        #expect(v6.host == "::1" && v6.hostIsIPLiteral && v6.hostHeader == "[::1]:9443")
        #expect(try !HTTPURL("https://example.com").hostIsIPLiteral)
    }

    @Test(arguments: ["ftp://x.example/", "hooks.example/path", "https://user:pw@x.example/", "https://x.example:0/",
                      "https://x.example:65536/", "https://x.example:8a/", "https:///path", "https://x example/",
                      "https://x.example/a\r\nHost: evil", "https://[::1/", "https://x.example/ñ"])
    func rejects(_ text: String) {
        #expect(throws: HTTPError.self) { try HTTPURL(text) }
        do { _ = try HTTPURL(text) } catch { #expect(error.kind == .invalidRequest) }
    }

    @Test func requestHeadersCannotInjectOrReframe() throws {
        let url = try HTTPURL("http://127.0.0.1:1/")
        for headers in [[("X-A", "1\r\nX-B: 2")], [("Bad Name", "v")], [("Content-Length", "5")], [("Host", "evil")]] {
            #expect(throws: HTTPError.self) { _ = try HTTPRequest(method: "POST", url: url, headers: headers).serialized(userAgent: "folio/test") }
        }
        let bytes = try HTTPRequest.postJSON(url, body: Array("{}".utf8), headers: [("X-Folio-Event", "invoice.authorized")])
            .serialized(userAgent: "folio/1.0")
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasPrefix("POST / HTTP/1.1\r\nHost: 127.0.0.1:1\r\nUser-Agent: folio/1.0\r\n"))
        #expect(text.contains("Content-Type: application/json\r\nX-Folio-Event: invoice.authorized\r\nContent-Length: 2\r\n"))
        #expect(text.hasSuffix("Connection: keep-alive\r\n\r\n{}"))
    }
}

/// Retry-After in both of its forms, relative to a given now.
@Suite struct RetryAfterTests {
    let now: Int64 = 1_795_429_200   // 2026-11-23T10:20:00Z

    func response(_ value: String?) -> HTTPResponse {
        HTTPResponse(status: 503, headers: value.map { [("retry-after", $0)] } ?? [])
    }

    @Test func deltaSecondsAndDates() {
        #expect(response("120").retryAfterSeconds(now: now) == 120)
        #expect(response(" 0 ").retryAfterSeconds(now: now) == 0)
        #expect(response("Mon, 23 Nov 2026 10:21:30 GMT").retryAfterSeconds(now: now) == 90)
        #expect(response("Mon, 23 Nov 2026 10:00:00 GMT").retryAfterSeconds(now: now) == 0)   // past: now
        #expect(response(nil).retryAfterSeconds(now: now) == nil)
        for junk in ["-5", "1.5", "soon", "Mon, 31 Feb 2026 10:00:00 GMT", "Monday, 23-Nov-26 10:21:30 GMT", "99999999999"] {
            #expect(response(junk).retryAfterSeconds(now: now) == nil, "\(junk)")
        }
    }

    @Test func formatsAndParsesIMFFixdate() {
        #expect(HTTPDate.format(now) == "Mon, 23 Nov 2026 10:20:00 GMT")
        #expect(HTTPDate.format(0) == "Thu, 01 Jan 1970 00:00:00 GMT")
        #expect(HTTPDate.parse("Sun, 06 Nov 1994 08:49:37 GMT") == 784_111_777)
        #expect(HTTPDate.parse(HTTPDate.format(now + 12_345)) == now + 12_345)
    }
}
