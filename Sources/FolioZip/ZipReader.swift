/// Reads and verifies a ZIP archive: any single-disk archive of stored or deflated entries
/// (with or without ZIP64), and, through `verifyStructure`, checks that it has exactly the form
/// ZipWriter gives. Every problem names the entry and the fields at fault.
///
/// Opening parses the end records and the whole central directory; entry data is read only
/// on request, in 64 KiB pieces.
public struct ZipReader {
    let file: ZipInputFile
    let end: ZipEndRecords
    /// The entries in central directory order.
    public let entries: [ZipEntryInfo]
    private let inflater = InflaterCache()

    public init(path: String) throws(ZipError) {
        file = try ZipInputFile(path: path)
        end = try ZipEndRecords.read(file)
        let directory = try file.read(at: end.directoryOffset, count: Int(end.directorySize), "the central directory")
        var parser = ZipDirectoryParser(directory: directory, start: end.directoryOffset, count: Int(end.entryCount))
        entries = try parser.parse()
    }

    /// The entry named `name`, if any.
    public func entry(named name: String) -> ZipEntryInfo? { entries.first { $0.name == name } }

    /// The entry's data: inflated, its CRC-32 and size checked against the central directory,
    /// its local header checked against its central directory record.
    public func read(_ entry: ZipEntryInfo) throws(ZipError) -> [UInt8] {
        var data: [UInt8] = []
        data.reserveCapacity(Int(min(entry.uncompressedSize, 64 << 20)))
        try readTyped(entry) { (piece) throws(ZipError) in data += piece }
        return data
    }

    /// The entry's data in pieces of at most 64 KiB, checked as `read(_:)` checks it; the CRC
    /// verdict comes after the last piece, so a consumer that stores pieces must discard them
    /// when this throws. Errors of `chunks` pass through.
    public func read(_ entry: ZipEntryInfo, chunks: ([UInt8]) throws -> Void) throws {
        var consumerError: (any Error)?
        do {
            try readTyped(entry) { (piece) throws(ZipError) in
                do { try chunks(piece) } catch {
                    consumerError = error
                    throw ZipError(entry: entry.name, "stopped by its reader")
                }
            }
        } catch {
            throw consumerError ?? error
        }
    }

    /// Checks every entry's data (inflate, CRC-32, size) after `verifyStructure`, holding no
    /// more than one piece of one entry at a time.
    public func verify() throws(ZipError) {
        try verifyStructure()
        for entry in entries { try readTyped(entry) { (_) throws(ZipError) in } }
    }

    /// Where the entry's data begins, after checking that its local header agrees with its
    /// central directory record; also reports whether that header has a ZIP64 extra field
    /// and the header's extra field length.
    func localHeader(_ entry: ZipEntryInfo) throws(ZipError) -> (dataOffset: UInt64, zip64: Bool, extraLength: Int) {
        let name = entry.name
        let place = "its local header (offset \(entry.localHeaderOffset))"
        var f = ZipFields(try file.read(at: entry.localHeaderOffset, count: ZipFormat.localHeaderSize, "entry \(name): \(place)"))
        let signature = f.u32()
        guard signature == ZipFormat.localHeaderSignature else {
            throw ZipError(entry: name, "\(place) has signature \(hex32(signature)), expected \(hex32(ZipFormat.localHeaderSignature))")
        }
        func differ(_ field: String, _ local: some CustomStringConvertible, _ central: some CustomStringConvertible) -> ZipError {
            ZipError(entry: name, "\(place) gives \(field) \(local) but the central directory gives \(central)")
        }
        let versionNeeded = f.u16(), flags = f.u16(), method = f.u16(), time = f.u16(), date = f.u16()
        let crc = f.u32(), compressed32 = f.u32(), uncompressed32 = f.u32()
        let nameLength = Int(f.u16()), extraLength = Int(f.u16())
        guard versionNeeded == entry.versionNeeded else { throw differ("version needed", versionNeeded, entry.versionNeeded) }
        guard flags == entry.flags else { throw differ("flags", "0x" + String(flags, radix: 16), "0x" + String(entry.flags, radix: 16)) }
        guard method == entry.methodNumber else { throw differ("method", method, entry.methodNumber) }
        let modified = ZipDate(dosDate: date, dosTime: time)
        guard modified == entry.modified else { throw differ("modification time", modified, entry.modified) }
        let variable = try file.read(at: entry.localHeaderOffset + UInt64(ZipFormat.localHeaderSize),
                                     count: nameLength + extraLength, "entry \(name): the name and extra field of \(place)")
        let localName = Array(variable[0..<nameLength])
        guard localName == entry.nameBytes else {
            throw differ("name", "\"\(String(decoding: localName, as: UTF8.self))\"", "\"\(name)\"")
        }
        let extra = try ZipExtraField.parse(Array(variable[nameLength...]), entry: name, place: place)
        var compressed = UInt64(compressed32), uncompressed = UInt64(uncompressed32)
        let sentinels = (uncompressed32 == 0xFFFF_FFFF ? 1 : 0) + (compressed32 == 0xFFFF_FFFF ? 1 : 0)
        if sentinels > 0 {
            guard let values = extra.zip64, values.count >= sentinels * 8 else {
                throw ZipError(entry: name, "\(place) defers its sizes to a ZIP64 extra field that does not hold them")
            }
            var z = ZipFields(values)
            if uncompressed32 == 0xFFFF_FFFF { uncompressed = z.u64() }
            if compressed32 == 0xFFFF_FFFF { compressed = z.u64() }
        }
        // With a data descriptor (flag bit 3) the local header may leave CRC and sizes zero.
        let deferred = entry.flags & 0x8 != 0 && crc == 0 && compressed == 0 && uncompressed == 0
        if !deferred {
            guard crc == entry.crc32 else { throw differ("CRC-32", hex32(crc), hex32(entry.crc32)) }
            guard compressed == entry.compressedSize else { throw differ("compressed size", compressed, entry.compressedSize) }
            guard uncompressed == entry.uncompressedSize else { throw differ("size", uncompressed, entry.uncompressedSize) }
        }
        let dataOffset = entry.localHeaderOffset + UInt64(ZipFormat.localHeaderSize + nameLength + extraLength)
        guard dataOffset <= end.directoryOffset, entry.compressedSize <= end.directoryOffset - dataOffset else {
            throw ZipError(entry: name, "its data (\(entry.compressedSize) bytes from offset \(dataOffset)) runs into the central directory at offset \(end.directoryOffset)")
        }
        return (dataOffset, extra.zip64 != nil, extraLength)
    }

