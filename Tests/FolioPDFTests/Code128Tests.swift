import Testing
@testable import FolioPDF

@Suite struct Code128Tests {
    /// Start C (105), the pairs, and the check symbol: start + Σ position × value, mod 103.
    @Test func evenDigitsUseCodeSetC() {
        #expect(Code128.symbols(digits: "12") == [105, 12, (105 + 12) % 103])
        // 105 + 1·12 + 2·34 + 3·56 = 353 = 3·103 + 44
        #expect(Code128.symbols(digits: "123456") == [105, 12, 34, 56, 44])
        #expect(Code128.symbols(digits: "00") == [105, 0, 105 % 103])
    }

    /// An odd last digit goes through Code B (100) as its set-B value (ASCII − 32).
    @Test func oddLastDigitSwitchesToCodeSetB() {
        // 105 + 1·12 + 2·100 + 3·('3' − 32 = 19) = 374 = 3·103 + 65
        #expect(Code128.symbols(digits: "123") == [105, 12, 100, 19, 65])
    }

    @Test func accessKeyIsStartCTwentyFourPairsCodeBAndCheck() throws {
        let key = "2211202601179001167400110010010000000016574312817"
        let symbols = try #require(Code128.symbols(digits: key))
        #expect(symbols.count == 1 + 24 + 2 + 1)
        #expect(symbols.first == 105)
        #expect(symbols[25] == 100)
        #expect(symbols[26] == Int(UInt8(ascii: "7")) - 32)
        #expect(symbols.last == Code128.checksum(Array(symbols.dropLast())))
        let modules = try #require(Code128.modules(digits: key))
        // 27 symbols of 11 modules, the check symbol, and the 13-module Stop.
        #expect(modules.reduce(0, +) == 28 * 11 + 13)
    }

    @Test func rejectsNonDigitsAndEmpty() {
        #expect(Code128.symbols(digits: "") == nil)
        #expect(Code128.symbols(digits: "12a4") == nil)
        #expect(Code128.symbols(digits: "１２") == nil)
    }

    /// Each symbol is 11 modules (Stop 13), three bars and three spaces of 1–4 modules, the
    /// bars an even number of modules in all; no two symbols alike. A mistyped table fails here.
    @Test func patternTableIsWellFormed() {
        #expect(Code128.patterns.count == 107)
        for (value, pattern) in Code128.patterns.enumerated() {
            let widths = pattern.utf8.map { Int($0) - 48 }
            #expect(widths.allSatisfy { (1...4).contains($0) }, "symbol \(value)")
            #expect(widths.reduce(0, +) == (value == 106 ? 13 : 11), "symbol \(value)")
            let bars = stride(from: 0, to: widths.count, by: 2).reduce(0) { $0 + widths[$1] }
            #expect(bars % 2 == 0, "symbol \(value)")
        }
        #expect(Set(Code128.patterns).count == 107)
        #expect(Code128.patterns[105] == "211232") // Start C
        #expect(Code128.patterns[100] == "114131") // Code B (from set C)
    }
}
