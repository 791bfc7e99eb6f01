import Testing
@testable import FolioPDF

@Suite struct PDFTextTests {
    @Test func winAnsiCoversSpanishAndLatin1() {
        #expect(WinAnsi.encode("áéíóúñÑüÜ¿¡&") == [225, 233, 237, 243, 250, 241, 209, 252, 220, 191, 161, 38])
        #expect(WinAnsi.encode("€ – “x”") == [128, 32, 150, 32, 147, 120, 148])
        // Outside WinAnsi: a visible '?'; control characters: a space; combining accents: dropped.
        #expect(WinAnsi.encode("中\tz\u{301}") == [63, 32, 122])
    }

    @Test func literalStringsEscapeDelimitersAndHighBytes() {
        #expect(String(decoding: WinAnsi.literal(WinAnsi.encode("a(b)c\\d")), as: UTF8.self) == #"(a\(b\)c\\d)"#)
        #expect(String(decoding: WinAnsi.literal(WinAnsi.encode("Ñandú & Cía")), as: UTF8.self) == #"(\321and\372 & C\355a)"#)
        #expect(String(decoding: WinAnsi.literal(WinAnsi.encode("")), as: UTF8.self) == "()")
    }

    /// Spot checks against Adobe's Helvetica.afm and Helvetica-Bold.afm.
    @Test func widthsMatchTheAFMs() {
        let regular: [Character: Int] = [" ": 278, "A": 667, "W": 944, "a": 556, "i": 222, "m": 833, "(": 333, "@": 1015,
                                         "á": 556, "Ñ": 722, "ü": 556, "&": 667, "1": 556, "€": 556]
        let bold: [Character: Int] = [" ": 278, "A": 722, "i": 278, "m": 889, "@": 975, "é": 556, "Ñ": 722, "t": 333]
        for (c, w) in regular { #expect(HelveticaMetrics.width(WinAnsi.encode(String(c))[0], bold: false) == w, "\(c)") }
        for (c, w) in bold { #expect(HelveticaMetrics.width(WinAnsi.encode(String(c))[0], bold: true) == w, "\(c)") }
        // "Hello" at 10 pt: (722 + 556 + 222 + 222 + 556) / 100
        #expect(abs(HelveticaMetrics.width(WinAnsi.encode("Hello"), size: 10, bold: false) - 22.78) < 1e-9)
    }

    @Test func numbersHaveAtMostTwoDecimals() {
        #expect(PDFPage.number(0.72) == "0.72")
        #expect(PDFPage.number(12.5) == "12.5")
        #expect(PDFPage.number(-3) == "-3")
        #expect(PDFPage.number(595.276) == "595.28")
        #expect(PDFPage.number(0.05) == "0.05")
        #expect(PDFPage.number(-0.001) == "0")
        #expect(PDFPage.number(100) == "100")
        #expect(PDFPage.number(1000.5) == "1000.5")
        #expect(PDFPage.number(10.05) == "10.05")
        #expect(PDFPage.number(-28.35) == "-28.35")
        #expect(PDFPage.number(9) == "9")
    }

    @Test func wrappedLinesFitAndLongWordsBreak() {
        let text = "Consultoría de software con una descripción bastante larga ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGHIJ"
        let lines = TextWrap.lines(text, width: 80, size: 8)
        #expect(lines.count > 3)
        for line in lines { #expect(HelveticaMetrics.width(WinAnsi.encode(line), size: 8, bold: false) <= 80) }
        #expect(lines.joined(separator: " ").filter { $0 != " " } == text.filter { $0 != " " })
        #expect(TextWrap.lines("", width: 80, size: 8) == [""])
        #expect(TextWrap.lines("Ñandú  &   Cía", width: 500, size: 8) == ["Ñandú & Cía"])
    }
}
