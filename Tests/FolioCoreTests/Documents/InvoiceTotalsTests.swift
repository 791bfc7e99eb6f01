import Testing
@testable import FolioCore
import FolioSupport

@Suite struct InvoiceTotalsTests {
    func d(_ s: String) -> ExactDecimal { try! ExactDecimal(parsing: s) }
    func item(_ q: String, _ p: String, discount: String = "0", rate: IVARate) -> InvoiceItem {
        InvoiceItem(code: "X", auxiliaryCode: nil, description: "x", quantity: d(q), unitPrice: d(p),
                    discount: d(discount), ivaRate: rate, details: [])
    }

    @Test func handCheckedInvoice() throws {
        // 10 × 45.50 − 5.00 = 450.00 at 15 % → 67.50
        // 2 × 12.345 = 24.69 at 0 %
        // 1 × 3.50 = 3.50 at 15 % → 0.525 → 0.53
        // IVA 15 % group: base 453.50 × 0.15 = 68.025 → 68.03; total 478.19 + 68.03 = 546.22
        let t = try InvoiceTotals.compute(items: [item("10", "45.50", discount: "5.00", rate: .fifteen),
                                                  item("2", "12.345", rate: .zero),
                                                  item("1", "3.50", rate: .fifteen)], tip: .zero)
        #expect(t.lines.map(\.subtotal.description) == ["450.00", "24.69", "3.50"])
        #expect(t.lines.map(\.taxValue.description) == ["67.50", "0.00", "0.53"])
        #expect(t.subtotal.money == "478.19")
        #expect(t.totalDiscount.money == "5.00")
        #expect(t.taxes.map(\.rate) == [.zero, .fifteen])
        #expect(t.taxes.map(\.base.money) == ["24.69", "453.50"])
        #expect(t.taxes.map(\.value.money) == ["0.00", "68.03"])
        #expect(t.total.money == "546.22")
    }

    @Test func lineRoundingHalfUpOfSixPlaceInputs() throws {
        // 3 × 0.333335 = 1.000005 exactly, which rounds to 1.00; 1.00 × 12 % = 0.12
        let t = try InvoiceTotals.compute(items: [item("3", "0.333335", rate: .twelve)], tip: .zero)
        #expect(t.lines[0].subtotal.description == "1.00")
        #expect(t.lines[0].taxValue.description == "0.12")
        // 0.5 × 0.01 = 0.005 → 0.01 (half-up)
        let u = try InvoiceTotals.compute(items: [item("0.5", "0.01", rate: .zero)], tip: .zero)
        #expect(u.lines[0].subtotal.description == "0.01")
    }

    @Test func groupValueIsRoundedOnTheGroupBaseAndTheLinesAddUpToIt() throws {
        // Each line: 0.10 × 15 % = 0.015 → 0.02 alone; the group: 0.20 × 15 % = 0.03 (not 0.04).
        // The residual −0.01 is taken from the line with the smallest remainder; both have
        // −0.005, so the earlier one gives it: 0.01 + 0.02 = 0.03.
        let t = try InvoiceTotals.compute(items: [item("1", "0.10", rate: .fifteen), item("1", "0.10", rate: .fifteen)], tip: .zero)
        #expect(t.lines.map(\.taxValue.money) == ["0.01", "0.02"])
        #expect(t.taxes.count == 1)
        #expect(t.taxes[0].value.money == "0.03")
        #expect(t.total.money == "0.23")
    }

    @Test func linesOfOtherGroupsDoNotTakePartInAGroupsDistribution() throws {
        // Interleaved 15 % and 12 % lines: each group distributes over its own lines only.
        // 15 %: 0.10 → 0.015 twice, group 0.03 → [0.01, 0.02]; 12 %: 0.05 → 0.006 → 0.01 twice,
        // group 0.10 × 12 % = 0.012 → 0.01 → [0.00, 0.01].
        let t = try InvoiceTotals.compute(items: [item("1", "0.10", rate: .fifteen), item("1", "0.05", rate: .twelve),
                                                  item("1", "0.10", rate: .fifteen), item("1", "0.05", rate: .twelve)], tip: .zero)
        #expect(t.lines.map(\.taxValue.money) == ["0.01", "0.00", "0.02", "0.01"])
        #expect(t.taxes.map(\.value.money) == ["0.01", "0.03"])
        #expect(t.total.money == "0.34")
    }

    @Test func zeroRateCodesStaySeparateGroupsAndTipIsAdded() throws {
        let t = try InvoiceTotals.compute(items: [item("1", "10", rate: .exempt), item("1", "20", rate: .notSubject),
                                                  item("1", "30", rate: .zero), item("2", "5", rate: .thirteen),
                                                  item("1", "100", rate: .differentiated), item("1", "1", rate: .five)],
                                          tip: d("1.5"))
        #expect(t.taxes.map(\.rate.code) == ["0", "4", "5", "6", "7", "8", "10"].filter { $0 != "4" })
        #expect(t.taxes.map(\.value.money) == ["0.00", "0.05", "0.00", "0.00", "8.00", "1.30"])
        #expect(t.tip.money == "1.50")
        // 10 + 20 + 30 + 10 + 100 + 1 = 171; IVA 0.05 + 8 + 1.30 = 9.35; tip 1.50
        #expect(t.total.money == "181.85")
        #expect(t.totalTax.money == "9.35")
    }
}
