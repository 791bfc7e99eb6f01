import Testing
@testable import FolioSupport

/// `FreeTextRule`: the characters free text may not hold (issue 11 item 8), and the byte scan
/// that finds them in UTF-8 without decoding, which must agree with the rule on every scalar.
@Suite("free text rule")
struct FreeTextRuleTests {
    @Test("refused: C0, DEL, C1, U+2028/9, bidi overrides and isolates, U+FFFE/F; allowed: the rest")
    func rule() {
        for v: UInt32 in [0x00, 0x09, 0x0A, 0x0D, 0x1B, 0x1F, 0x7F, 0x80, 0x85, 0x9B, 0x9F, 0x2028, 0x2029,
                          0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0xFFFE, 0xFFFF] {
            #expect(FreeTextRule.refuses(Unicode.Scalar(v)!), "U+\(String(v, radix: 16)) passed")
        }
        for v: UInt32 in [0x20, 0x41, 0x7E, 0xA0, 0xE9, 0xF1, 0x2027, 0x202F, 0x2065, 0x206A, 0xFEFF, 0xFFFD, 0x1F600] {
            #expect(!FreeTextRule.refuses(Unicode.Scalar(v)!), "U+\(String(v, radix: 16)) refused")
        }
    }

    @Test("the UTF-8 byte scan agrees with the scalar rule on every scalar of the first planes, alone and in text")
    func byteScanAgrees() {
        var disagreements: [UInt32] = []
        for v in UInt32(0)...0x2_FFFF {
            guard let scalar = Unicode.Scalar(v) else { continue }
            let text = "ab" + String(Character(scalar)) + "é"
            if FreeTextRule.refusesAny(utf8: text.utf8) != FreeTextRule.refuses(scalar) { disagreements.append(v) }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(10).map { String($0, radix: 16) })")
        #expect(FreeTextRule.firstRefused(in: "Ana \u{202E}gnp.exe") == "\u{202E}")
        #expect(FreeTextRule.firstRefused(in: "Añasco Ltda.") == nil)
    }

    @Test("visible() writes refused characters as \\u{…}, keeping a message's own line breaks on request")
    func visible() {
        #expect(FreeTextRule.visible("a\u{1B}[31mb") == "a\\u{1B}[31mb")
        #expect(FreeTextRule.visible("x\u{202E}y\nz") == "x\\u{202E}y\\u{A}z")
        #expect(FreeTextRule.visible("x\u{202E}y\nz\t", keepingLayout: true) == "x\\u{202E}y\nz\t")
        #expect(FreeTextRule.visible("plain é") == "plain é")
        #expect(FreeTextRule.name("\u{85}") == "U+0085")
    }
}
