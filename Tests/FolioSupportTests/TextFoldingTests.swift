import Testing
import FolioSupport

/// Search folding (issue 12): case and accents ignored, whatever the text's normalization.
@Suite("text folding")
struct TextFoldingTests {
    @Test("accents and case go; letters that do not decompose stay; composed and decomposed text fold alike")
    func folding() {
        #expect(TextFolding.fold("José Núñez") == "jose nunez")
        #expect(TextFolding.fold("ÇA VA, Ångström, MÜLLER") == "ca va, angstrom, muller")
        #expect(TextFolding.fold("Jose\u{301}") == TextFolding.fold("Jos\u{E9}"))
        #expect(TextFolding.fold("Ørsted straße") == "ørsted straße")
        #expect(TextFolding.fold("ana@example.com 1790011674001") == "ana@example.com 1790011674001")
        #expect(TextFolding.fold("") == "")
    }
}
