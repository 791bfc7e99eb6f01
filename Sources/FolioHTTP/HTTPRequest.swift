/// A request to send: Host, Content-Length, Connection and User-Agent are added by the client
/// (a caller's own Host or Content-Length is refused, so that the framing is always the client's).
public struct HTTPRequest: Sendable {
    public var method: String
    public var url: HTTPURL
    /// Sent in order, as given. Names and values may not hold CR, LF or NUL (no header injection).
    public var headers: [(String, String)]
    public var body: [UInt8]

    public init(method: String, url: HTTPURL, headers: [(String, String)] = [], body: [UInt8] = []) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }

    /// A POST of a JSON document, as webhook deliveries send it.
    public static func postJSON(_ url: HTTPURL, body: [UInt8], headers: [(String, String)] = []) -> HTTPRequest {
        HTTPRequest(method: "POST", url: url, headers: [("Content-Type", "application/json")] + headers, body: body)
    }

    /// The request head and body as written on the wire, after validating every header.
    func serialized(userAgent: String) throws(HTTPError) -> [UInt8] {
        guard !method.isEmpty, method.utf8.allSatisfy({ HTTPSyntax.isTokenByte($0) }) else {
            throw HTTPError(.invalidRequest, "invalid method \"\(method)\"")
        }
        var head = "\(method) \(url.target) HTTP/1.1\r\nHost: \(url.hostHeader)\r\nUser-Agent: \(userAgent)\r\n"
        for (name, value) in headers {
            guard !name.isEmpty, name.utf8.allSatisfy({ HTTPSyntax.isTokenByte($0) }) else {
                throw HTTPError(.invalidRequest, "invalid header name \"\(name)\"")
            }
            guard value.utf8.allSatisfy({ $0 != 13 && $0 != 10 && $0 != 0 }) else {
                throw HTTPError(.invalidRequest, "header \(name) holds a CR, LF or NUL")
            }
            switch name.lowercased() {
            case "host", "content-length", "transfer-encoding", "connection", "user-agent":
                throw HTTPError(.invalidRequest, "header \(name) is set by the client")
            default: head += "\(name): \(value)\r\n"
            }
        }
        if !body.isEmpty || method == "POST" || method == "PUT" || method == "PATCH" {
            head += "Content-Length: \(body.count)\r\n"
        }
        head += "Connection: keep-alive\r\n\r\n"
        return Array(head.utf8) + body
    }
}

/// Byte classes of RFC 9110, shared by the client's and the server's parsers.
enum HTTPSyntax {
    /// tchar: the characters of a method or a header name.
    static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return Array("!#$%&'*+-.^_`|~".utf8).contains(byte)
        }
    }

    /// Splits a header block (lines without their CRLF) into fields; nil if a line is not
    /// `name: value` (obsolete line folding is refused, RFC 9112 §5.2).
    static func fields(_ lines: ArraySlice<[UInt8]>) -> [(String, String)]? {
        var fields: [(String, String)] = []
        for line in lines {
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > 0,
                  line[..<colon].allSatisfy(isTokenByte) else { return nil }
            var value = line[(colon + 1)...]
            while let first = value.first, first == 32 || first == 9 { value = value.dropFirst() }
            while let last = value.last, last == 32 || last == 9 { value = value.dropLast() }
            guard !value.contains(where: { $0 == 0 || $0 == 13 || $0 == 10 }) else { return nil }
            fields.append((String(decoding: line[..<colon], as: UTF8.self), String(decoding: value, as: UTF8.self)))
        }
        return fields
    }

    /// The first value of a header, by case-insensitive name.
    static func value(_ name: String, in headers: [(String, String)]) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.0.lowercased() == wanted }?.1
    }
}