    private func readTyped(_ entry: ZipEntryInfo, _ consumer: ([UInt8]) throws(ZipError) -> Void) throws(ZipError) {
        let name = entry.name
        guard entry.flags & 1 == 0 else { throw ZipError(entry: name, "it is encrypted, which is not supported") }
        guard let method = entry.method else {
            throw ZipError(entry: name, "its compression method \(entry.methodNumber) is not supported (only 0 stored and 8 deflated)")
        }
        let dataOffset = try localHeader(entry).dataOffset
        var crc = ZipCRC32()
        var produced: UInt64 = 0
        func take(_ piece: [UInt8]) throws(ZipError) {
            produced += UInt64(piece.count)
            guard produced <= entry.uncompressedSize else {
                throw ZipError(entry: name, "the data is longer than the \(entry.uncompressedSize) bytes the central directory gives")
            }
            crc.update(piece)
            try consumer(piece)
        }
        let inflater = method == .deflated ? try self.inflater.get() : nil
        inflater?.reset()
        var consumed: UInt64 = 0
        var ended = method == .stored
        while consumed < entry.compressedSize {
            let count = Int(min(entry.compressedSize - consumed, 64 * 1024))
            let piece = try file.read(at: dataOffset + consumed, count: count, "entry \(name): its data")
            consumed += UInt64(count)
            guard let inflater else { try take(piece); continue }
            guard !ended else {
                throw ZipError(entry: name, "the deflate stream ends before its \(entry.compressedSize) compressed bytes do")
            }
            let result = try inflater.inflate(piece, entry: name) { (out) throws(ZipError) in try take(out) }
            ended = result.ended
            if ended && result.unused > 0 {
                throw ZipError(entry: name, "the deflate stream ends \(result.unused + Int(entry.compressedSize - consumed)) bytes before its \(entry.compressedSize) compressed bytes do")
            }
        }
        guard ended else { throw ZipError(entry: name, "the deflate stream is cut short: its \(entry.compressedSize) compressed bytes end inside it") }
        guard produced == entry.uncompressedSize else {
            throw ZipError(entry: name, "the data is \(produced) bytes but the central directory gives \(entry.uncompressedSize)")
        }
        guard crc.value == entry.crc32 else {
            throw ZipError(entry: name, "CRC-32 is \(hex32(entry.crc32)) but the data gives \(hex32(crc.value))")
        }
    }
}

/// One Inflater per reader, made on first use: verifying 65,536 entries should not allocate
/// 65,536 inflate states. (A class, so the reader stays a value.)
final class InflaterCache {
    private var inflater: Inflater?

    func get() throws(ZipError) -> Inflater {
        if let inflater { return inflater }
        let made = try Inflater()
        inflater = made
        return made
    }
}
