/// A factura's amounts, computed exactly with the SRI's rounding (half-up to 2 places).
///
/// - Per line: `precioTotalSinImpuesto = round2(quantity × unitPrice − discount)`; the line's IVA
///   base is that amount and its value `round2(base × rate)`.
/// - Per (codigo 2, codigoPorcentaje) group in `totalConImpuestos`: the base is the sum of the
///   line bases and the value is `round2(groupBase × rate)`, so the header satisfies
///   "valor = baseImponible × tarifa" exactly, which is what the SRI checks. (Summing the
///   rounded line values instead can drift by half a cent per line.)
/// - `importeTotal = totalSinImpuestos + Σ group values + propina`.
public struct InvoiceTotals: Sendable, Equatable {
    /// The amounts of one line, in input order.
    public struct Line: Sendable, Equatable {
        public let rate: IVARate
        /// `descuento`, 2 places.
        public let discount: ExactDecimal
        /// `precioTotalSinImpuesto`, also the line's IVA `baseImponible`; 2 places.
        public let subtotal: ExactDecimal
        /// The line's IVA `valor`, 2 places.
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
        var lines: [Line] = []
        var subtotal = ExactDecimal.zero, discounts = ExactDecimal.zero
        var bases: [IVARate: ExactDecimal] = [:]
        for item in items {
            let discount = item.discount.rounded(scale: 2)
            let lineSubtotal = try (item.quantity * item.unitPrice - discount).rounded(scale: 2)
            let taxValue = try (lineSubtotal * item.ivaRate.fraction).rounded(scale: 2)
            lines.append(Line(rate: item.ivaRate, discount: discount, subtotal: lineSubtotal, taxValue: taxValue))
            subtotal = try subtotal + lineSubtotal
            discounts = try discounts + discount
            bases[item.ivaRate] = try (bases[item.ivaRate] ?? .zero) + lineSubtotal
        }
        var taxes: [TaxGroup] = []
        var total = subtotal
        for rate in IVARate.allCases.sorted(by: { Int($0.code)! < Int($1.code)! }) {
            guard let base = bases[rate] else { continue }
            let value = try (base * rate.fraction).rounded(scale: 2)
            taxes.append(TaxGroup(rate: rate, base: base, value: value))
            total = try total + value
        }
        let roundedTip = tip.rounded(scale: 2)
        total = try total + roundedTip
        return InvoiceTotals(lines: lines, subtotal: subtotal, totalDiscount: discounts, taxes: taxes,
                             tip: roundedTip, total: total)
    }
}

extension ExactDecimal {
    /// Two places, as every SRI amount is printed (`"115.00"`). The totals of a validated input
    /// always fit, so this cannot fail for them.
    var money: String { (try? formatted(places: 2)) ?? description }
}
