/// Reads one request for HTTPServer: request line, headers, a Content-Length body.
struct RequestReader {
    let maxBody: Int
    let maxHead = 64 * 1024

    enum Outcome {
        /// The client closed between requests.
        case closed
        /// Answer with this status and close (the request cannot be read safely).
        case reject(Int, String)
        /// A request, and whether the client allows the connection to stay open.
        case request(HTTPServerRequest, keepAlive: Bool)
    }

    func read(_ reader: MessageReader, by deadline: Deadline) throws(HTTPError) -> Outcome {
        guard let lines = try reader.readHead(limit: maxHead, by: deadline) else { return .closed }
        let parts = lines[0].split(separator: 32, omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, parts[0].allSatisfy(HTTPSyntax.isTokenByte),
              !parts[1].isEmpty, parts[1].allSatisfy({ $0 > 32 && $0 < 127 }) else {
            return .reject(400, "malformed request line")
        }
        let version = String(decoding: parts[2], as: UTF8.self)
        guard version == "HTTP/1.1" || version == "HTTP/1.0" else { return .reject(400, "unsupported version \(version)") }
        guard let headers = HTTPSyntax.fields(lines[1...]) else { return .reject(400, "malformed header") }
        var keepAlive = version == "HTTP/1.1"
        if let connection = HTTPSyntax.value("Connection", in: headers)?.lowercased() {
            if connection.contains("close") { keepAlive = false }
            if connection.contains("keep-alive") && version == "HTTP/1.0" { keepAlive = true }
        }
        if HTTPSyntax.value("Transfer-Encoding", in: headers) != nil {
            return .reject(411, "chunked request bodies are not accepted: send Content-Length")
        }
        var length = 0
        if let text = HTTPSyntax.value("Content-Length", in: headers) {
            guard !text.isEmpty, text.count <= 18, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let value = Int(text) else {
                return .reject(400, "invalid Content-Length")
            }
            length = value
        }
        guard length <= maxBody else { return .reject(413, "body over \(maxBody) bytes") }
        var body: [UInt8] = []
        body.reserveCapacity(length)
        while body.count < length {
            let bytes = try reader.readSome(length - body.count, by: deadline)
            if bytes.isEmpty { return .closed }
            body.append(contentsOf: bytes)
        }
        let request = HTTPServerRequest(method: String(decoding: parts[0], as: UTF8.self), target: String(decoding: parts[1], as: UTF8.self),
                                        headers: headers, body: body, serverName: nil, connectionNumber: 0)
        return .request(request, keepAlive: keepAlive)
    }
}
