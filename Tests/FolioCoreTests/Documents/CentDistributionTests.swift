import Testing
@testable import FolioCore
import FolioSupport

@Suite struct CentDistributionTests {
    func d(_ s: String) -> ExactDecimal { try! ExactDecimal(parsing: s) }
    func distribute(_ values: [String]) throws -> [String] {
        try CentDistribution.distribute(values.map(d)).map(\.money)
    }

    @Test func nothingMovesWithoutAResidual() throws {
        #expect(try distribute(["67.50", "0.525", "0"]) == ["67.50", "0.53", "0.00"])
        #expect(try distribute(["0.0144"]) == ["0.01"])
    }

    @Test func aNegativeResidualIsTakenFromTheSmallestRemaindersEarliestFirst() throws {
        // Four × 0.015: alone 0.02 each (remainder −0.005), the whole 0.06.
        #expect(try distribute(["0.015", "0.015", "0.015", "0.015"]) == ["0.01", "0.01", "0.02", "0.02"])
        // 0.0606 → 0.06 against 0.08: the smallest remainders are the third (0.0150 → 0.02 is
        // −0.0050), then the first (−0.0049).
        #expect(try distribute(["0.0151", "0.0152", "0.0150", "0.0153"]) == ["0.01", "0.02", "0.01", "0.02"])
        // 0.0447 → 0.04 against 0.05: remainders −0.0049, +0.0045, −0.0050, +0.0001; the third gives.
        #expect(try distribute(["0.0151", "0.0145", "0.0150", "0.0001"]) == ["0.02", "0.01", "0.01", "0.00"])
        // 0.0587 → 0.06 against 0.05 is a positive residual: the largest remainder, +0.0049, gets it.
        #expect(try distribute(["0.0149", "0.0144", "0.0150", "0.0144"]) == ["0.02", "0.01", "0.02", "0.01"])
    }

    @Test func aPositiveResidualGoesToTheLargestRemaindersEarliestFirst() throws {
        // 0.0048 × 2 + 0.0036 + 0.0168 + 0.0156 = 0.0456 → 0.05, rounded alone 0.04.
        #expect(try distribute(["0.0168", "0.0156", "0.0048", "0.0048", "0.0036"]) == ["0.02", "0.02", "0.01", "0.00", "0.00"])
        // Three × 0.004 = 0.012 → 0.01: one cent, to the first.
        #expect(try distribute(["0.004", "0.004", "0.004"]) == ["0.01", "0.00", "0.00"])
    }

    @Test func wholeCentsAndZerosNeverMove() throws {
        // Residual −1 (0.005 × 3 = 0.015 → 0.02, alone 0.03): taken from a 0.005, never from 0 or 0.07.
        #expect(try distribute(["0", "0.07", "0.005", "0.005", "0.005"]) == ["0.00", "0.07", "0.00", "0.01", "0.01"])
        #expect(try distribute(["0", "0", "0"]) == ["0.00", "0.00", "0.00"])
    }

    /// Many random groups of exact values with 2 to 8 places, many of them tied: every part is
    /// its exact value rounded down or up to the cent, and they add up to the rounded sum.
    @Test func randomPartsStayWithinACentAndAddUp() throws {
        let seed: UInt64 = 0xCE27
        var random = InvoiceGenerator(seed: seed)
        var moved = 0
        for round in 0..<3000 {
            let places = 2 + random.below(7)
            let limit = [10, 200, 100_000][random.below(3)]
            let tied = random.chance(30) ? Int128(random.below(limit)) : nil
            let exact = try (0..<(1 + random.below(40))).map { _ throws(ExactDecimalError) in
                try ExactDecimal(significand: tied ?? Int128(random.below(limit)), scale: places)
            }
            let parts = try CentDistribution.distribute(exact)
            let total = try CentDistribution.sum(exact).rounded(scale: 2)
            #expect(try CentDistribution.sum(parts) == total, "seed \(seed), round \(round)")
            for (e, p) in zip(exact, parts) {
                let floor = floorCents(e)
                let ceiling = floor == e ? floor : try floor + ExactDecimal(significand: 1, scale: 2)
                #expect((p == floor || p == ceiling) && !p.isNegative, "seed \(seed), round \(round): \(p) for \(e)")
                if p != e.rounded(scale: 2) { moved += 1 }
            }
        }
        #expect(moved > 1000, "the residual was rarely non-zero (\(moved) parts moved)")
    }

    /// `value` rounded down to the cent (non-negative values).
    func floorCents(_ value: ExactDecimal) -> ExactDecimal {
        let r = value.rounded(scale: 2)
        return r > value ? (try! r - ExactDecimal(significand: 1, scale: 2)) : r
    }
}
