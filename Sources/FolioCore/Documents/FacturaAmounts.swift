import FolioXML
import FolioSupport

/// Reads a factura (anyone's, signed or not) with libxml2 and compares each amount it states both
/// for the document or a tax group and for its lines with the sum over the lines:
///
/// - each `totalConImpuestos/totalImpuesto`'s `baseImponible` and `valor` with the sums of the
///   lines' `impuestos/impuesto` of the same `codigo` and `codigoPorcentaje` (lines whose tax has
///   no `totalImpuesto` count against an absent one);
/// - `totalSinImpuestos` with the lines' `precioTotalSinImpuesto`, `totalDescuento` with their
///   `descuento`.
///
/// Differences of up to `tolerance` are not reported. A `totalImpuesto` with a non-zero
/// `descuentoAdicional` is not compared (that discount and its tax belong to no line), and neither
/// are the two document totals when any group has one. An amount that is absent or not a decimal
/// leaves its comparison out: the schema, not this check, is the judge of that. Documents other
/// than a `factura` have no findings.
public enum FacturaAmounts {
    /// 0.01: a header amount and the sum over its lines may differ by this much without a finding.
    public static let tolerance = try! ExactDecimal(significand: 1, scale: 2)

    /// The mismatches of the factura in `xml`, in document order; throws only when it is not XML.
    public static func mismatches(in xml: [UInt8]) throws(XMLError) -> [AmountMismatch] {
        mismatches(in: try XMLDocument(bytes: xml).rootSnapshot)
    }

    /// The mismatches of a factura's root element, in document order.
    public static func mismatches(in factura: XMLElementSnapshot) -> [AmountMismatch] {
        guard factura.name == "factura", factura.namespaceURI.isEmpty, let info = factura.child("infoFactura") else {
            return []
        }
        let lines = factura.child("detalles")?.children("detalle") ?? []
        var groups = TaxTallies(), lineTaxes = TaxTallies()
        var additionalDiscount = Set<TaxKey>()
        for group in info.child("totalConImpuestos")?.children("totalImpuesto") ?? [] {
            let key = TaxKey(group)
            groups.add(key, base: group.child("baseImponible")?.text, value: group.child("valor")?.text)
            if let extra = group.child("descuentoAdicional") {
                // Unreadable counts as present: better no finding than a wrong one.
                if amount(extra.text)?.isZero != true { additionalDiscount.insert(key) }
            }
        }
        var subtotal = Tally(), discount = Tally()
        for line in lines {
            subtotal.add(line.child("precioTotalSinImpuesto")?.text)
            discount.add(line.child("descuento")?.text)
            for tax in line.child("impuestos")?.children("impuesto") ?? [] {
                lineTaxes.add(TaxKey(tax), base: tax.child("baseImponible")?.text, value: tax.child("valor")?.text)
            }
        }

        var found: [AmountMismatch] = []
        if additionalDiscount.isEmpty {
            var stated = Tally()
            stated.add(info.child("totalSinImpuestos")?.text)
            compare(.subtotal, stated.sum, subtotal.sum, into: &found)
            stated = Tally()
            stated.add(info.child("totalDescuento")?.text)
            compare(.totalDiscount, stated.sum, discount.sum, into: &found)
        }
        for key in groups.keys + lineTaxes.keys.filter({ groups.tallies[$0] == nil }) where !additionalDiscount.contains(key) {
            let group = groups.tallies[key], taxes = lineTaxes.tallies[key] ?? (Tally(), Tally())
            for (element, stated, sum) in [("baseImponible", group?.base, taxes.base), ("valor", group?.value, taxes.value)] {
                let subject = AmountMismatch.Subject.taxGroup(code: key.code, rateCode: key.rateCode, element: element)
                if let stated {
                    compare(subject, stated.sum, sum.sum, into: &found)
                } else if let lineSum = sum.sum, exceedsTolerance(lineSum) {
                    found.append(AmountMismatch(subject: subject, stated: nil, linesSum: lineSum))
                }
            }
        }
        return found
    }

    /// Records a mismatch when both amounts are known and differ by more than `tolerance`.
    private static func compare(_ subject: AmountMismatch.Subject, _ stated: ExactDecimal?, _ linesSum: ExactDecimal?,
                                into found: inout [AmountMismatch]) {
        guard let stated, let linesSum, let difference = try? stated - linesSum else { return }
        if exceedsTolerance(difference) {
            found.append(AmountMismatch(subject: subject, stated: stated, linesSum: linesSum))
        }
    }

    /// `|value| > tolerance`.
    private static func exceedsTolerance(_ value: ExactDecimal) -> Bool {
        value > tolerance || (try? ExactDecimal.zero - value).map { $0 > tolerance } ?? true
    }

    /// An `xsd:decimal` (surrounding whitespace, `+5`, `.5` and `5.` allowed), or nil.
    static func amount(_ text: String) -> ExactDecimal? {
        var t = trimmed(text)
        if t.first == "+" {
            t = t.dropFirst()
            if t.first == "-" { return nil }
        }
        let negative = t.first == "-"
        if negative { t = t.dropFirst() }
        if t.first == "." { t = "0" + t }
        if t.last == "." { t = t.dropLast() }
        return try? ExactDecimal(parsing: (negative ? "-" : "") + t)
    }

    /// Without XML white space around it.
    static func trimmed(_ text: String) -> Substring {
        func space(_ c: Character) -> Bool { c == " " || c == "\t" || c == "\n" || c == "\r" }
        var t = Substring(text)
        while let c = t.first, space(c) { t = t.dropFirst() }
        while let c = t.last, space(c) { t = t.dropLast() }
        return t
    }

    /// A tax's `codigo` and `codigoPorcentaje`, as written.
    private struct TaxKey: Hashable {
        let code: String
        let rateCode: String

        init(_ element: XMLElementSnapshot) {
            code = String(FacturaAmounts.trimmed(element.child("codigo")?.text ?? ""))
            rateCode = String(FacturaAmounts.trimmed(element.child("codigoPorcentaje")?.text ?? ""))
        }
    }

    /// A running sum of amounts read from the XML; nil from the first one that is absent or unreadable.
    private struct Tally {
        private(set) var sum: ExactDecimal? = .zero

        mutating func add(_ text: String?) {
            guard let current = sum, let text, let value = FacturaAmounts.amount(text) else { sum = nil; return }
            sum = try? current + value
        }
    }

    /// Base and value tallies per tax, keys in order of first appearance.
    private struct TaxTallies {
        private(set) var keys: [TaxKey] = []
        private(set) var tallies: [TaxKey: (base: Tally, value: Tally)] = [:]

        mutating func add(_ key: TaxKey, base: String?, value: String?) {
            if tallies[key] == nil { keys.append(key); tallies[key] = (Tally(), Tally()) }
            tallies[key]!.base.add(base)
            tallies[key]!.value.add(value)
        }
    }
}
