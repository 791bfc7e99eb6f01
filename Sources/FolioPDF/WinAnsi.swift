/// Text for the standard 14 fonts with `/Encoding /WinAnsiEncoding`: one byte a character, which
/// covers Spanish (á é í ó ú ñ Ñ ü ¿ ¡) and the Latin-1 range. A character outside it prints as
/// `?`, so that the reader sees that something is missing rather than nothing; a control
/// character (tab, line break) prints as a space.
public enum WinAnsi {
    /// The WinAnsi bytes of `text`.
    public static func encode(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            let v = scalar.value
            switch v {
            case 32...126, 160...255: bytes.append(UInt8(v))
            case 0..<32, 127...159: bytes.append(32)
            // Combining accents (text in decomposed form): the base letter is kept as it is.
            case 0x300...0x36F: continue
            default: bytes.append(upper[v] ?? UInt8(ascii: "?"))
            }
        }
        return bytes
    }

    /// The characters WinAnsi puts at 128–159 (PDF 32000-1, Annex D).
    static let upper: [UInt32: UInt8] = [
        0x20AC: 128, 0x201A: 130, 0x0192: 131, 0x201E: 132, 0x2026: 133, 0x2020: 134, 0x2021: 135, 0x02C6: 136,
        0x2030: 137, 0x0160: 138, 0x2039: 139, 0x0152: 140, 0x017D: 142, 0x2018: 145, 0x2019: 146, 0x201C: 147,
        0x201D: 148, 0x2022: 149, 0x2013: 150, 0x2014: 151, 0x02DC: 152, 0x2122: 153, 0x0161: 154, 0x203A: 155,
        0x0153: 156, 0x017E: 158, 0x0178: 159,
    ]

    /// `bytes` as a PDF literal string, parentheses included: `(`, `)` and `\` are escaped, and
    /// bytes outside printable ASCII are written as octal escapes, so the file stays ASCII and
    /// no byte can end the string or the line early.
    public static func literal(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        appendLiteral(bytes, to: &out)
        return out
    }

    static func appendLiteral(_ bytes: [UInt8], to out: inout [UInt8]) {
        out.append(UInt8(ascii: "("))
        for b in bytes {
            switch b {
            case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "\\"):
                out.append(UInt8(ascii: "\\"))
                out.append(b)
            case 32...126: out.append(b)
            default:
                out.append(UInt8(ascii: "\\"))
                out.append(UInt8(ascii: "0") + (b >> 6))
                out.append(UInt8(ascii: "0") + ((b >> 3) & 7))
                out.append(UInt8(ascii: "0") + (b & 7))
            }
        }
        out.append(UInt8(ascii: ")"))
    }

    /// The text of WinAnsi `bytes` (for tests and titles).
    public static func decode(_ bytes: [UInt8]) -> String {
        var text = String.UnicodeScalarView()
        for b in bytes {
            if let scalar = (b >= 128 && b < 160 ? lower[b] : UInt32(b)).flatMap(Unicode.Scalar.init) { text.append(scalar) }
        }
        return String(text)
    }

    static let lower: [UInt8: UInt32] = {
        var map: [UInt8: UInt32] = [:]
        for (scalar, byte) in upper { map[byte] = scalar }
        return map
    }()
}
