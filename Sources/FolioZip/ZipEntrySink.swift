/// Where `ZipWriter.add(name:modified:compressing:)` takes an entry's data, piece by piece:
/// each piece is checksummed, deflated and written to the archive at once. Valid only inside
/// that call.
public final class ZipEntrySink {
    private let deflater: Deflater
    private let output: ZipOutputFile
    var crc = ZipCRC32()
    private(set) var uncompressedSize: UInt64 = 0
    private(set) var compressedSize: UInt64 = 0
    var isClosed = false

    init(deflater: Deflater, output: ZipOutputFile) {
        self.deflater = deflater
        self.output = output
    }

    /// Appends `bytes` to the entry.
    public func write(_ bytes: [UInt8]) throws(ZipError) {
        try withBytes(bytes) { (raw) throws(ZipError) in try write(raw) }
    }

    /// Appends the bytes of `buffer` to the entry.
    public func write(_ buffer: UnsafeRawBufferPointer) throws(ZipError) {
        guard !isClosed else { throw ZipError("the entry is already complete: write to a sink only inside add") }
        crc.update(buffer)
        uncompressedSize += UInt64(buffer.count)
        try deflater.deflate(buffer, finish: false) { (piece) throws(ZipError) in
            compressedSize += UInt64(piece.count)
            try output.write(piece)
        }
    }

    /// Ends the deflate stream.
    func close() throws(ZipError) {
        guard !isClosed else { return }
        isClosed = true
        try deflater.deflate(UnsafeRawBufferPointer(start: nil, count: 0), finish: true) { (piece) throws(ZipError) in
            compressedSize += UInt64(piece.count)
            try output.write(piece)
        }
    }
}
