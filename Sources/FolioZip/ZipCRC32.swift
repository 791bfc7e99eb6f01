internal import CZlib

/// zlib's CRC-32 (the ZIP polynomial), fed piece by piece.
struct ZipCRC32 {
    private(set) var value: UInt32 = 0

    mutating func update(_ bytes: UnsafeRawBufferPointer) {
        var crc = uLong(value)
        var offset = 0
        while offset < bytes.count {
            // zlib's length parameter is 32-bit.
            let piece = min(bytes.count - offset, 1 << 30)
            crc = crc32(crc, bytes.baseAddress!.assumingMemoryBound(to: Bytef.self) + offset, uInt(piece))
            offset += piece
        }
        value = UInt32(truncatingIfNeeded: crc)
    }

    mutating func update(_ bytes: [UInt8]) { bytes.withUnsafeBytes { update($0) } }
}
