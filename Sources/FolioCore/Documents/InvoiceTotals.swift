import FolioSupport

/// A factura's amounts, computed exactly with the SRI's rounding (half-up to 2 places), so that
/// every amount that is stated both per line and per group adds up exactly (docs/invoice-input.md,
/// "How the amounts are computed").
///
/// - Per line: `precioTotalSinImpuesto = round2(quantity × unitPrice − discount)`; that is also
///   the line's IVA base.
/// - Per (codigo 2, codigoPorcentaje) group in `totalConImpuestos`: the base is the sum of the
///   line bases and the value is `round2(groupBase × rate)`, so the header satisfies
///   "valor = baseImponible × tarifa".
/// - The lines' IVA values of a group add up exactly to the group's value: each is its own
///   `base × rate` rounded down or up to the cent, chosen by `CentDistribution` (largest
///   remainder), so none is 0.01 or more away from its exact value. Rounding each line on its own
///   would let the lines drift from the group by up to half a cent per line.
/// - `totalSinImpuestos`, `totalDescuento` and the group bases are sums of the line amounts,
///   which already have 2 places: exact by construction.
/// - `importeTotal = totalSinImpuestos + Σ group values + propina`.
public struct InvoiceTotals: Sendable, Equatable {
    /// The amounts of one line, in input order.
    public struct Line: Sendable, Equatable {
        public let rate: IVARate
        /// `descuento`, 2 places.
        public let discount: ExactDecimal
        /// `precioTotalSinImpuesto`, also the line's IVA `baseImponible`; 2 places.
        public let subtotal: ExactDecimal
        /// The line's IVA `valor`, 2 places: `subtotal × rate` rounded down or up to the cent so
        /// that the lines of a group add up to the group's value.
        public let taxValue: ExactDecimal
    }

    /// One `totalImpuesto`: tax code 2 (IVA) at one rate.
    public struct TaxGroup: Sendable, Equatable {
        public let rate: IVARate
        public let base: ExactDecimal
        public let value: ExactDecimal
        /// Always `"2"` (IVA).
        public var taxCode: String { IVARate.taxCode }
    }

    public let lines: [Line]
    /// `totalSinImpuestos`.
    public let subtotal: ExactDecimal
    /// `totalDescuento`.
    public let totalDiscount: ExactDecimal
    /// `totalConImpuestos`, ordered by `codigoPorcentaje` as a number.
    public let taxes: [TaxGroup]
    /// `propina`.
    public let tip: ExactDecimal
    /// `importeTotal`.
    public let total: ExactDecimal

    /// The sum of the group values.
    public var totalTax: ExactDecimal {
        (try? taxes.reduce(ExactDecimal.zero) { try $0 + $1.value }) ?? .zero
    }

    public static func compute(items: [InvoiceItem], tip: ExactDecimal) throws(ExactDecimalError) -> InvoiceTotals {
        var discounts: [ExactDecimal] = [], subtotals: [ExactDecimal] = []
        var subtotal = ExactDecimal.zero, totalDiscount = ExactDecimal.zero
        var groupLines: [IVARate: [Int]] = [:]
        for (index, item) in items.enumerated() {
            let discount = item.discount.rounded(scale: 2)
            let lineSubtotal = try (item.quantity * item.unitPrice - discount).rounded(scale: 2)
            discounts.append(discount)
            subtotals.append(lineSubtotal)
            subtotal = try subtotal + lineSubtotal
            totalDiscount = try totalDiscount + discount
            groupLines[item.ivaRate, default: []].append(index)
        }
        var taxValues = [ExactDecimal](repeating: .zero, count: items.count)
        var taxes: [TaxGroup] = []
        var total = subtotal
        for rate in IVARate.allCases.sorted(by: { Int($0.code)! < Int($1.code)! }) {
            guard let indices = groupLines[rate] else { continue }
            var base = ExactDecimal.zero
            var exact: [ExactDecimal] = []
            for i in indices {
                base = try base + subtotals[i]
                exact.append(try subtotals[i] * rate.fraction)
            }
            // Σ exact = base × rate exactly, so the shares add up to round(base × rate).
            let shares = try CentDistribution.distribute(exact)
            for (i, share) in zip(indices, shares) { taxValues[i] = share }
            let value = try (base * rate.fraction).rounded(scale: 2)
            taxes.append(TaxGroup(rate: rate, base: base, value: value))
            total = try total + value
        }
        let lines = items.indices.map { i in
            Line(rate: items[i].ivaRate, discount: discounts[i], subtotal: subtotals[i], taxValue: taxValues[i])
        }
        let roundedTip = tip.rounded(scale: 2)
        total = try total + roundedTip
        return InvoiceTotals(lines: lines, subtotal: subtotal, totalDiscount: totalDiscount, taxes: taxes,
                             tip: roundedTip, total: total)
    }
}

extension ExactDecimal {
    /// Two places, as every SRI amount is printed (`"115.00"`). The totals of a validated input
    /// always fit, so this cannot fail for them.
    var money: String { (try? formatted(places: 2)) ?? description }
}
