/// Which characters free text (names, labels, reasons, addresses, invoice texts) may not hold,
/// because printed they would act on the reader instead of being read: C0 controls (an escape
/// sequence rewrites a terminal; a tab or line break forges a row or a log line), DEL, C1
/// controls (U+0080–U+009F: CSI and OSC on terminals that take 8-bit controls), the line and
/// paragraph separators U+2028/U+2029 (line breaks to JavaScript and some viewers), the bidi
/// embeddings and overrides U+202A–U+202E and isolates U+2066–U+2069 ("Trojan Source": text
/// displayed in another order than it is stored), and the noncharacters U+FFFE/U+FFFF.
///
/// The same rule, applied the other way, makes such characters visible in messages that quote
/// input (`visible(_:)`), so that a value refused for holding one cannot act through the error.
public enum FreeTextRule {
    /// Whether `scalar` is refused in free text.
    @inlinable
    public static func refuses(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x20 || (0x7F...0x9F).contains(v) { return true }
        if v < 0x2028 { return false }
        return v <= 0x202E || (0x2066...0x2069).contains(v) || v == 0xFFFE || v == 0xFFFF
    }

    /// The first refused character of `text`, if any.
    public static func firstRefused(in text: String) -> Unicode.Scalar? {
        // Most text is ASCII without controls: checked a byte at a time before decoding.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return nil }
        return text.unicodeScalars.first(where: refuses)
    }

    /// Whether the UTF-8 bytes hold a refused character, in one pass without decoding:
    /// C0 and DEL are single bytes; C1 is C2 80–9F; U+2028–U+202E is E2 80 A8–AE; U+2066–U+2069
    /// is E2 81 A6–A9; U+FFFE/U+FFFF is EF BF BE/BF.
    @inlinable
    public static func refusesAny<Bytes: Sequence>(utf8 bytes: Bytes) -> Bool where Bytes.Element == UInt8 {
        var previous: (UInt8, UInt8) = (0, 0)
        for b in bytes {
            if b < 0x20 || b == 0x7F { return true }
            switch previous {
            case (_, 0xC2) where b <= 0x9F: return true   // b ≥ 0x80: a continuation byte
            case (0xE2, 0x80) where b >= 0xA8 && b <= 0xAE: return true
            case (0xE2, 0x81) where b >= 0xA6 && b <= 0xA9: return true
            case (0xEF, 0xBF) where b >= 0xBE: return true
            default: break
            }
            previous = (previous.1, b)
        }
        return false
    }

    /// How a refused character is named in a message: `U+202E`.
    public static func name(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// `text` with every refused character written as `\u{1B}`, so that a message quoting input
    /// shows what was there without the terminal acting on it. Line feeds and tabs are kept
    /// when `keepingLayout` (a message's own layout); quoted input passes false.
    public static func visible(_ text: String, keepingLayout: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: { refuses($0) && !(keepingLayout && ($0 == "\n" || $0 == "\t")) }) else {
            return text
        }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if refuses(scalar) && !(keepingLayout && (scalar == "\n" || scalar == "\t")) {
                out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }
}
