internal import CZlib

/// zlib's raw inflate, for ZipReader. Owns its `z_stream` like Deflater.
final class Inflater {
    private let stream: UnsafeMutablePointer<z_stream>
    private var chunk = [UInt8](repeating: 0, count: 64 * 1024)

    init() throws(ZipError) {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let status = folio_inflateInit2(stream, ZipFormat.windowBits)
        guard status == Z_OK else {
            stream.deinitialize(count: 1)
            stream.deallocate()
            throw ZipError("zlib could not start inflate (status \(status))")
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    func reset() { inflateReset(stream) }

    /// Inflates `input` (one piece of an entry's compressed data), handing each piece of output
    /// to `output` (`entry` names it in errors). Returns true once the deflate stream has ended; `unused` is then how many
    /// bytes of `input` lie past its end. A damaged stream throws zlib's message.
    func inflate(_ input: [UInt8], entry: String, output: ([UInt8]) throws(ZipError) -> Void) throws(ZipError) -> (ended: Bool, unused: Int) {
        try input.withUnsafeBufferPointer { (inBuffer) throws(ZipError) -> (ended: Bool, unused: Int) in
            stream.pointee.next_in = inBuffer.isEmpty ? nil : UnsafeMutablePointer(mutating: inBuffer.baseAddress!)
            stream.pointee.avail_in = uInt(inBuffer.count)
            defer { stream.pointee.next_in = nil }
            while true {
                let (status, produced) = chunk.withUnsafeMutableBytes { buffer -> (Int32, Int) in
                    stream.pointee.next_out = buffer.baseAddress!.assumingMemoryBound(to: Bytef.self)
                    stream.pointee.avail_out = uInt(buffer.count)
                    let status = CZlib.inflate(stream, Z_NO_FLUSH)
                    return (status, buffer.count - Int(stream.pointee.avail_out))
                }
                if produced > 0 { try output(Array(chunk[0..<produced])) }
                switch status {
                case Z_STREAM_END:
                    return (true, Int(stream.pointee.avail_in))
                case Z_OK:
                    if stream.pointee.avail_in == 0 && stream.pointee.avail_out > 0 { return (false, 0) }
                case Z_BUF_ERROR where stream.pointee.avail_in == 0:
                    return (false, 0)
                default:
                    let reason = stream.pointee.msg.map { String(cString: $0) } ?? "status \(status)"
                    throw ZipError(entry: entry, "the deflated data is damaged (zlib: \(reason))")
                }
            }
        }
    }
}
