import Testing
import FolioSupport
import FolioTestSupport
@testable import FolioZip

@Suite struct ZipRoundTripTests {
    @Test func entriesComeBackAsWritten() throws {
        let (path, summary) = try ZipSamples.write()
        #expect(summary.entryCount == ZipSamples.entries.count)
        #expect(summary.byteCount == FileSystem.size(path).map(UInt64.init))
        #expect(!summary.usesZip64)
        #expect(FileSystem.mode(path) == 0o600)
        let reader = try ZipReader(path: path)
        try reader.verify()
        #expect(reader.entries.map(\.name) == ZipSamples.entries.map(\.name))
        for (info, sample) in zip(reader.entries, ZipSamples.entries) {
            #expect(info.modified == sample.modified)
            #expect(info.uncompressedSize == UInt64(sample.data.count))
            #expect(try reader.read(info) == sample.data, "\(sample.name)")
        }
    }

    /// Compressible data is deflated; data deflate cannot shrink (noise, empty) is stored.
    @Test func storedWhenDeflateDoesNotShrink() throws {
        let reader = try ZipReader(path: ZipSamples.write().path)
        let methods = Dictionary(uniqueKeysWithValues: reader.entries.map { ($0.name, $0.method) })
        #expect(methods["documents/001-factura.xml"] == .deflated)
        #expect(methods["attachments/noise.bin"] == .stored)
        #expect(methods["empty.txt"] == .stored)
        let xml = try #require(reader.entry(named: "documents/001-factura.xml"))
        #expect(xml.compressedSize < xml.uncompressedSize / 4)
    }

    @Test func sameEntriesGiveIdenticalBytes() throws {
        let a = try ZipSamples.bytes(ZipSamples.write().path)
        let b = try ZipSamples.bytes(ZipSamples.write().path)
        #expect(a == b)
        // A different time changes the bytes: the caller's timestamps are what is written.
        var later = ZipSamples.entries
        later[0].modified = ZipDate(year: 2026, month: 11, day: 22, hour: 8, minute: 30, second: 16)
        #expect(try ZipSamples.bytes(ZipSamples.write(later).path) != a)
    }

    /// Every byte of a one-entry archive, as APPNOTE lays it out (computed apart from ZipWriter,
    /// with Python's struct.pack): local header, data, central record, end record. Any change
    /// to a fixed field shows here. ("hi" deflates to 4 bytes, so it is stored.)
    @Test func oneStoredEntryHasTheseExactBytes() throws {
        let path = try ZipSamples.write([SampleEntry(name: "a.txt", modified: ZipSamples.date, data: Array("hi".utf8))]).path
        let expected = "504b0304" + "1400" + "0008" + "0000" + "c743" + "765d" + "ac2a93d8" + "02000000" + "02000000"
            + "0500" + "0000" + "612e747874" + "6869"
            + "504b0102" + "2d03" + "1400" + "0008" + "0000" + "c743" + "765d" + "ac2a93d8" + "02000000" + "02000000"
            + "0500" + "0000" + "0000" + "0000" + "0000" + "0000a481" + "00000000" + "612e747874"
            + "504b0506" + "0000" + "0000" + "0100" + "0100" + "33000000" + "25000000" + "0000"
        #expect(Hex.encode(try ZipSamples.bytes(path)) == expected)
    }

    @Test func emptyArchiveIsTheEndRecordAlone() throws {
        let (path, summary) = try ZipSamples.write([])
        #expect(summary == ZipSummary(entryCount: 0, byteCount: 22, usesZip64: false))
        #expect(try ZipSamples.bytes(path) == [0x50, 0x4b, 0x05, 0x06] + [UInt8](repeating: 0, count: 18))
        let reader = try ZipReader(path: path)
        #expect(reader.entries.isEmpty)
        try reader.verify()
    }

    /// The streaming form: data written in pieces, always deflated, a ZIP64 local header.
    @Test func sinkEntriesRoundTrip() throws {
        let path = ProcessRunner.temporaryDirectory("folio-zip") + "/sink.zip"
        let writer = try ZipWriter(path: path)
        let big = (0..<200).flatMap { ZipSamples.xml($0) }
        try writer.add(name: "first.xml", modified: ZipSamples.date, data: ZipSamples.xml(7))
        try writer.add(name: "big.xml", modified: ZipSamples.date) { sink in
            for start in stride(from: 0, to: big.count, by: 10_000) {
                try sink.write(Array(big[start..<min(start + 10_000, big.count)]))
            }
        }
        try writer.add(name: "empty-stream.bin", modified: ZipSamples.date) { _ in }
        try writer.add(name: "last.bin", modified: ZipSamples.date, data: ZipSamples.noise(100))
        _ = try writer.finish()
        let reader = try ZipReader(path: path)
        try reader.verify()
        #expect(reader.entries.map(\.name) == ["first.xml", "big.xml", "empty-stream.bin", "last.bin"])
        #expect(try reader.read(reader.entries[1]) == big)
        #expect(try reader.read(reader.entries[2]) == [])
        #expect(reader.entries[1].versionNeeded == 45)
        var pieces = 0, total = 0
        try reader.read(reader.entries[1]) { piece in
            pieces += 1
            total += piece.count
        }
        #expect(total == big.count && pieces > 1)
    }

