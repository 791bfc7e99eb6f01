internal import CZlib

/// zlib's CRC-32 (IEEE 802.3 polynomial, as used by ZIP and gzip).
public enum CRC32 {
    public static func checksum(_ data: [UInt8]) -> UInt32 {
        var crc = crc32(0, nil, 0)
        data.withUnsafeBufferPointer { buffer in
            var offset = 0
            // zlib's length parameter is 32-bit: feed huge inputs in chunks.
            while offset < buffer.count {
                let chunk = Swift.min(buffer.count - offset, 1 << 30)
                crc = crc32(crc, buffer.baseAddress! + offset, uInt(chunk))
                offset += chunk
            }
        }
        return UInt32(truncatingIfNeeded: crc)
    }
}
