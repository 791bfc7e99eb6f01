/// The end of central directory record and, when present, the ZIP64 end record and locator:
/// where the central directory is and how many entries it holds.
struct ZipEndRecords {
    var entryCount: UInt64
    var directoryOffset: UInt64
    var directorySize: UInt64
    /// Where the end records begin: the ZIP64 end record when there is one, else the end record.
    var start: UInt64
    var commentLength: Int
    /// The ZIP64 end record's "size of remaining record", version made by and version needed.
    var zip64: (remainder: UInt64, versionMadeBy: UInt16, versionNeeded: UInt16)?

    /// Finds and checks the end records of `file`.
    static func read(_ file: ZipInputFile) throws(ZipError) -> ZipEndRecords {
        let minimum = UInt64(ZipFormat.endSize)
        guard file.size >= minimum else {
            throw ZipError("not a ZIP archive: the file has \(file.size) bytes, fewer than the \(minimum) of an end of central directory record")
        }
        // The end record is the last 22 bytes plus a comment of up to 65,535 bytes.
        let tailCount = Int(min(file.size, minimum + 0xFFFF))
        let tailStart = file.size - UInt64(tailCount)
        let tail = try file.read(at: tailStart, count: tailCount, "the end of the archive")
        // The last "PK\5\6" whose comment length reaches exactly to the end of the file.
        let found: Int? = tail.withUnsafeBufferPointer { t in
            var at = tailCount - ZipFormat.endSize
            while at >= 0 {
                if t[at] == 0x50, t[at + 1] == 0x4B, t[at + 2] == 5, t[at + 3] == 6,
                   Int(t[at + 20]) | Int(t[at + 21]) << 8 == tailCount - at - ZipFormat.endSize { return at }
                at -= 1
            }
            return nil
        }
        guard let found else {
            throw ZipError("no end of central directory record at the end of the file: the archive is truncated or is not a ZIP archive")
        }
        let endOffset = tailStart + UInt64(found)
        var f = ZipFields(tail, at: found + 4)
        let disk = f.u16(), directoryDisk = f.u16(), countHere = f.u16(), count = f.u16()
        let size32 = f.u32(), offset32 = f.u32(), commentLength = Int(f.u16())
        let place = "the end of central directory record (offset \(endOffset))"
        guard disk == 0, directoryDisk == 0 else {
            throw ZipError("\(place) names disk \(disk) and directory disk \(directoryDisk): multi-disk archives are not supported")
        }
        guard countHere == count else { throw ZipError("\(place) counts \(countHere) entries on this disk but \(count) in all") }
        var records = ZipEndRecords(entryCount: UInt64(count), directoryOffset: UInt64(offset32),
                                    directorySize: UInt64(size32), start: endOffset, commentLength: commentLength)

        let locatorOffset = endOffset >= UInt64(ZipFormat.zip64LocatorSize) ? endOffset - UInt64(ZipFormat.zip64LocatorSize) : nil
        if let locatorOffset {
            var l = ZipFields(try file.read(at: locatorOffset, count: ZipFormat.zip64LocatorSize, "the ZIP64 locator"))
            if l.u32() == ZipFormat.zip64LocatorSignature {
                try records.readZip64(file, locatorFields: &l, locatorOffset: locatorOffset,
                                      end: (count, size32, offset32, place))
            }
        }
        if records.zip64 == nil, size32 == 0xFFFF_FFFF || offset32 == 0xFFFF_FFFF {
            throw ZipError("\(place) defers to a ZIP64 end record, but there is no ZIP64 locator before it")
        }
        let directoryEnd = records.directoryOffset.addingReportingOverflow(records.directorySize)
        guard !directoryEnd.overflow, directoryEnd.partialValue == records.start else {
            throw ZipError("the central directory (offset \(records.directoryOffset), \(records.directorySize) bytes) does not end where the end records begin (offset \(records.start))")
        }
        // Bounds the allocation below a damaged count: each record has 46 fixed bytes.
        guard records.entryCount <= records.directorySize / UInt64(ZipFormat.centralHeaderSize) else {
            throw ZipError("the end records count \(records.entryCount) entries, more than a central directory of \(records.directorySize) bytes can hold")
        }
        return records
    }

    private mutating func readZip64(_ file: ZipInputFile, locatorFields l: inout ZipFields, locatorOffset: UInt64,
                                    end: (count: UInt16, size: UInt32, offset: UInt32, place: String)) throws(ZipError) {
        let locatorDisk = l.u32(), zip64Offset = l.u64(), disks = l.u32()
        guard locatorDisk == 0, disks == 1 else {
            throw ZipError("the ZIP64 locator (offset \(locatorOffset)) names disk \(locatorDisk) of \(disks): multi-disk archives are not supported")
        }
        guard zip64Offset <= locatorOffset, locatorOffset - zip64Offset >= UInt64(ZipFormat.zip64EndSize) else {
            throw ZipError("the ZIP64 locator (offset \(locatorOffset)) points at offset \(zip64Offset), which leaves no room for a ZIP64 end record before it")
        }
        let place = "the ZIP64 end record (offset \(zip64Offset))"
        var z = ZipFields(try file.read(at: zip64Offset, count: ZipFormat.zip64EndSize, place))
        let signature = z.u32()
        guard signature == ZipFormat.zip64EndSignature else {
            throw ZipError("\(place): signature is \(hex32(signature)), expected \(hex32(ZipFormat.zip64EndSignature))")
        }
        let remainder = z.u64(), madeBy = z.u16(), needed = z.u16()
        let disk = z.u32(), directoryDisk = z.u32(), countHere = z.u64(), count = z.u64()
        let size = z.u64(), offset = z.u64()
        guard remainder >= ZipFormat.zip64EndRemainder, remainder == locatorOffset - zip64Offset - 12 else {
            throw ZipError("\(place) says it has \(remainder) more bytes, so it does not end where the locator begins (offset \(locatorOffset))")
        }
        guard disk == 0, directoryDisk == 0 else {
            throw ZipError("\(place) names disk \(disk) and directory disk \(directoryDisk): multi-disk archives are not supported")
        }
        guard countHere == count else { throw ZipError("\(place) counts \(countHere) entries on this disk but \(count) in all") }
        // Each field of the classic record is either the "see ZIP64" value or the same number.
        guard end.count == 0xFFFF || UInt64(end.count) == count else {
            throw ZipError("\(end.place) counts \(end.count) entries but \(place) counts \(count)")
        }
        guard end.size == 0xFFFF_FFFF || UInt64(end.size) == size else {
            throw ZipError("\(end.place) gives the central directory \(end.size) bytes but \(place) gives \(size)")
        }
        guard end.offset == 0xFFFF_FFFF || UInt64(end.offset) == offset else {
            throw ZipError("\(end.place) puts the central directory at offset \(end.offset) but \(place) puts it at \(offset)")
        }
        entryCount = count
        directorySize = size
        directoryOffset = offset
        start = zip64Offset
        zip64 = (remainder, madeBy, needed)
    }
}