    /// An error thrown by the streaming form's body leaves a partial entry: the writer then
    /// refuses everything, so no archive is finished over it.
    @Test func failedSinkLeavesTheWriterUnusable() throws {
        struct Stop: Error {}
        let path = ProcessRunner.temporaryDirectory("folio-zip") + "/failed.zip"
        let writer = try ZipWriter(path: path)
        try writer.add(name: "a.txt", modified: ZipSamples.date, data: [1])
        #expect(throws: Stop.self) {
            try writer.add(name: "b.txt", modified: ZipSamples.date) { sink in
                try sink.write([1, 2, 3])
                throw Stop()
            }
        }
        let error = #expect(throws: ZipError.self) { try writer.finish() }
        #expect(error?.entry == "b.txt")
        #expect(error?.message.hasPrefix("the archive is incomplete") == true)
        #expect(throws: ZipError.self) { try writer.add(name: "c.txt", modified: ZipSamples.date, data: []) }
        #expect(throws: ZipError.self) { try ZipReader(path: path) }
    }

    /// An `add` or `finish` from inside a streamed entry's body would interleave two entries:
    /// refused, and the entry being streamed fails with it.
    @Test func nestedAddIsRefused() throws {
        let path = ProcessRunner.temporaryDirectory("folio-zip") + "/nested.zip"
        let writer = try ZipWriter(path: path)
        let error = #expect(throws: ZipError.self) {
            try writer.add(name: "outer.txt", modified: ZipSamples.date) { _ in
                try writer.add(name: "inner.txt", modified: ZipSamples.date, data: [1])
            }
        }
        #expect(error?.message == "an entry is being streamed: add the next one after its body returns")
        #expect(throws: ZipError.self) { try writer.finish() }
    }

    /// The streaming read hands over pieces; an error of the consumer comes back unchanged.
    @Test func consumerErrorsPassThrough() throws {
        struct Full: Error {}
        let reader = try ZipReader(path: ZipSamples.write().path)
        #expect(throws: Full.self) { try reader.read(reader.entries[0]) { _ in throw Full() } }
        // The reader is still good afterwards.
        #expect(try reader.read(reader.entries[0]) == ZipSamples.entries[0].data)
    }

    @Test func namesAreCheckedAndUnique() throws {
        let path = ProcessRunner.temporaryDirectory("folio-zip") + "/names.zip"
        let writer = try ZipWriter(path: path)
        for bad in ["", "/etc/passwd", "a/../b", "./a", "a//b", "dir/", "a\\b", "tab\there"] {
            #expect(throws: ZipError.self, "\(bad)") { try writer.add(name: bad, modified: ZipSamples.date, data: [1]) }
        }
        try writer.add(name: "a.txt", modified: ZipSamples.date, data: [1])
        let error = #expect(throws: ZipError.self) { try writer.add(name: "a.txt", modified: ZipSamples.date, data: [2]) }
        #expect(error?.description == "entry a.txt: the archive already has an entry of this name")
        // A rejected name leaves the writer usable.
        #expect(try writer.finish().entryCount == 1)
        #expect(throws: ZipError.self) { try writer.add(name: "b.txt", modified: ZipSamples.date, data: []) }
    }

    /// What the writer keeps per entry until `finish`, besides the name's bytes: 100,000
    /// entries come to about 15 MB of resident memory (measured: writing 100,000 3 KB
    /// invoices grew the resident set by 14.6 MB), whatever the entries' sizes.
    @Test func perEntryStateIsSmall() {
        #expect(MemoryLayout<ZipCentralRecord>.stride <= 56)
    }

    @Test func datesAreDOSFieldsClamped() {
        let d = ZipDate(Timestamp(rfc3339: "2026-11-22T08:30:15Z")!)
        #expect([d.year, d.month, d.day, d.hour, d.minute, d.second] == [2026, 11, 22, 8, 30, 14])
        #expect(d.description == "2026-11-22 08:30:14")
        #expect(ZipDate(Timestamp(seconds: 0)) == ZipDate(year: 1980, month: 1, day: 1, hour: 0, minute: 0, second: 0))
        let last = ZipDate(year: 2200, month: 1, day: 1, hour: 0, minute: 0, second: 0)
        #expect(last.description == "2107-12-31 23:59:58")
    }
}
