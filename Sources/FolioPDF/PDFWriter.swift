/// Writes a PDF 1.4 file of pages drawn with `PDFPage`: the catalog, the page tree, the two
/// standard fonts (Helvetica and Helvetica-Bold, WinAnsi, not embedded: every viewer has them),
/// an Info dictionary with a title and no dates, one uncompressed content stream per page, and a
/// cross-reference table with each object's exact byte offset. The trailer's `/ID` is a hash of
/// the content, so the same pages give the same bytes, whenever and wherever they are written.
public enum PDFWriter {
    /// A4 in points.
    public static let a4 = (width: 595.28, height: 841.89)

    public static func document(pages: [PDFPage], title: String, width: Double = a4.width,
                                height: Double = a4.height) -> [UInt8] {
        var out = PDFBytes()
        out.append("%PDF-1.4\n%")
        out.bytes += [0xE2, 0xE3, 0xCF, 0xD3] // marks the file as binary for transfer programs
        out.append("\n")
        var offsets: [Int] = []
        func object(_ body: [UInt8]) {
            offsets.append(out.bytes.count)
            out.append("\(offsets.count) 0 obj\n")
            out.bytes += body
            out.append("\nendobj\n")
        }
        let firstPage = 6
        let kids = pages.indices.map { "\(firstPage + 2 * $0) 0 R" }.joined(separator: " ")
        object(Array("<< /Type /Catalog /Pages 2 0 R >>".utf8))
        object(Array("<< /Type /Pages /Kids [\(kids)] /Count \(pages.count) >>".utf8))
        object(Array("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".utf8))
        object(Array("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>".utf8))
        object(Array("<< /Title ".utf8) + WinAnsi.literal(WinAnsi.encode(title)) + Array(" /Producer (Folio) >>".utf8))
        let box = "[0 0 \(PDFPage.number(width)) \(PDFPage.number(height))]"
        var hash = ContentHash()
        for (index, page) in pages.enumerated() {
            object(Array(("<< /Type /Page /Parent 2 0 R /MediaBox \(box) /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> "
                          + "/Contents \(firstPage + 2 * index + 1) 0 R >>").utf8))
            hash.add(page.content)
            object(Array("<< /Length \(page.content.count) >>\nstream\n".utf8) + page.content + Array("\nendstream".utf8))
        }
        let xref = out.bytes.count
        out.append("xref\n0 \(offsets.count + 1)\n0000000000 65535 f \n")
        for offset in offsets { out.append(padded(offset) + " 00000 n \n") }
        hash.add(Array(title.utf8))
        let id = hash.hex
        out.append("trailer\n<< /Size \(offsets.count + 1) /Root 1 0 R /Info 5 0 R /ID [<\(id)> <\(id)>] >>\n")
        out.append("startxref\n\(xref)\n%%EOF\n")
        return out.bytes
    }

    /// A cross-reference offset: 10 digits, zero-padded.
    static func padded(_ n: Int) -> String {
        let digits = String(n)
        return String(repeating: "0", count: max(0, 10 - digits.count)) + digits
    }
}

/// A growing byte buffer that takes ASCII strings.
struct PDFBytes {
    var bytes: [UInt8] = []
    mutating func append(_ s: String) { bytes += s.utf8 }
}

/// 128 bits of FNV-1a (two 64-bit lanes with different offsets): an identifier for the file's
/// `/ID`, derived from the content so it is stable; not a security measure.
struct ContentHash {
    var a: UInt64 = 0xcbf2_9ce4_8422_2325
    var b: UInt64 = 0x6c62_272e_07bb_0142

    mutating func add(_ bytes: [UInt8]) {
        for byte in bytes {
            a = (a ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            b = (b ^ UInt64(byte ^ 0x5a)) &* 0x0000_0100_0000_01b3
        }
    }

    var hex: String {
        let digits = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        for lane in [a, b] {
            for shift in stride(from: 60, through: 0, by: -4) { out.append(digits[Int((lane >> UInt64(shift)) & 0xF)]) }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
