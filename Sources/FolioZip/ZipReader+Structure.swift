extension ZipReader {
    /// Checks, without inflating anything, that the archive has exactly the form ZipWriter
    /// gives it: no archive or entry comments; every record with ZipWriter's fixed version
    /// made by, flags, attributes and no extra fields but ZIP64's; acceptable, distinct, UTF-8
    /// names; each local header agreeing with its central directory record; the entries back
    /// to back from offset 0 in central directory order, the last one ending where the
    /// central directory begins. `verify()` adds the data itself (inflate, CRC-32, sizes).
    public func verifyStructure() throws(ZipError) {
        if end.commentLength != 0 {
            throw ZipError("the end of central directory record has a \(end.commentLength)-byte comment; ZipWriter writes none")
        }
        if let zip64 = end.zip64 {
            guard zip64.remainder == ZipFormat.zip64EndRemainder else {
                throw ZipError("the ZIP64 end record has \(zip64.remainder - ZipFormat.zip64EndRemainder) bytes of extensible data; ZipWriter writes none")
            }
            guard zip64.versionMadeBy == ZipFormat.versionMadeBy, zip64.versionNeeded == ZipFormat.versionNeededZip64 else {
                throw ZipError("the ZIP64 end record gives version made by \(hex16(zip64.versionMadeBy)) and version needed \(zip64.versionNeeded); ZipWriter writes \(hex16(ZipFormat.versionMadeBy)) and \(ZipFormat.versionNeededZip64)")
            }
        }
        var names = Set<String>()
        names.reserveCapacity(entries.count)
        var expectedOffset: UInt64 = 0
        for entry in entries {
            try checkFixedFields(entry)
            guard names.insert(entry.name).inserted else {
                throw ZipError(entry: entry.name, "a second entry has this name (central directory record \(entry.index + 1))")
            }
            guard entry.localHeaderOffset == expectedOffset else {
                throw ZipError(entry: entry.name, "its local header is at offset \(entry.localHeaderOffset), but the entry before it ends at \(expectedOffset)")
            }
            let local = try localHeader(entry)
            let zip64 = local.zip64 || entry.zip64ExtraLength != nil
            let needed = zip64 ? ZipFormat.versionNeededZip64 : ZipFormat.versionNeeded
            guard entry.versionNeeded == needed else {
                throw ZipError(entry: entry.name, "version needed is \(entry.versionNeeded); ZipWriter writes \(needed) for an entry \(zip64 ? "with" : "without") a ZIP64 extra field")
            }
            guard local.extraLength == (local.zip64 ? 20 : 0) else {
                throw ZipError(entry: entry.name, "its local header has a \(local.extraLength)-byte extra field; ZipWriter writes none, or a 20-byte ZIP64 one")
            }
            if entry.method == .stored, entry.compressedSize != entry.uncompressedSize {
                throw ZipError(entry: entry.name, "it is stored, but its compressed size \(entry.compressedSize) differs from its size \(entry.uncompressedSize)")
            }
            expectedOffset = local.dataOffset + entry.compressedSize
        }
        guard expectedOffset == end.directoryOffset else {
            throw ZipError("the last entry ends at offset \(expectedOffset), but the central directory begins at \(end.directoryOffset)")
        }
    }

    /// The central directory fields that ZipWriter fixes, whatever the entry.
    private func checkFixedFields(_ entry: ZipEntryInfo) throws(ZipError) {
        func fail(_ message: String) -> ZipError { ZipError(entry: entry.name, message) }
        guard entry.versionMadeBy == ZipFormat.versionMadeBy else {
            throw fail("version made by is \(hex16(entry.versionMadeBy)); ZipWriter writes \(hex16(ZipFormat.versionMadeBy)) (Unix, spec 4.5)")
        }
        guard entry.flags == ZipFormat.flags else {
            throw fail("its flags are \(hex16(entry.flags)); ZipWriter writes \(hex16(ZipFormat.flags)) (UTF-8 name, no data descriptor)")
        }
        guard entry.method != nil else { throw fail("its compression method is \(entry.methodNumber); ZipWriter writes 0 or 8") }
        guard entry.internalAttributes == 0, entry.externalAttributes == ZipFormat.externalAttributes else {
            throw fail("its attributes are internal \(hex16(entry.internalAttributes)), external \(hex32(entry.externalAttributes)); ZipWriter writes 0000 and \(hex32(ZipFormat.externalAttributes)) (a regular file, rw-r--r--)")
        }
        guard entry.commentLength == 0 else { throw fail("it has a \(entry.commentLength)-byte comment; ZipWriter writes none") }
        if let tag = entry.otherExtraTags.first {
            throw fail("its central directory record has an extra field block 0x\(String(tag, radix: 16)); ZipWriter writes only ZIP64 ones")
        }
        if let length = entry.zip64ExtraLength, length != 8 * entry.zip64Fields || entry.zip64Fields == 0 {
            throw fail("its ZIP64 extra field has \(length) bytes for \(entry.zip64Fields) deferred fields; ZipWriter writes 8 bytes per deferred field")
        }
        guard String(validating: entry.nameBytes, as: UTF8.self) != nil else { throw fail("its name is not valid UTF-8") }
        if let problem = ZipName.problem(entry.name) { throw fail(problem) }
    }
}

/// Hex of a 16-bit value, four digits.
func hex16(_ value: UInt16) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: 4 - digits.count) + digits
}
