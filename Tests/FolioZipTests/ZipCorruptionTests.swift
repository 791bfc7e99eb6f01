import Foundation
import Testing
import FolioSupport
import FolioTestSupport
@testable import FolioZip

/// A damaged archive never verifies: every byte flipped, every truncation, each caught with a
/// message that says where.
@Suite struct ZipCorruptionTests {
    /// Opens and fully verifies `bytes` written to a file; the error, or nil when it passes.
    static func verdict(_ bytes: [UInt8], in directory: String) -> ZipError? {
        let path = directory + "/damaged.zip"
        do {
            // No fsync (FileSystem.write's): thousands of these files are read once and dropped.
            try Data(bytes).write(to: URL(fileURLWithPath: path))
        } catch {
            Issue.record("cannot write \(path): \(error)")
            return nil
        }
        return verdict(path)
    }

    /// Opens and fully verifies the archive at `path`; the error, or nil when it passes.
    static func verdict(_ path: String) -> ZipError? {
        do {
            let reader = try ZipReader(path: path)
            try reader.verify()
            for entry in reader.entries { _ = try reader.read(entry) }
            return nil
        } catch {
            return error
        }
    }

    static func layouts() throws -> [(label: String, bytes: [UInt8])] {
        try ZipExternalToolTests.archives().map { ($0.label, try ZipSamples.bytes($0.path)) }
    }

    /// Every single byte of the archive, inverted, makes verification fail: data (CRC-32 or
    /// inflate), local headers and central records (compared with each other and with
    /// ZipWriter's fixed fields), end records (offsets and counts cross-checked).
    @Test func everyFlippedByteIsCaught() throws {
        let directory = ProcessRunner.temporaryDirectory("folio-zip-flip")
        for (label, original) in try Self.layouts() {
            // One file, damaged and repaired in place: thousands of new files would cost more
            // than the checks.
            let path = directory + "/\(label).zip"
            try Data(original).write(to: URL(fileURLWithPath: path))
            #expect(Self.verdict(path) == nil, "\(label) must verify before damage")
            let fd = open(path, O_WRONLY)
            defer { close(fd) }
            for position in original.indices {
                var byte = original[position] ^ 0xFF
                pwrite(fd, &byte, 1, off_t(position))
                #expect(Self.verdict(path) != nil, "\(label): byte \(position) of \(original.count) flipped went unnoticed")
                byte = original[position]
                pwrite(fd, &byte, 1, off_t(position))
            }
        }
    }

    /// A single low bit, at chosen places in each region, with the message expected there.
    @Test func flippedBitsAreReportedPrecisely() throws {
        let directory = ProcessRunner.temporaryDirectory("folio-zip-flip")
        let original = try ZipSamples.bytes(ZipSamples.write().path)
        let reader = try ZipReader(path: ZipSamples.write().path)
        let xml = reader.entries[0], noise = reader.entries[2]
        let noiseData = Int(noise.localHeaderOffset) + 30 + noise.nameBytes.count
        let centralFirst = Int(reader.end.directoryOffset)
        let cases: [(position: Int, entry: String?, message: String)] = [
            // The stored entry's data: only the CRC can tell.
            (noiseData + 1000, noise.name, "CRC-32 is \(hex32(noise.crc32)) but the data gives"),
            // The local header's modification time (offset 10), CRC (14), name (30).
            (Int(xml.localHeaderOffset) + 10, xml.name, "its local header (offset 0) gives modification time"),
            (Int(xml.localHeaderOffset) + 14, xml.name, "its local header (offset 0) gives CRC-32"),
            (Int(xml.localHeaderOffset) + 30, xml.name, "its local header (offset 0) gives name"),
            // The central record's version made by (4), external attributes (38), offset (42).
            (centralFirst + 4, xml.name, "version made by is"),
            (centralFirst + 38, xml.name, "its attributes are"),
            (centralFirst + 42, xml.name, "its local header is at offset 1, but the entry before it ends at 0"),
            // The end record's entry count (10): it no longer matches the count on this disk.
            (original.count - 12, nil, "the end of central directory record (offset \(original.count - 22)) counts"),
        ]
        for (position, entry, message) in cases {
            var damaged = original
            damaged[position] ^= 0x01
            let error = Self.verdict(damaged, in: directory)
            #expect(error?.entry == entry, "byte \(position): \(String(describing: error))")
            #expect(error?.message.hasPrefix(message) == true, "byte \(position): \(String(describing: error))")
        }
    }

    /// The deflated entry's data damaged: zlib or the CRC says so, naming the entry.
    @Test func damagedDeflateDataNamesTheEntry() throws {
        let directory = ProcessRunner.temporaryDirectory("folio-zip-flip")
        let path = try ZipSamples.write().path
        let original = try ZipSamples.bytes(path)
        let xml = try ZipReader(path: path).entries[0]
        let start = Int(xml.localHeaderOffset) + 30 + xml.nameBytes.count
        for position in stride(from: start, to: start + Int(xml.compressedSize), by: 7) {
            var damaged = original
            damaged[position] ^= 0x10
            let error = Self.verdict(damaged, in: directory)
            #expect(error?.entry == xml.name, "byte \(position): \(String(describing: error))")
            let message = error?.message ?? ""
            #expect(message.hasPrefix("CRC-32 is") || message.hasPrefix("the deflated data is damaged")
                    || message.hasPrefix("the data is") || message.hasPrefix("the deflate stream"), "byte \(position): \(message)")
        }
    }

    /// Every proper prefix of the archive (a copy cut short) fails to open or to verify.
    @Test func everyTruncationIsCaught() throws {
        let directory = ProcessRunner.temporaryDirectory("folio-zip-cut")
        for (label, original) in try Self.layouts() {
            let path = directory + "/\(label).zip"
            try Data(original).write(to: URL(fileURLWithPath: path))
            for length in (0..<original.count).reversed() {
                truncate(path, off_t(length))
                #expect(Self.verdict(path) != nil, "\(label): \(length) of \(original.count) bytes verified")
            }
        }
        let cut = try ZipSamples.bytes(ZipSamples.write().path).dropLast(1)
        #expect(Self.verdict(Array(cut), in: directory)?.message
                == "no end of central directory record at the end of the file: the archive is truncated or is not a ZIP archive")
        #expect(Self.verdict([1, 2, 3], in: directory)?.message
                == "not a ZIP archive: the file has 3 bytes, fewer than the 22 of an end of central directory record")
    }

    /// Bytes appended after the end record (or prepended) are not the archive ZipWriter wrote.
    @Test func extraBytesAreCaught() throws {
        let directory = ProcessRunner.temporaryDirectory("folio-zip-extra")
        let original = try ZipSamples.bytes(ZipSamples.write().path)
        #expect(Self.verdict(original + [0], in: directory) != nil)
        #expect(Self.verdict([0] + original, in: directory) != nil)
    }
}
