import Foundation
import Testing
@testable import FolioSupport

@Suite struct ExactDecimalTests {
    func d(_ s: String) -> ExactDecimal { try! ExactDecimal(parsing: s) }

    @Test func parsesAndPrintsWithItsScale() throws {
        #expect(d("12.345").description == "12.345")
        #expect(d("-1").description == "-1")
        #expect(d("0.05").description == "0.05")
        #expect(d("-0.5").description == "-0.5")
        #expect(d("0").description == "0")
        #expect(d("0.000").description == "0.000")
        // Beyond 64 bits the digits come from 128-bit division.
        #expect(d("123456789012345678901234567.8901").description == "123456789012345678901234567.8901")
        #expect(d("-98765432109876543210.000001").description == "-98765432109876543210.000001")
        #expect(d("115").significand == 115 && d("115").scale == 0)
    }

    @Test(arguments: ["", "-", "1e3", "1E-2", "NaN", "Infinity", "+5", ".5", "5.", "1.2.3", "1,5", " 1", "0x10", "--1"])
    func rejectsNonPlainText(text: String) {
        #expect(throws: ExactDecimalError.malformed(text)) { try ExactDecimal(parsing: text) }
    }

    @Test func exactArithmetic() throws {
        #expect(try d("0.1") + d("0.2") == d("0.3"))
        #expect(try (d("0.1") + d("0.2")).description == "0.3")
        #expect(try (d("10.00") - d("10.5")).description == "-0.50")
        #expect(try (d("1.5") * d("2.25")).description == "3.375")
        #expect(try (d("-3") * d("0.15")).description == "-0.45")
    }

    @Test func comparesNumerically() {
        #expect(d("1.5") == d("1.50000"))
        #expect(d("1.5").hashValue == d("1.50").hashValue)
        #expect(d("-2") < d("-1.99"))
        #expect(d("0.001") > .zero)
        #expect([d("3"), d("-1"), d("2.5")].sorted() == [d("-1"), d("2.5"), d("3")])
    }

    @Test func roundsHalfUpAwayFromZero() {
        #expect(d("2.345").rounded(scale: 2).description == "2.35")
        #expect(d("2.344999").rounded(scale: 2).description == "2.34")
        #expect(d("-2.345").rounded(scale: 2).description == "-2.35")
        #expect(d("0.005").rounded(scale: 2).description == "0.01")
        #expect(d("0.0049").rounded(scale: 2).description == "0.00")
        #expect(d("9.995").rounded(scale: 2).description == "10.00")
        #expect(d("1.2").rounded(scale: 2).description == "1.2")
    }

    @Test func formatsFixedPlaces() throws {
        #expect(try d("115").formatted(places: 2) == "115.00")
        #expect(try d("0.5").formatted(places: 2) == "0.50")
        #expect(try d("68.025").formatted(places: 2) == "68.03")
        #expect(try d("-0.004").formatted(places: 2) == "0.00")
        #expect(try d("7.5").formatted(places: 0) == "8")
    }

    @Test func throwsOnOverflowInsteadOfWrapping() {
        let big = d(String(Int128.max))
        #expect(throws: ExactDecimalError.overflow) { try big + d("1") }
        #expect(throws: ExactDecimalError.overflow) { try big * d("10") }
        #expect(throws: ExactDecimalError.overflow) { try d("-2") - big }
        #expect(throws: ExactDecimalError.overflow) { try ExactDecimal(parsing: "999999999999999999999999999999999999999999") }
        #expect(throws: ExactDecimalError.overflow) { try big + d("0.1") }
        #expect(big > d("0.1"))
    }

    @Test func significantScaleAndIntegerDigits() {
        #expect(d("1.500000").significantScale == 1)
        #expect(d("123.45").integerDigits == 3)
        #expect(d("0.45").integerDigits == 0)
        #expect(d("-1000").integerDigits == 4)
    }
}

/// Cross-checks against Foundation's Decimal, an independent implementation, on random values.
@Suite struct ExactDecimalCrossCheckTests {
    struct SplitMix64: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E3779B97F4A7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
            z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
            return z ^ (z >> 31)
        }
    }

    static func randomText(_ rng: inout SplitMix64) -> String {
        let intPart = Int.random(in: 0...999_999, using: &rng)
        let places = Int.random(in: 0...6, using: &rng)
        var text = (Bool.random(using: &rng) ? "-" : "") + String(intPart)
        if places > 0 {
            text += "." + (0..<places).map { _ in String(Int.random(in: 0...9, using: &rng)) }.joined()
        }
        return text
    }

    static func foundation(_ text: String) -> Foundation.Decimal { Foundation.Decimal(string: text)! }

    static func rounded(_ x: Foundation.Decimal, _ places: Int) -> Foundation.Decimal {
        var input = x, result = Foundation.Decimal()
        NSDecimalRound(&result, &input, places, .plain)
        return result
    }

    @Test func agreesWithFoundationDecimal() throws {
        var rng = SplitMix64(state: 20261122)
        for _ in 0..<2000 {
            let a = Self.randomText(&rng), b = Self.randomText(&rng)
            let x = try ExactDecimal(parsing: a), y = try ExactDecimal(parsing: b)
            let fx = Self.foundation(a), fy = Self.foundation(b)
            #expect(Self.foundation(try (x + y).description) == fx + fy, "\(a) + \(b)")
            #expect(Self.foundation(try (x - y).description) == fx - fy, "\(a) - \(b)")
            #expect(Self.foundation(try (x * y).description) == fx * fy, "\(a) * \(b)")
            #expect((x < y) == (fx < fy), "\(a) < \(b)")
            let product = try x * y
            #expect(Self.foundation(product.rounded(scale: 2).description) == Self.rounded(fx * fy, 2), "round(\(a) * \(b))")
        }
    }
}
