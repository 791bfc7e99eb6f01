/// The record layouts and the fixed values that make ZipWriter's output the same on every
/// machine (APPNOTE.TXT 6.3.10 section numbers in the comments).
enum ZipFormat {
    static let localHeaderSignature: UInt32 = 0x0403_4b50        // 4.3.7
    static let centralHeaderSignature: UInt32 = 0x0201_4b50      // 4.3.12
    static let endSignature: UInt32 = 0x0605_4b50                // 4.3.16
    static let zip64EndSignature: UInt32 = 0x0606_4b50           // 4.3.14
    static let zip64LocatorSignature: UInt32 = 0x0706_4b50       // 4.3.15

    static let localHeaderSize = 30
    static let centralHeaderSize = 46
    static let endSize = 22
    static let zip64EndSize = 56
    static let zip64LocatorSize = 20
    /// The ZIP64 end record's "size of the remaining record" (4.3.14.1): 56 − 12.
    static let zip64EndRemainder: UInt64 = 44
    static let zip64ExtraTag: UInt16 = 0x0001

    /// "Version made by": 3 = Unix in the high byte, so that unzip applies the external
    /// attributes' mode bits; 45 = spec 4.5 (ZIP64). Fixed, whatever the host.
    static let versionMadeBy: UInt16 = (3 << 8) | 45
    /// "Version needed to extract": 2.0 for deflate, 4.5 when the entry has a ZIP64 extra field.
    static let versionNeeded: UInt16 = 20
    static let versionNeededZip64: UInt16 = 45
    /// General purpose flags: bit 11, names are UTF-8. No data descriptors (bit 3): the writer
    /// patches sizes into the local header, so readers never need to guess.
    static let flags: UInt16 = 1 << 11
    /// A regular file, rw-r--r--, in the Unix high half; the DOS low half 0.
    static let externalAttributes: UInt32 = 0o100644 << 16

    /// zlib's settings, fixed so that the same input always deflates to the same bytes: level
    /// 6, raw deflate (negative window bits: ZIP has its own headers), 32 KiB window, memLevel
    /// 8, default strategy. zlib itself is linked statically (Package.swift), so its version
    /// is the build's, not the host's.
    static let deflateLevel: Int32 = 6
    static let windowBits: Int32 = -15
    static let memLevel: Int32 = 8
}

/// When a field no longer fits and ZIP64 takes over. A value fits when it is below the limit
/// (the all-ones value itself means "see the ZIP64 record"). Tests lower them to exercise
/// ZIP64 without writing 4 GiB.
struct ZipLimits: Sendable {
    var entryCount: UInt64 = 0xFFFF
    var size: UInt64 = 0xFFFF_FFFF

    static let standard = ZipLimits()
}

/// Little-endian fields appended to a byte array.
struct ZipBytes {
    var bytes: [UInt8] = []

    init(capacity: Int = 64) { bytes.reserveCapacity(capacity) }

    mutating func u16(_ v: UInt16) { bytes.append(UInt8(v & 0xFF)); bytes.append(UInt8(v >> 8)) }
    mutating func u32(_ v: UInt32) { for i in 0..<4 { bytes.append(UInt8((v >> (8 * UInt32(i))) & 0xFF)) } }
    mutating func u64(_ v: UInt64) { for i in 0..<8 { bytes.append(UInt8((v >> (8 * UInt64(i))) & 0xFF)) } }
    mutating func append(_ b: [UInt8]) { bytes += b }
}

/// Little-endian fields read from a byte array; callers check lengths first.
struct ZipFields {
    let bytes: [UInt8]
    var position: Int

    init(_ bytes: [UInt8], at position: Int = 0) {
        self.bytes = bytes
        self.position = position
    }

    var remaining: Int { bytes.count - position }

    mutating func u16() -> UInt16 {
        defer { position += 2 }
        return UInt16(bytes[position]) | UInt16(bytes[position + 1]) << 8
    }

    mutating func u32() -> UInt32 {
        var v: UInt32 = 0
        for i in 0..<4 { v |= UInt32(bytes[position + i]) << (8 * UInt32(i)) }
        position += 4
        return v
    }

    mutating func u64() -> UInt64 {
        var v: UInt64 = 0
        for i in 0..<8 { v |= UInt64(bytes[position + i]) << (8 * UInt64(i)) }
        position += 8
        return v
    }

    mutating func take(_ count: Int) -> [UInt8] {
        defer { position += count }
        return Array(bytes[position..<position + count])
    }
}

/// `withUnsafeBytes` for a body with typed throws (the standard one rethrows `any Error`).
func withBytes<R>(_ bytes: [UInt8], _ body: (UnsafeRawBufferPointer) throws(ZipError) -> R) throws(ZipError) -> R {
    let result: Result<R, ZipError> = bytes.withUnsafeBytes { raw in
        do throws(ZipError) { return .success(try body(raw)) } catch { return .failure(error) }
    }
    return try result.get()
}
