/// Reads one response: the status line and headers (bounded), interim 1xx responses skipped,
/// then the body as its framing says (RFC 9112 §6.3).
struct ResponseParser {
    let options: HTTPClientOptions

    /// The response, and whether the connection may carry another request.
    func read(from reader: MessageReader, method: String, by deadline: Deadline) throws(HTTPError) -> (HTTPResponse, Bool) {
        while true {
            guard let lines = try reader.readHead(limit: options.maxHeadBytes, by: deadline) else {
                throw HTTPError(.protocol, "connection closed before a response")
            }
            let (version, status, reason) = try statusLine(lines[0])
            guard let headers = HTTPSyntax.fields(lines[1...]) else { throw HTTPError(.protocol, "malformed response header") }
            if (100..<200).contains(status) && status != 101 { continue }
            var response = HTTPResponse(status: status, reason: reason, headers: headers)
            var reusable = version == "HTTP/1.1"
            for value in headers where value.0.lowercased() == "connection" {
                let tokens = value.1.lowercased().split(separator: ",").map { $0.trimmingSpaces }
                if tokens.contains("close") { reusable = false }
                if tokens.contains("keep-alive") && version == "HTTP/1.0" { reusable = true }
            }
            var sink = BodySink(keep: options.maxResponseBody, discardLimit: options.maxDiscardedBody)
            if method == "HEAD" || status == 204 || status == 304 || status == 101 {
                if status == 101 { reusable = false }
            } else if let coding = response.header("Transfer-Encoding") {
                guard coding.lowercased().split(separator: ",").last?.trimmingSpaces == "chunked" else {
                    throw HTTPError(.protocol, "unsupported Transfer-Encoding \(coding)")
                }
                if !(try readChunked(reader, into: &sink, by: deadline)) { reusable = false }
            } else if let lengthText = response.header("Content-Length") {
                let values = Set(lengthText.split(separator: ",").map { $0.trimmingSpaces })
                guard values.count == 1, let text = values.first, !text.isEmpty, text.count <= 18,
                      text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let length = Int(text) else {
                    throw HTTPError(.protocol, "invalid Content-Length \(lengthText)")
                }
                if !(try readLength(reader, length, into: &sink, by: deadline)) { reusable = false }
            } else {
                reusable = false
                while !sink.overLimit {
                    let bytes = try reader.readSome(16_384, by: deadline)
                    if bytes.isEmpty { break }
                    sink.append(bytes)
                }
            }
            response.body = sink.kept
            response.bodyTruncated = sink.truncated
            return (response, reusable)
        }
    }

    private func statusLine(_ line: [UInt8]) throws(HTTPError) -> (String, Int, String) {
        // "HTTP/1.1 200 OK": version, SP, three digits, SP, optional reason.
        let text = String(decoding: line, as: UTF8.self)
        let bytes = Array(line)
        guard bytes.count >= 12, text.hasPrefix("HTTP/1."), bytes[8] == 32,
              bytes[9...11].allSatisfy({ $0 >= 48 && $0 <= 57 }), bytes.count == 12 || bytes[12] == 32,
              bytes[7] == 48 || bytes[7] == 49 else {
            throw HTTPError(.protocol, "malformed status line \"\(String(text.prefix(80)))\"")
        }
        let status = Int(String(decoding: bytes[9...11], as: UTF8.self))!
        guard status >= 100 else { throw HTTPError(.protocol, "status \(status) out of range") }
        let reason = bytes.count > 13 ? String(decoding: bytes[13...], as: UTF8.self) : ""
        return (String(text.prefix(8)), status, reason)
    }

    /// Reads `length` bytes; false if the sink hit its limit first (the connection is then dropped).
    private func readLength(_ reader: MessageReader, _ length: Int, into sink: inout BodySink, by deadline: Deadline) throws(HTTPError) -> Bool {
        var left = length
        while left > 0 {
            if sink.overLimit { return false }
            let bytes = try reader.readSome(min(left, 16_384), by: deadline)
            if bytes.isEmpty { throw HTTPError(.protocol, "connection closed after \(length - left) of \(length) body bytes") }
            sink.append(bytes)
            left -= bytes.count
        }
        return true
    }

    /// Decodes a chunked body and skips its trailers; false if the sink hit its limit first.
    private func readChunked(_ reader: MessageReader, into sink: inout BodySink, by deadline: Deadline) throws(HTTPError) -> Bool {
        while true {
            guard let line = try reader.readLine(limit: 1024, by: deadline) else { throw HTTPError(.protocol, "chunked body ended early") }
            let sizeText = line.prefix { $0 != UInt8(ascii: ";") && $0 != 32 && $0 != 9 }
            guard !sizeText.isEmpty, sizeText.count <= 15, let size = Int(String(decoding: sizeText, as: UTF8.self), radix: 16), size >= 0 else {
                throw HTTPError(.protocol, "malformed chunk size \"\(String(decoding: line.prefix(40), as: UTF8.self))\"")
            }
            if size == 0 {
                while let trailer = try reader.readLine(limit: options.maxHeadBytes, by: deadline), !trailer.isEmpty {}
                return true
            }
            guard try readLength(reader, size, into: &sink, by: deadline) else { return false }
            guard let end = try reader.readLine(limit: 2, by: deadline), end.isEmpty else {
                throw HTTPError(.protocol, "chunk not followed by CRLF")
            }
        }
    }
}

extension Substring {
    var trimmingSpaces: Substring {
        var s = self
        while let c = s.first, c == " " || c == "\t" { s = s.dropFirst() }
        while let c = s.last, c == " " || c == "\t" { s = s.dropLast() }
        return s
    }
}
