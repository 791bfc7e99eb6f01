/// What the writer keeps of each entry until `finish` writes the central directory: 48 bytes,
/// the name kept apart in the writer's one array of names (a separate array per entry would
/// cost a heap block each); the data is never kept.
struct ZipCentralRecord {
    /// Where the name is in the writer's names.
    var nameStart: Int
    var nameLength: UInt16
    var modified: ZipDate
    var method: ZipMethod
    var crc: UInt32
    var compressedSize: UInt64
    var uncompressedSize: UInt64
    var offset: UInt64
    /// Whether the local header carries a ZIP64 extra field (sizes too large, or not known
    /// when it was written: a streamed entry).
    var localZip64: Bool

    /// The ZIP64 extra field of the central record: only the fields that overflowed, in the
    /// order APPNOTE 4.5.3 gives (uncompressed size, compressed size, offset).
    func centralZip64Values(_ limits: ZipLimits) -> [UInt64] {
        [uncompressedSize, compressedSize, offset].filter { $0 >= limits.size }
    }

    func versionNeeded(_ limits: ZipLimits) -> UInt16 {
        localZip64 || !centralZip64Values(limits).isEmpty ? ZipFormat.versionNeededZip64 : ZipFormat.versionNeeded
    }

    /// The local file header (4.3.7). With `localZip64` its sizes are 0xFFFFFFFF and the
    /// values sit in a ZIP64 extra field, both of them as 4.5.3 requires.
    func localHeader(name: ArraySlice<UInt8>, _ limits: ZipLimits) -> [UInt8] {
        var b = ZipBytes(capacity: ZipFormat.localHeaderSize + name.count + 20)
        b.u32(ZipFormat.localHeaderSignature)
        b.u16(versionNeeded(limits))
        b.u16(ZipFormat.flags)
        b.u16(method.rawValue)
        b.u16(modified.dosTime)
        b.u16(modified.dosDate)
        b.u32(crc)
        b.u32(localZip64 ? 0xFFFF_FFFF : UInt32(compressedSize))
        b.u32(localZip64 ? 0xFFFF_FFFF : UInt32(uncompressedSize))
        b.u16(UInt16(name.count))
        b.u16(localZip64 ? 20 : 0)
        b.bytes += name
        if localZip64 {
            b.u16(ZipFormat.zip64ExtraTag)
            b.u16(16)
            b.u64(uncompressedSize)
            b.u64(compressedSize)
        }
        return b.bytes
    }

    /// The central directory file header (4.3.12).
    func centralHeader(name: ArraySlice<UInt8>, _ limits: ZipLimits) -> [UInt8] {
        let zip64 = centralZip64Values(limits)
        func field(_ v: UInt64) -> UInt32 { v >= limits.size ? 0xFFFF_FFFF : UInt32(v) }
        var b = ZipBytes(capacity: ZipFormat.centralHeaderSize + name.count + 28)
        b.u32(ZipFormat.centralHeaderSignature)
        b.u16(ZipFormat.versionMadeBy)
        b.u16(versionNeeded(limits))
        b.u16(ZipFormat.flags)
        b.u16(method.rawValue)
        b.u16(modified.dosTime)
        b.u16(modified.dosDate)
        b.u32(crc)
        b.u32(field(compressedSize))
        b.u32(field(uncompressedSize))
        b.u16(UInt16(name.count))
        b.u16(zip64.isEmpty ? 0 : UInt16(4 + 8 * zip64.count))
        b.u16(0)                                // comment length
        b.u16(0)                                // disk number start
        b.u16(0)                                // internal attributes
        b.u32(ZipFormat.externalAttributes)
        b.u32(field(offset))
        b.bytes += name
        if !zip64.isEmpty {
            b.u16(ZipFormat.zip64ExtraTag)
            b.u16(UInt16(8 * zip64.count))
            for v in zip64 { b.u64(v) }
        }
        return b.bytes
    }
}
