import FolioCrypto
import FolioSupport
import FolioZip

/// What an archive holds, as its manifest and the export's row record it.
struct ExportTally {
    var documents = 0
    var rides = 0
    var subtotal = ExactDecimal.zero
    var tax = ExactDecimal.zero
    var total = ExactDecimal.zero
    /// The newest document's creation time: the date of `index.csv` and `manifest.json`.
    var newest: Timestamp?

    /// Adds one document's amounts, exactly.
    mutating func add(_ document: StoredDocument) throws(FolioError) {
        do throws(ExactDecimalError) {
            subtotal = try subtotal + ExactDecimal(parsing: document.summary["subtotal"]?.stringValue ?? "0")
            tax = try tax + ExactDecimal(parsing: document.summary["totalTax"]?.stringValue ?? "0")
            total = try total + ExactDecimal(parsing: document.total)
        } catch {
            throw .server("document \(document.id) has amounts that cannot be summed: \(error)")
        }
        documents += 1
        newest = max(newest ?? document.createdAt, document.createdAt)
    }

    func money(_ amount: ExactDecimal) -> String { (try? amount.formatted(places: 2)) ?? amount.description }
}

/// Writes an export archive, streaming: documents are read one at a time by id (in access-key
/// order) from the read transaction the caller holds, so the set is one snapshot and memory
/// holds one document, the index and the manifest's lines, never the documents.
///
/// Entries, in this order: `documents/<accessKey>.xml` (the stored bytes), then with the RIDE
/// `ride/<accessKey>.pdf`, each by access key; `index.csv`; `manifest.json` last, which lists
/// every entry before it with its size and SHA-256. Each document's entries are dated by its
/// creation time; the index and manifest by the newest document's (1980-01-01 when there is
/// none). Nothing depends on the host, the time or the export id: the same documents and
/// filters give the same bytes.
struct ExportArchiveWriter {
    static let emptyArchiveDate = ZipDate(year: 1980, month: 1, day: 1, hour: 0, minute: 0, second: 0)
    static let indexHeader = "access_key,issue_date,type,number,counterparty_id,counterparty_name,subtotal,tax,total,status\r\n"

    let writer: ZipWriter
    let pipeline: ZipPipeline
    var tally = ExportTally()
    var index: [UInt8] = Array(indexHeader.utf8)
    /// Each entry's size and SHA-256 (40 bytes, in entry order) until the manifest is written:
    /// its lines are made once, at the end, from these and the entries' names.
    var digests: [UInt8] = []
    var fileCount = 0

    init(path: String, documents: Int) throws(FolioError) {
        do throws(ZipError) { writer = try ZipWriter(path: path) } catch {
            throw .server("cannot write the archive \(path): \(error.message)")
        }
        pipeline = ZipPipeline(writer: writer)
        index.reserveCapacity(documents * 160)
        digests.reserveCapacity(documents * 2 * 40)
    }

    /// Queues an entry; its size and digest are kept for the manifest.
    mutating func add(_ name: String, _ data: [UInt8], modified: ZipDate) throws(FolioError) {
        var size = UInt64(data.count)
        withUnsafeBytes(of: &size) { digests.append(contentsOf: $0) }
        digests.append(contentsOf: Digest.sha256(data))
        fileCount += 1
        pipeline.add(ZipPipeline.Entry(name: name, modified: modified, data: data))
    }

    static func failure(_ error: ZipError) -> FolioError {
        .server("cannot write \(error.entry ?? "the archive"): \(error.message)")
    }

    /// `documents/<accessKey>.xml` and its row of the index.
    mutating func addDocument(_ document: StoredDocument, xml: [UInt8]) throws(FolioError) {
        try add("documents/\(document.accessKey).xml", xml, modified: ZipDate(document.createdAt))
        try tally.add(document)
        let row = [document.accessKey, document.issueDate, document.documentType, document.number,
                   document.summary["buyer"]?["identification"]?.stringValue ?? "", document.buyerName,
                   document.summary["subtotal"]?.stringValue ?? "", document.summary["totalTax"]?.stringValue ?? "",
                   document.total, document.status.rawValue]
        index += Array((row.map(ExportCSV.cell).joined(separator: ",") + "\r\n").utf8)
    }

