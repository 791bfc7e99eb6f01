/// Writes a ZIP archive to a file, one entry at a time, in a form that depends only on what it
/// is given: entries in the order added (callers sort), the caller's timestamps, fixed
/// attributes and zlib settings, no host fields and no extra fields but ZIP64's. Memory stays
/// flat as the archive grows: an entry's data goes to the file when it is added; only its
/// central directory record (about a hundred bytes) waits for `finish`.
///
/// ZIP64 records appear only when needed: an entry or offset at 4 GiB or more gets a ZIP64
/// extra field; 65,535 entries or more, or a central directory beyond 4 GiB, get the ZIP64
/// end records.
///
/// An archive is complete only after `finish`; one whose writer failed or was dropped before
/// is a truncated file that ZipReader rejects.
public final class ZipWriter {
    private let output: ZipOutputFile
    private let limits: ZipLimits
    private var deflater: Deflater?
    private var records: [ZipCentralRecord] = []
    /// Every entry's name, back to back (see ZipCentralRecord), and their hashes for spotting
    /// a repeated name without a set of strings.
    private var names: [UInt8] = []
    private var nameHashes: Set<Int> = []
    private var failure: ZipError?
    private var finished = false
    /// Set while a streamed entry's body runs: an `add` from inside it would interleave two
    /// entries' bytes.
    private var streaming = false

    /// Creates or truncates `path` (mode 0600).
    public convenience init(path: String) throws(ZipError) {
        try self.init(path: path, limits: .standard)
    }

    /// Tests pass lower limits to get ZIP64 records from small archives.
    init(path: String, limits: ZipLimits) throws(ZipError) {
        output = try ZipOutputFile(path: path)
        self.limits = limits
    }

    /// Adds an entry holding `data`: deflated, or stored when deflate does not make it smaller.
    public func add(name: String, modified: ZipDate, data: [UInt8]) throws(ZipError) {
        try checkOpen()
        let nameBytes = try checkName(name)
        let deflater = try makeDeflater()
        deflater.reset()
        var compressed: [UInt8] = []
        var crc = ZipCRC32()
        try withBytes(data) { (raw) throws(ZipError) in
            crc.update(raw)
            try deflater.deflate(raw, finish: true) { (piece) throws(ZipError) in compressed += piece }
        }
        let stored = compressed.count >= data.count
        let body = stored ? data : compressed
        let fits = UInt64(data.count) < limits.size && UInt64(body.count) < limits.size
        let record = ZipCentralRecord(
            nameStart: names.count, nameLength: UInt16(nameBytes.count), modified: modified,
            method: stored ? .stored : .deflated, crc: crc.value,
            compressedSize: UInt64(body.count), uncompressedSize: UInt64(data.count), offset: output.position,
            localZip64: !fits)
        try writing { () throws(ZipError) in
            try output.write(record.localHeader(name: nameBytes[...], limits))
            try output.write(body)
        }
        records.append(record)
        names += nameBytes
    }

    /// Adds an entry whose data `compressing` writes to the sink piece by piece, for entries
    /// too large to hold: always deflated, and its local header always carries a ZIP64 extra
    /// field (its sizes are not known when it is written; they are patched in afterwards).
    /// An error thrown by `compressing` leaves the archive unfinishable.
    public func add(name: String, modified: ZipDate, compressing: (ZipEntrySink) throws -> Void) throws {
        try checkOpen()
        let nameBytes = try checkName(name)
        let deflater = try makeDeflater()
        deflater.reset()
        streaming = true
        defer { streaming = false }
        var record = ZipCentralRecord(
            nameStart: names.count, nameLength: UInt16(nameBytes.count), modified: modified, method: .deflated, crc: 0,
            compressedSize: 0, uncompressedSize: 0, offset: output.position, localZip64: true)
        let sink = ZipEntrySink(deflater: deflater, output: output)
        do {
            try output.write(record.localHeader(name: nameBytes[...], limits))
            try compressing(sink)
            try sink.close()
            record.crc = sink.crc.value
            record.compressedSize = sink.compressedSize
            record.uncompressedSize = sink.uncompressedSize
            // Rewrite the whole header: same length, now with the CRC and both sizes.
            try output.patch(record.localHeader(name: nameBytes[...], limits), at: record.offset)
        } catch {
            sink.isClosed = true
            failure = (error as? ZipError).map { ZipError(entry: name, "the archive is incomplete: \($0.description)") }
                ?? ZipError(entry: name, "the archive is incomplete: the entry's writer failed (\(error))")
            throw error
        }
        records.append(record)
        names += nameBytes
    }

