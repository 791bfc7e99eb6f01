/// The amount rules of docs/invoice-input.md, checked on a factura read back from its XML.
/// Returns what is broken (empty when all hold) and counts what was exercised.
struct FacturaRules {
    /// What the checked documents exercised, so a test can insist the cases were really there.
    struct Coverage {
        var groups = 0, positiveResiduals = 0, negativeResiduals = 0, tiedRemainders = 0, discounts = 0
    }

    var coverage = Coverage()

    mutating func problems(_ f: FacturaReadBack) -> [String] {
        var problems: [String] = []
        func check(_ ok: Bool, _ message: @autoclosure () -> String) { if !ok { problems.append(message()) } }

        for (n, line) in f.lines.enumerated() {
            // precioTotalSinImpuesto = round(cantidad × precioUnitario − descuento); 10⁻¹² units.
            let gross = line.quantity * line.unitPrice - line.discount * 10_000_000_000
            check(gross >= 0 && line.subtotal == FacturaReadBack.roundedDivision(gross, 10_000_000_000),
                  "line \(n): precioTotalSinImpuesto \(line.subtotal) for \(line.quantity)µ × \(line.unitPrice)µ − \(line.discount)")
            check(line.base == line.subtotal, "line \(n): impuesto/baseImponible \(line.base) ≠ precioTotalSinImpuesto \(line.subtotal)")
            guard let percent = FacturaReadBack.percent[line.rateCode], line.code == "2" else {
                problems.append("line \(n): unknown tax \(line.code)/\(line.rateCode)")
                continue
            }
            check(line.tarifa == percent, "line \(n): tarifa \(line.tarifa) for codigoPorcentaje \(line.rateCode)")
            // Rule 1: within 0.01 of base × rate — in fact base × rate rounded down or up to the cent.
            let exact = line.base * Int128(percent)  // 1/10000
            check((line.value * 100 - exact).magnitude <= 100, "line \(n): valor \(line.value)¢ is more than 0.01 from \(exact)/10000")
            check(line.value == exact / 100 || line.value == (exact + 99) / 100,
                  "line \(n): valor \(line.value)¢ is not \(exact)/10000 rounded down or up")
            if percent == 0 { check(line.value == 0, "line \(n): valor \(line.value)¢ at a zero rate") }
            if line.discount > 0 { coverage.discounts += 1 }
        }

        var seen = Set<String>()
        for group in f.groups {
            coverage.groups += 1
            check(group.code == "2", "group \(group.rateCode): codigo \(group.code)")
            check(seen.insert(group.rateCode).inserted, "group \(group.rateCode) appears twice")
            let members = f.lines.filter { $0.code == group.code && $0.rateCode == group.rateCode }
            check(!members.isEmpty, "group \(group.rateCode) has no lines")
            guard let percent = FacturaReadBack.percent[group.rateCode] else { continue }
            // Rule 2: the group's valor is round(group base × rate).
            check(group.value == FacturaReadBack.roundedDivision(group.base * Int128(percent), 100),
                  "group \(group.rateCode): valor \(group.value)¢ ≠ round(\(group.base)¢ × \(percent) %)")
            // Rule 3: the lines add up exactly, bases and values.
            check(group.base == members.reduce(0) { $0 + $1.base },
                  "group \(group.rateCode): baseImponible \(group.base)¢ but the lines' add up to \(members.reduce(0) { $0 + $1.base })¢")
            check(group.value == members.reduce(0) { $0 + $1.value },
                  "group \(group.rateCode): valor \(group.value)¢ but the lines' add up to \(members.reduce(0) { $0 + $1.value })¢")
            // The distribution itself: largest remainder, ties to the earlier line.
            let expected = FacturaReadBack.largestRemainder(bases: members.map(\.base), percent: percent)
            check(members.map(\.value) == expected.values,
                  "group \(group.rateCode): lines' valor \(members.map(\.value)) but largest remainder gives \(expected.values)")
            if expected.residual > 0 { coverage.positiveResiduals += 1 }
            if expected.residual < 0 { coverage.negativeResiduals += 1 }
            let remainders = members.map { $0.base * Int128(percent) % 100 }
            if expected.residual != 0, Set(remainders).count < remainders.count { coverage.tiedRemainders += 1 }
        }
        for line in f.lines where !seen.contains(line.rateCode) {
            problems.append("lines at codigoPorcentaje \(line.rateCode) have no totalImpuesto")
            seen.insert(line.rateCode)
        }

        // Amounts that are exact sums by construction, and the total and payments that follow.
        check(f.subtotal == f.lines.reduce(0) { $0 + $1.subtotal }, "totalSinImpuestos \(f.subtotal)¢ is not the lines' sum")
        check(f.totalDiscount == f.lines.reduce(0) { $0 + $1.discount }, "totalDescuento \(f.totalDiscount)¢ is not the lines' sum")
        let taxes = f.groups.reduce(0) { $0 + $1.value }
        check(f.total == f.subtotal + taxes + f.tip, "importeTotal \(f.total)¢ ≠ \(f.subtotal) + \(taxes) + \(f.tip)")
        check(f.total == f.lines.reduce(0) { $0 + $1.subtotal + $1.value } + f.tip, "importeTotal \(f.total)¢ is not the lines' sum plus tip")
        check(f.payments.reduce(0, +) == f.total, "payments \(f.payments) do not add up to importeTotal \(f.total)¢")
        return problems
    }
}
