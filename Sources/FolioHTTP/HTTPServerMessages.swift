/// A request as the server read it.
public struct HTTPServerRequest: Sendable {
    public var method: String
    /// The request target as sent ("/hooks?x=1").
    public var target: String
    public var headers: [(String, String)]
    public var body: [UInt8]
    /// The SNI name the client sent (TLS only).
    public var serverName: String?
    /// Which of the server's connections carried it, counting from 1 (keep-alive tests).
    public var connectionNumber: Int

    public init(method: String, target: String, headers: [(String, String)] = [], body: [UInt8] = [],
                serverName: String? = nil, connectionNumber: Int = 0) {
        self.method = method
        self.target = target
        self.headers = headers
        self.body = body
        self.serverName = serverName
        self.connectionNumber = connectionNumber
    }

    /// The first value of header `name` (case-insensitive).
    public func header(_ name: String) -> String? { HTTPSyntax.value(name, in: headers) }
}

/// What a handler answers. Content-Length and Connection are written by the server.
public struct HTTPServerResponse: Sendable {
    public var status: Int
    public var headers: [(String, String)]
    public var body: [UInt8]

    public init(status: Int, headers: [(String, String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    public init(status: Int, headers: [(String, String)] = [], text: String) {
        self.init(status: status, headers: [("Content-Type", "text/plain; charset=utf-8")] + headers, body: Array(text.utf8))
    }

    func serialized(close: Bool, headRequest: Bool) -> [UInt8] {
        var head = "HTTP/1.1 \(status) \(HTTPServerResponse.reason(status))\r\n"
        for (name, value) in headers {
            // A handler's header cannot split the response (values with CR/LF are dropped).
            guard name.utf8.allSatisfy(HTTPSyntax.isTokenByte), !value.utf8.contains(where: { $0 == 13 || $0 == 10 }) else { continue }
            let lower = name.lowercased()
            if lower == "content-length" || lower == "connection" || lower == "transfer-encoding" { continue }
            head += "\(name): \(value)\r\n"
        }
        // 204 and 304 have no body and, for 204, must not announce one (RFC 9110 §8.6).
        let bodyless = status == 204 || status == 304 || status < 200
        if !bodyless { head += "Content-Length: \(body.count)\r\n" }
        if close { head += "Connection: close\r\n" }
        head += "\r\n"
        return Array(head.utf8) + (headRequest || bodyless ? [] : body)
    }

    static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 201: "Created"
        case 202: "Accepted"
        case 204: "No Content"
        case 301: "Moved Permanently"
        case 302: "Found"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 404: "Not Found"
        case 411: "Length Required"
        case 413: "Content Too Large"
        case 429: "Too Many Requests"
        case 431: "Request Header Fields Too Large"
        case 500: "Internal Server Error"
        case 503: "Service Unavailable"
        default: "Status"
        }
    }
}