    /// Writes the central directory and the end records (ZIP64 ones when needed), fsyncs and
    /// closes the file.
    public func finish() throws(ZipError) -> ZipSummary {
        try checkOpen()
        finished = true
        var zip64 = false
        try writing { () throws(ZipError) in
            let directoryOffset = output.position
            for r in records { try output.write(r.centralHeader(name: names[r.nameStart..<r.nameStart + Int(r.nameLength)], limits)) }
            let directorySize = output.position - directoryOffset
            let count = UInt64(records.count)
            zip64 = count >= limits.entryCount || directorySize >= limits.size || directoryOffset >= limits.size
            var end = ZipBytes(capacity: 100)
            if zip64 {
                let zip64EndOffset = output.position
                end.u32(ZipFormat.zip64EndSignature)
                end.u64(ZipFormat.zip64EndRemainder)
                end.u16(ZipFormat.versionMadeBy)
                end.u16(ZipFormat.versionNeededZip64)
                end.u32(0)                      // this disk
                end.u32(0)                      // the disk where the central directory starts
                end.u64(count)                  // entries on this disk
                end.u64(count)                  // entries in all
                end.u64(directorySize)
                end.u64(directoryOffset)
                end.u32(ZipFormat.zip64LocatorSignature)
                end.u32(0)                      // the disk of the ZIP64 end record
                end.u64(zip64EndOffset)
                end.u32(1)                      // disks in all
            }
            let count16 = count >= limits.entryCount ? 0xFFFF : UInt16(count)
            end.u32(ZipFormat.endSignature)
            end.u16(0)
            end.u16(0)
            end.u16(count16)
            end.u16(count16)
            end.u32(directorySize >= limits.size ? 0xFFFF_FFFF : UInt32(directorySize))
            end.u32(directoryOffset >= limits.size ? 0xFFFF_FFFF : UInt32(directoryOffset))
            end.u16(0)                          // no comment
            try output.write(end.bytes)
            try output.close()
        }
        return ZipSummary(entryCount: records.count, byteCount: output.position, usesZip64: zip64)
    }

    private func makeDeflater() throws(ZipError) -> Deflater {
        if let deflater { return deflater }
        let made = try Deflater()
        deflater = made
        return made
    }

    private func checkOpen() throws(ZipError) {
        if let failure { throw failure }
        if streaming { throw ZipError("an entry is being streamed: add the next one after its body returns") }
        if finished { throw ZipError("the archive is already finished") }
    }

    /// The name's bytes, once it is known to be acceptable and new.
    private func checkName(_ name: String) throws(ZipError) -> [UInt8] {
        if let problem = ZipName.problem(name) { throw ZipError(entry: name, problem) }
        let bytes = Array(name.utf8)
        // A hash seen before is usually a repeated name; only then are the names compared.
        if !nameHashes.insert(bytes.hashValue).inserted,
           records.contains(where: { names[$0.nameStart..<$0.nameStart + Int($0.nameLength)].elementsEqual(bytes) }) {
            throw ZipError(entry: name, "the archive already has an entry of this name")
        }
        return bytes
    }

    /// Runs a write; a failure leaves a partial archive, so every later call reports it.
    private func writing(_ body: () throws(ZipError) -> Void) throws(ZipError) {
        do {
            try body()
        } catch {
            failure = ZipError(entry: error.entry, "the archive is incomplete: \(error.message)")
            throw error
        }
    }
}
