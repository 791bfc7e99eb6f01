internal import CZlib

/// zlib's raw deflate with ZipFormat's fixed settings. Owns its `z_stream` (heap-allocated:
/// zlib keeps a pointer back to it, so it must not move) and ends it in `deinit`. One Deflater
/// serves every entry of an archive: `deflateReset` is cheaper than a fresh 256 KiB state per
/// entry and gives the same output.
final class Deflater {
    private let stream: UnsafeMutablePointer<z_stream>
    private var chunk = [UInt8](repeating: 0, count: 64 * 1024)

    init() throws(ZipError) {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let status = folio_deflateInit2(stream, ZipFormat.deflateLevel, Z_DEFLATED, ZipFormat.windowBits,
                                        ZipFormat.memLevel, Z_DEFAULT_STRATEGY)
        guard status == Z_OK else {
            stream.deinitialize(count: 1)
            stream.deallocate()
            throw ZipError("zlib could not start deflate (status \(status))")
        }
    }

    deinit {
        deflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    /// Starts a new entry's stream.
    func reset() { deflateReset(stream) }

    /// Compresses `input`, handing each piece of output to `output`; `finish` ends the stream
    /// (the last call of an entry), otherwise zlib may keep input buffered.
    func deflate(_ input: UnsafeRawBufferPointer, finish: Bool,
                 output: ([UInt8]) throws(ZipError) -> Void) throws(ZipError) {
        var offset = 0
        repeat {
            // avail_in is 32-bit: feed large inputs in pieces.
            let piece = min(input.count - offset, 1 << 30)
            let last = offset + piece == input.count
            stream.pointee.next_in = piece == 0 ? nil
                : UnsafeMutablePointer(mutating: input.baseAddress!.assumingMemoryBound(to: Bytef.self) + offset)
            stream.pointee.avail_in = uInt(piece)
            let flush = finish && last ? Z_FINISH : Z_NO_FLUSH
            while true {
                let (status, produced) = chunk.withUnsafeMutableBytes { buffer -> (Int32, Int) in
                    stream.pointee.next_out = buffer.baseAddress!.assumingMemoryBound(to: Bytef.self)
                    stream.pointee.avail_out = uInt(buffer.count)
                    let status = CZlib.deflate(stream, flush)
                    return (status, buffer.count - Int(stream.pointee.avail_out))
                }
                guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else {
                    throw ZipError("zlib deflate failed (status \(status))")
                }
                if produced > 0 { try output(Array(chunk[0..<produced])) }
                if flush == Z_FINISH ? status == Z_STREAM_END
                    : (stream.pointee.avail_in == 0 && stream.pointee.avail_out > 0) { break }
            }
            offset += piece
        } while offset < input.count
        stream.pointee.next_in = nil
    }
}
