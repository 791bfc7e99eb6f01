import FolioSupport
import FolioTestSupport
@testable import FolioZip

/// What the tests write: a name, a time and bytes.
struct SampleEntry {
    var name: String
    var modified: ZipDate
    var data: [UInt8]
}

enum ZipSamples {
    static let date = ZipDate(year: 2026, month: 11, day: 22, hour: 8, minute: 30, second: 14)

    /// Bytes that deflate cannot shrink, the same on every run (an LCG: not for secrets).
    static func noise(_ count: Int, seed: UInt64 = 42) -> [UInt8] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 33)
        }
    }

    static func xml(_ number: Int) -> [UInt8] {
        Array(("<?xml version=\"1.0\"?><factura id=\"comprobante\"><numero>\(number)</numero>"
            + String(repeating: "<detalle><descripcion>Servicio de consultoría</descripcion></detalle>", count: 40)
            + "</factura>").utf8)
    }

    /// A mixed set: compressible XML, incompressible noise, an empty entry, a non-ASCII name.
    static let entries: [SampleEntry] = [
        SampleEntry(name: "documents/001-factura.xml", modified: date, data: xml(1)),
        SampleEntry(name: "documents/002-factura-ñandú.xml", modified: ZipDate(year: 2025, month: 1, day: 31, hour: 23, minute: 59, second: 58), data: xml(2)),
        SampleEntry(name: "attachments/noise.bin", modified: date, data: noise(5000)),
        SampleEntry(name: "empty.txt", modified: date, data: []),
        SampleEntry(name: "manifest.json", modified: date, data: Array("{\"count\":3}\n".utf8)),
    ]

    /// Writes `entries` to a new archive in a fresh directory; returns its path and summary.
    static func write(_ entries: [SampleEntry] = entries, limits: ZipLimits = .standard,
                      in directory: String = ProcessRunner.temporaryDirectory("folio-zip")) throws -> (path: String, summary: ZipSummary) {
        let path = directory + "/archive.zip"
        let writer = try ZipWriter(path: path, limits: limits)
        for entry in entries { try writer.add(name: entry.name, modified: entry.modified, data: entry.data) }
        return (path, try writer.finish())
    }

    static func bytes(_ path: String) throws -> [UInt8] {
        try FileSystem.readFile(path, limit: 1 << 30)
    }
}
