import FolioCrypto
import FolioSupport
import FolioZip

/// The manifest's fixed fields: what makes an archive a Folio export.
enum ExportManifest {
    static let format = "folio-export"
    static let version = 1
}

/// What `exports verify` found in a sound archive.
public struct ExportVerification: Sendable {
    /// The file verified, or the export id.
    public var source: String
    public var tenantId: String
    public var documents: Int
    public var files: Int
    public var sha256: String

    public var json: JSONValue {
        .object([JSONMember("source", .string(source)), JSONMember("valid", .bool(true)),
                 JSONMember("tenantId", .string(tenantId)), JSONMember("documents", .int(documents)),
                 JSONMember("files", .int(files)), JSONMember("sha256", .string(sha256))])
    }
}

extension Exports {
    /// Verifies an export archive: the ZIP's structure and every entry's CRC; the manifest's
    /// size and SHA-256 of every file, its counts and its sums (against `index.csv`); every
    /// signed XML's signature; and that the archive is exactly the bytes Folio writes for those
    /// entries (rewritten and compared), so that no byte of it, header or padding, can change
    /// unnoticed. The first failure is thrown as `signature_invalid`; a file that is not a
    /// Folio export fails `validation_failed`. `expected` is the export's row, when verified by id.
    public static func verify(path: String, source: String, expected: Export? = nil, now: Timestamp) throws(FolioError) -> ExportVerification {
        guard let digest = SHA256Stream.file(path) else { throw .validation("cannot read '\(path)'", field: "archive") }
        let sha256 = Hex.encode(digest)
        if let expected, expected.sha256 != sha256 {
            throw invalid(source, "its SHA-256 is \(sha256), not the \(expected.sha256) recorded when it was made")
        }
        let reader: ZipReader
        do throws(ZipError) { reader = try ZipReader(path: path) } catch {
            guard ExportSignatures.looksLikeZip(path) else {
                throw .validation("\(source) is not a ZIP archive, so not a Folio export", field: "archive")
            }
            throw invalid(source, error.description)
        }
        do throws(ZipError) { try reader.verifyStructure() } catch { throw invalid(source, error.description) }
        guard let manifestEntry = reader.entries.last, manifestEntry.name == "manifest.json" else {
            throw .validation("\(source) holds no manifest.json as its last entry: it is not a Folio export", field: "archive")
        }
        let manifest = try read(reader, manifestEntry, source)
        guard let parsed = try? JSONParser.parse(manifest), parsed["format"]?.stringValue == ExportManifest.format else {
            throw .validation("\(source)'s manifest.json is not a Folio export manifest", field: "archive")
        }
        var check = ExportCheck(source: source, manifest: parsed)
        try check.listed(reader.entries.dropLast())
        for entry in reader.entries.dropLast() {
            let data = try read(reader, entry, source)
            try check.file(entry.name, data, now: now)
        }
        try check.totals()
        try ExportCanonical.check(reader, source: source, sha256: sha256)
        return ExportVerification(source: source, tenantId: parsed["tenant"]?.stringValue ?? "", documents: check.documents,
                                  files: reader.entries.count, sha256: sha256)
    }

    static func read(_ reader: ZipReader, _ entry: ZipEntryInfo, _ source: String) throws(FolioError) -> [UInt8] {
        do throws(ZipError) { return try reader.read(entry) } catch { throw invalid(source, error.description) }
    }

    static func invalid(_ source: String, _ why: String) -> FolioError {
        FolioError(.signatureInvalid, "the archive \(source) does not verify: \(why)",
                   details: [JSONMember("failures", .array([.string(why)]))])
    }
}

/// The checks of one archive against its manifest, entry by entry.
struct ExportCheck {
    let source: String
    let manifest: JSONValue
    var expected: [String: (size: Int, sha256: String)] = [:]
    var documents = 0
    var rides = 0
    var xmlKeys: Set<String> = []
    var index: [[String]] = []

    init(source: String, manifest: JSONValue) {
        self.source = source
        self.manifest = manifest
    }

    /// The manifest lists exactly the archive's other entries, in their order.
    mutating func listed(_ entries: ArraySlice<ZipEntryInfo>) throws(FolioError) {
        guard case .array(let files)? = manifest["files"] else { throw fail("manifest.json lists no files") }
        guard files.count == entries.count else {
            throw fail("manifest.json lists \(files.count) files; the archive holds \(entries.count) besides it")
        }
        for (file, entry) in zip(files, entries) {
            guard let name = file["name"]?.stringValue, name == entry.name,
                  let size = file["size"].flatMap(Self.int), let sha = file["sha256"]?.stringValue else {
                throw fail("manifest.json does not list \(entry.name) where the archive has it")
            }
            expected[name] = (size, sha)
        }
    }

    mutating func file(_ name: String, _ data: [UInt8], now: Timestamp) throws(FolioError) {
        guard let want = expected[name] else { throw fail("\(name) is not in manifest.json") }
        guard data.count == want.size else { throw fail("\(name) has \(data.count) bytes; manifest.json says \(want.size)") }
        guard Hex.encode(Digest.sha256(data)) == want.sha256 else { throw fail("\(name)'s SHA-256 is not the manifest's") }
        if name.hasPrefix("documents/") && name.hasSuffix(".xml") {
            documents += 1
            xmlKeys.insert(String(name.dropFirst("documents/".count).dropLast(4)))
            let report = Documents.verify(data, source: name, now: now)
            guard report.valid else { throw fail("the signature of \(name) does not verify: " + report.failures.joined(separator: "; ")) }
        } else if name.hasPrefix("ride/") {
            rides += 1
        } else if name == "index.csv" {
            let text = String(decoding: data, as: UTF8.self)
            index = text.split(separator: "\r\n").dropFirst().map { ExportCSV.cells($0) }
        }
    }

    /// Counts and sums of the manifest against the entries and the index.
    func totals() throws(FolioError) {
        let counts = manifest["counts"]
        guard counts?["documents"].flatMap(Self.int) == documents, counts?["ride"].flatMap(Self.int) == rides,
              counts?["files"].flatMap(Self.int) == expected.count else {
            throw fail("the counts of manifest.json are not those of the archive (\(documents) documents, \(rides) RIDEs, \(expected.count) files)")
        }
        guard index.count == documents, Set(index.map { $0.first ?? "" }) == xmlKeys else {
            throw fail("index.csv does not list exactly the archive's \(documents) documents")
        }
        var sums = [ExactDecimal.zero, .zero, .zero]
        for row in index {
            guard row.count == 10 else { throw fail("a row of index.csv does not have 10 cells") }
            for (i, column) in [6, 7, 8].enumerated() {
                guard let amount = try? ExactDecimal(parsing: row[column]), let sum = try? sums[i] + amount else {
                    throw fail("index.csv has an amount that is not a decimal: '\(row[column])'")
                }
                sums[i] = sum
            }
        }
        for (i, key) in ["subtotal", "tax", "total"].enumerated() {
            let stated = manifest["sums"]?[key]?.stringValue.flatMap { try? ExactDecimal(parsing: $0) }
            guard stated == sums[i] else { throw fail("manifest.json's \(key) is not the sum of index.csv's (\(sums[i]))") }
        }
    }

    static func int(_ value: JSONValue) -> Int? {
        if case .number(let text) = value { return Int(text) }
        return nil
    }

    func fail(_ why: String) -> FolioError { Exports.invalid(source, why) }
}
