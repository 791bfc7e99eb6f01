import Foundation
import Testing
import FolioSupport
import FolioTestSupport
@testable import FolioZip

/// ZIP64: at the real entry-count threshold, and at lowered size limits that put every size,
/// offset and count through ZIP64 records without writing 4 GiB.
@Suite struct ZipZip64Tests {
    /// 65,536 entries: one more than the end record can count. Written, read back and judged.
    static let manyEntries: (path: String, summary: ZipSummary) = {
        let path = ProcessRunner.temporaryDirectory("folio-zip64") + "/many.zip"
        do {
            let writer = try ZipWriter(path: path)
            for i in 0..<65_536 {
                try writer.add(name: name(i), modified: ZipSamples.date, data: Array("\(i)\n".utf8))
            }
            return (path, try writer.finish())
        } catch {
            Issue.record("writing 65,536 entries: \(error)")
            return (path, ZipSummary(entryCount: 0, byteCount: 0, usesZip64: false))
        }
    }()

    static func name(_ i: Int) -> String {
        let digits = String(i)
        return "e/" + String(repeating: "0", count: 5 - digits.count) + digits + ".txt"
    }

    @Test func manyEntriesGetZip64EndRecords() throws {
        let (path, summary) = Self.manyEntries
        #expect(summary.entryCount == 65_536)
        #expect(summary.usesZip64)
        let reader = try ZipReader(path: path)
        #expect(reader.entries.count == 65_536)
        #expect(reader.end.zip64 != nil)
        try reader.verify()
        #expect(try reader.read(reader.entries[65_535]) == Array("65535\n".utf8))
        #expect(reader.entries[65_535].name == "e/65535.txt")
        // Sizes and offsets are small: no entry needs a ZIP64 extra field.
        #expect(reader.entries.allSatisfy { $0.zip64ExtraLength == nil && $0.versionNeeded == 20 })
    }

    @Test(.enabled(if: ExternalTool.shouldRun("unzip"), "needs unzip"))
    func unzipTestsManyEntries() throws {
        let unzip = try #require(ExternalTool.path("unzip"))
        let result = try ProcessRunner.run([unzip, "-tq", Self.manyEntries.path])
        #expect(result.status == 0, "\(result.stdout) \(result.stderr)")
        #expect(result.stdout.contains("No errors detected"), "\(result.stdout)")
    }

    @Test(.enabled(if: ExternalTool.shouldRun("python3"), "needs python3"))
    func pythonReadsManyEntries() throws {
        let python = try #require(ExternalTool.path("python3"))
        let script = """
        import sys, zipfile
        with zipfile.ZipFile(sys.argv[1]) as z:
            names = z.namelist()
            bad = [n for i, n in enumerate(names) if z.read(n) != b"%d\\n" % i]
            print(len(names), names[0], names[-1], len(bad))
        """
        let result = try ProcessRunner.run([python, "-c", script, Self.manyEntries.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "65536 e/00000.txt e/65535.txt 0\n")
    }

    /// With the limits lowered, a count of 3 and any size or offset of 100 bytes or more
    /// overflow: local headers carry ZIP64 sizes, central records ZIP64 sizes and offsets.
    @Test func lowLimitsPutFieldsInZip64() throws {
        let (path, summary) = try ZipSamples.write(limits: ZipLimits(entryCount: 3, size: 100))
        #expect(summary.usesZip64)
        let reader = try ZipReader(path: path)
        try reader.verify()
        let noise = try #require(reader.entry(named: "attachments/noise.bin"))
        #expect(noise.zip64Fields == 3)
        #expect(noise.zip64ExtraLength == 24)
        #expect(try reader.localHeader(noise).zip64)
        let manifest = try #require(reader.entry(named: "manifest.json"))
        #expect(manifest.zip64Fields == 1, "only its offset overflows")
        #expect(try !reader.localHeader(manifest).zip64)
        #expect(manifest.versionNeeded == 45)
        let first = reader.entries[0]
        #expect(first.localHeaderOffset == 0 && first.compressedSize >= 100)
        #expect(first.zip64Fields == 2, "its sizes overflow, its offset does not")
        #expect(try reader.localHeader(first).zip64)
        for (info, sample) in zip(reader.entries, ZipSamples.entries) { #expect(try reader.read(info) == sample.data) }
    }

    /// The count at which the end records switch: one below the limit fits, the limit does not
    /// (0xFFFF itself means "see ZIP64").
    @Test func zip64StartsAtTheCountLimit() throws {
        let limits = ZipLimits(entryCount: 3, size: 0xFFFF_FFFF)
        let two = try ZipSamples.write(Array(ZipSamples.entries.prefix(2)), limits: limits)
        #expect(!two.summary.usesZip64)
        let three = try ZipSamples.write(Array(ZipSamples.entries.prefix(3)), limits: limits)
        #expect(three.summary.usesZip64)
        #expect(try ZipReader(path: two.path).end.zip64 == nil)
        #expect(try ZipReader(path: three.path).end.zip64 != nil)
        try ZipReader(path: three.path).verify()
    }
}