    mutating func addRide(_ document: StoredDocument, pdf: [UInt8]) throws(FolioError) {
        try add("ride/\(document.accessKey).pdf", pdf, modified: ZipDate(document.createdAt))
        tally.rides += 1
    }

    /// Writes the index and the manifest (`name(i)` is the name of entry `i`), then the
    /// central directory.
    mutating func finish(manifestHead: [JSONMember], name: (Int) -> String) throws(FolioError) {
        let date = tally.newest.map(ZipDate.init) ?? Self.emptyArchiveDate
        try add("index.csv", index, modified: date)
        index = []
        pipeline.close()
        if let failure = pipeline.failure { throw Self.failure(failure) }
        var head = manifestHead
        head.append(JSONMember("counts", .object([
            JSONMember("documents", .int(tally.documents)), JSONMember("ride", .int(tally.rides)),
            JSONMember("files", .int(fileCount)),
        ])))
        head.append(JSONMember("sums", .object([
            JSONMember("subtotal", .string(tally.money(tally.subtotal))), JSONMember("tax", .string(tally.money(tally.tax))),
            JSONMember("total", .string(tally.money(tally.total))),
        ])))
        var manifest = Array("{\n".utf8)
        manifest.reserveCapacity(fileCount * 150 + 2048)
        for member in head {
            manifest += Array("  \(JSONValue.string(member.key).compactText()): \(member.value.compactText()),\n".utf8)
        }
        manifest += Array("  \"files\": [\n".utf8)
        for i in 0..<fileCount {
            let entryName = i == fileCount - 1 ? "index.csv" : name(i)
            let base = i * 40
            var size: UInt64 = 0
            withUnsafeMutableBytes(of: &size) { $0.copyBytes(from: digests[base..<base + 8]) }
            // Names are ASCII Folio makes (digits, letters, `/`, `.`): no JSON escaping needed.
            manifest += Array("    {\"name\": \"\(entryName)\", \"size\": \(size), \"sha256\": \"".utf8)
            manifest += Array(Hex.encode(Array(digests[base + 8..<base + 40])).utf8)
            manifest += Array((i == fileCount - 1 ? "\"}\n" : "\"},\n").utf8)
        }
        manifest += Array("  ]\n}\n".utf8)
        digests = []
        do throws(ZipError) {
            try writer.add(name: "manifest.json", modified: date, data: manifest)
            _ = try writer.finish()
        } catch { throw Self.failure(error) }
        fileCount += 1
    }
}

/// RFC 4180 cells for `index.csv`, neutralised as `-o csv` is (OWASP): a cell a spreadsheet
/// would run as a formula gets a leading `'`.
enum ExportCSV {
    static func cell(_ text: String) -> String {
        var value = text
        if let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingAll("\"", with: "\"\"") + "\""
    }

    /// The cells of one line Folio wrote (quoted cells may hold commas and doubled quotes).
    static func cells(_ line: Substring) -> [String] {
        var cells: [String] = []
        var current = ""
        var quoted = false
        var chars = line.makeIterator()
        while let c = chars.next() {
            if quoted {
                if c == "\"" {
                    if let next = chars.next() {
                        if next == "\"" { current.append("\"") } else {
                            quoted = false
                            if next == "," { cells.append(current); current = "" } else { current.append(next) }
                        }
                    } else { quoted = false }
                } else { current.append(c) }
            } else if c == "\"" { quoted = true }
            else if c == "," { cells.append(current); current = "" }
            else { current.append(c) }
        }
        cells.append(current)
        return cells
    }
}
