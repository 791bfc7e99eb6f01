/// Buffered reading of HTTP/1.1 messages from a stream, bounded everywhere: the head by
/// `headLimit`, a chunk-size line by a few bytes, a body by what the caller keeps and discards.
final class MessageReader {
    let stream: ByteStream
    private var buffer: [UInt8] = []
    private var start = 0
    /// Bytes received since the last `resetCount()`: a reused connection that failed before any
    /// byte of the response may be retried.
    private(set) var received = 0

    init(_ stream: ByteStream) { self.stream = stream }

    var hasBufferedBytes: Bool { start < buffer.count }
    func resetCount() { received = 0 }

    /// Reads more into the buffer; false at end of stream.
    private func fill(by deadline: Deadline) throws(HTTPError) -> Bool {
        if start > 0 && start == buffer.count { buffer.removeAll(keepingCapacity: true); start = 0 }
        let n = try stream.read(into: &buffer, count: 16_384, by: deadline)
        received += n
        return n > 0
    }

    /// The lines of a message head up to the empty line, without CRLFs; nil if the stream ended
    /// before any byte (a clean close between messages).
    func readHead(limit: Int, by deadline: Deadline) throws(HTTPError) -> [[UInt8]]? {
        var lines: [[UInt8]] = []
        var total = 0
        while true {
            guard let line = try readLine(limit: limit - total, by: deadline, allowEOF: lines.isEmpty) else { return nil }
            total += line.count + 2
            if line.isEmpty {
                if lines.isEmpty { continue }   // RFC 9112 §2.2: ignore a CRLF before the start line
                return lines
            }
            lines.append(line)
        }
    }

    /// One line ending in LF (a bare LF is accepted, a CR before it dropped).
    func readLine(limit: Int, by deadline: Deadline, allowEOF: Bool = false) throws(HTTPError) -> [UInt8]? {
        var scanned = start
        while true {
            if let lf = buffer[scanned...].firstIndex(of: 10) {
                var end = lf
                if end > start && buffer[end - 1] == 13 { end -= 1 }
                if end - start > limit { throw HTTPError(.tooLarge, "message head longer than \(limit) bytes") }
                let line = Array(buffer[start..<end])
                start = lf + 1
                return line
            }
            let pending = buffer.count - start   // already scanned; fill() may move `start` to 0
            if pending > limit { throw HTTPError(.tooLarge, "message head longer than \(limit) bytes") }
            guard try fill(by: deadline) else {
                if allowEOF && start == buffer.count { return nil }
                throw HTTPError(.protocol, "connection closed in the middle of a message head")
            }
            scanned = start + pending
        }
    }

    /// Up to `count` bytes from the buffer or the stream; empty at end of stream.
    func readSome(_ count: Int, by deadline: Deadline) throws(HTTPError) -> ArraySlice<UInt8> {
        if start == buffer.count {
            guard try fill(by: deadline) else { return [] }
        }
        let end = min(buffer.count, start + count)
        defer { start = end }
        return buffer[start..<end]
    }
}

/// Collects a body: keeps the first `keep` bytes, counts and drops the rest up to `discardLimit`.
struct BodySink {
    let keep: Int
    let discardLimit: Int
    var kept: [UInt8] = []
    var total = 0

    var truncated: Bool { total > kept.count }
    /// Whether more than `keep + discardLimit` arrived: stop reading, close the connection.
    var overLimit: Bool { total > keep + discardLimit }

    mutating func append(_ bytes: ArraySlice<UInt8>) {
        total += bytes.count
        let room = keep - kept.count
        if room > 0 { kept.append(contentsOf: bytes.prefix(room)) }
    }
}
