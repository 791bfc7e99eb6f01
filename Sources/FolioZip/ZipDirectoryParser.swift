/// Parses the central directory into entries, resolving ZIP64 values and checking that every
/// record lies inside the directory and points before it.
struct ZipDirectoryParser {
    let directory: [UInt8]
    let start: UInt64
    let count: Int

    mutating func parse() throws(ZipError) -> [ZipEntryInfo] {
        var entries: [ZipEntryInfo] = []
        entries.reserveCapacity(count)
        var f = ZipFields(directory)
        for index in 0..<count {
            let recordOffset = start + UInt64(f.position)
            let place = "central directory record \(index + 1) of \(count) (offset \(recordOffset))"
            guard f.remaining >= ZipFormat.centralHeaderSize else {
                throw ZipError("\(place): the central directory ends inside it")
            }
            let signature = f.u32()
            guard signature == ZipFormat.centralHeaderSignature else {
                throw ZipError("\(place): signature is \(hex32(signature)), expected \(hex32(ZipFormat.centralHeaderSignature))")
            }
            let madeBy = f.u16(), needed = f.u16(), flags = f.u16(), method = f.u16()
            let time = f.u16(), date = f.u16(), crc = f.u32()
            let compressed32 = f.u32(), uncompressed32 = f.u32()
            let nameLength = Int(f.u16()), extraLength = Int(f.u16()), commentLength = Int(f.u16())
            let disk = f.u16(), internalAttributes = f.u16(), externalAttributes = f.u32(), offset32 = f.u32()
            guard nameLength + extraLength + commentLength <= f.remaining else {
                throw ZipError("\(place): its name, extra field and comment (\(nameLength + extraLength + commentLength) bytes) run past the end of the central directory")
            }
            let nameBytes = f.take(nameLength)
            // Bit 11 says UTF-8; without it the name is IBM 437, which Folio never writes, so
            // bytes that are not UTF-8 are shown with replacement characters.
            let name = String(decoding: nameBytes, as: UTF8.self)
            let extra = try ZipExtraField.parse(f.take(extraLength), entry: name, place: "its central directory record")
            f.position += commentLength

            var uncompressed = UInt64(uncompressed32), compressed = UInt64(compressed32), offset = UInt64(offset32)
            var zip64Fields = 0
            if uncompressed32 == 0xFFFF_FFFF { zip64Fields += 1 }
            if compressed32 == 0xFFFF_FFFF { zip64Fields += 1 }
            if offset32 == 0xFFFF_FFFF { zip64Fields += 1 }
            if disk == 0xFFFF { zip64Fields += 1 }
            if zip64Fields > 0 {
                guard let values = extra.zip64, values.count >= 8 * zip64Fields - (disk == 0xFFFF ? 4 : 0) else {
                    throw ZipError(entry: name, "its central directory record defers \(zip64Fields) fields to a ZIP64 extra field that does not hold them")
                }
                var z = ZipFields(values)
                if uncompressed32 == 0xFFFF_FFFF { uncompressed = z.u64() }
                if compressed32 == 0xFFFF_FFFF { compressed = z.u64() }
                if offset32 == 0xFFFF_FFFF { offset = z.u64() }
            }
            guard disk == 0 else { throw ZipError(entry: name, "its data is on disk \(disk): multi-disk archives are not supported") }
            guard offset < start, start - offset >= UInt64(ZipFormat.localHeaderSize) else {
                throw ZipError(entry: name, "its local header offset \(offset) leaves no room for a local header before the central directory (offset \(start))")
            }
            entries.append(ZipEntryInfo(
                index: index, name: name, modified: ZipDate(dosDate: date, dosTime: time), methodNumber: method,
                crc32: crc, compressedSize: compressed, uncompressedSize: uncompressed, localHeaderOffset: offset,
                nameBytes: nameBytes, versionMadeBy: madeBy, versionNeeded: needed, flags: flags,
                internalAttributes: internalAttributes, externalAttributes: externalAttributes, diskStart: disk,
                commentLength: commentLength, otherExtraTags: extra.otherTags, zip64ExtraLength: extra.zip64?.count,
                zip64Fields: zip64Fields, recordOffset: recordOffset))
        }
        guard f.remaining == 0 else {
            throw ZipError("the central directory has \(f.remaining) bytes after its \(count) records")
        }
        return entries
    }
}
