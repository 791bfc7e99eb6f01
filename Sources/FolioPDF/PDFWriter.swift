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
        out.bytes.reserveCapacity(pages.reduce(2048) { $0 + $1.content.count + 256 })
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

/// 128 bits from two multiply-xorshift lanes over 8-byte words (FNV-1a's constants, a word at a
/// time, the tail zero-padded, the length mixed in): an identifier for the file's `/ID` derived
/// from the content, so it is stable; not a security measure.
struct ContentHash {
    var a: UInt64 = 0xcbf2_9ce4_8422_2325
    var b: UInt64 = 0x6c62_272e_07bb_0142

    mutating func add(_ bytes: [UInt8]) {
        var a = self.a, b = self.b
        bytes.withUnsafeBytes { raw in
            let words = raw.count / 8
            for i in 0..<words {
                let w = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self))
                a = (a ^ w) &* 0x0000_0100_0000_01b3
                a ^= a >> 29
                b = (b ^ w ^ 0x5a5a_5a5a_5a5a_5a5a) &* 0x9e37_79b9_7f4a_7c15
                b ^= b >> 31
            }
            var tail: UInt64 = UInt64(raw.count)
            for i in (words * 8)..<raw.count { tail = (tail << 8) | UInt64(raw[i]) }
            a = (a ^ tail) &* 0x0000_0100_0000_01b3
            b = (b ^ tail) &* 0x9e37_79b9_7f4a_7c15
        }
        self.a = a
        self.b = b
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
