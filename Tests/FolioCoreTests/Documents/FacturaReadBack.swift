import FolioXML

/// A factura read back from its XML through FolioXML (libxml2), every amount as a whole number of
/// units (cents; millionths for quantities and prices), so that the rules below are checked with
/// integer arithmetic of their own, not with Folio's `ExactDecimal` or `InvoiceTotals`.
struct FacturaReadBack {
    struct Line {
        var quantity: Int128 = 0, unitPrice: Int128 = 0  // millionths
        var discount: Int128 = 0, subtotal: Int128 = 0  // cents
        var code = "", rateCode = "", tarifa = 0
        var base: Int128 = 0, value: Int128 = 0  // cents
    }

    struct Group {
        var code = "", rateCode = ""
        var base: Int128 = 0, value: Int128 = 0
    }

    struct Unreadable: Error, CustomStringConvertible {
        let description: String
    }

    var lines: [Line] = []
    var groups: [Group] = []
    var subtotal: Int128 = 0, totalDiscount: Int128 = 0, tip: Int128 = 0, total: Int128 = 0
    var payments: [Int128] = []

    /// The IVA `codigoPorcentaje` table (SRI), written out here rather than taken from `IVARate`.
    static let percent = ["0": 0, "2": 12, "3": 14, "4": 15, "5": 5, "6": 0, "7": 0, "8": 8, "10": 13]

    init(xml: [UInt8]) throws { try self.init(root: XMLDocument(bytes: xml).rootSnapshot) }

    init(root: XMLElementSnapshot) throws {
        func text(_ e: XMLElementSnapshot?, _ what: String) throws -> String {
            guard let e else { throw Unreadable(description: "no \(what)") }
            return e.text
        }
        func cents(_ e: XMLElementSnapshot?, _ what: String) throws -> Int128 { try Self.fixed(text(e, what), places: 2, exact: true) }
        let info = root.child("infoFactura")
        subtotal = try cents(info?.child("totalSinImpuestos"), "totalSinImpuestos")
        totalDiscount = try cents(info?.child("totalDescuento"), "totalDescuento")
        tip = try cents(info?.child("propina"), "propina")
        total = try cents(info?.child("importeTotal"), "importeTotal")
        for g in info?.child("totalConImpuestos")?.children("totalImpuesto") ?? [] {
            groups.append(Group(code: try text(g.child("codigo"), "codigo"), rateCode: try text(g.child("codigoPorcentaje"), "codigoPorcentaje"),
                                base: try cents(g.child("baseImponible"), "baseImponible"), value: try cents(g.child("valor"), "valor")))
        }
        for p in info?.child("pagos")?.children("pago") ?? [] { payments.append(try cents(p.child("total"), "pago/total")) }
        for d in root.child("detalles")?.children("detalle") ?? [] {
            let taxes = d.child("impuestos")?.children("impuesto") ?? []
            guard taxes.count == 1 else { throw Unreadable(description: "a line with \(taxes.count) impuestos") }
            let tax = taxes[0]
            guard let tarifa = Int(try text(tax.child("tarifa"), "tarifa")) else { throw Unreadable(description: "tarifa") }
            lines.append(Line(
                quantity: try Self.fixed(text(d.child("cantidad"), "cantidad"), places: 6, exact: false),
                unitPrice: try Self.fixed(text(d.child("precioUnitario"), "precioUnitario"), places: 6, exact: false),
                discount: try cents(d.child("descuento"), "descuento"),
                subtotal: try cents(d.child("precioTotalSinImpuesto"), "precioTotalSinImpuesto"),
                code: try text(tax.child("codigo"), "codigo"), rateCode: try text(tax.child("codigoPorcentaje"), "codigoPorcentaje"),
                tarifa: tarifa, base: try cents(tax.child("baseImponible"), "baseImponible"), value: try cents(tax.child("valor"), "valor")))
        }
    }

    /// `12.5` → 1250000 with 6 places; `exact` demands exactly `places` places (amounts print 2).
    static func fixed(_ text: String, places: Int, exact: Bool) throws -> Int128 {
        var units: Int128 = 0
        var digits = 0, fraction: Int? = nil
        for byte in text.utf8 {
            if byte == UInt8(ascii: "."), fraction == nil, digits > 0 {
                fraction = 0
            } else if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                units = units * 10 + Int128(byte - UInt8(ascii: "0"))
                digits += 1
                if let f = fraction { fraction = f + 1 }
            } else {
                throw Unreadable(description: "'\(text)' is not a plain decimal")
            }
        }
        let count = fraction ?? 0
        guard digits > 0, fraction != 0, count <= places, !exact || count == places else {
            throw Unreadable(description: "'\(text)' does not have \(exact ? "exactly" : "at most") \(places) places")
        }
        for _ in count..<places { units *= 10 }
        return units
    }

    /// Half-up division of a non-negative `n` by `d`.
    static func roundedDivision(_ n: Int128, _ d: Int128) -> Int128 { (n + d / 2) / d }

    /// The lines' values a group gets by the largest remainder method, computed from the XML's
    /// bases in ten-thousandths (base cents × percent): the reference the property test holds
    /// Folio's output against.
    static func largestRemainder(bases: [Int128], percent: Int) -> (values: [Int128], residual: Int128) {
        let exact = bases.map { $0 * Int128(percent) }  // 1/10000
        var values = exact.map { roundedDivision($0, 100) }
        let groupValue = roundedDivision(exact.reduce(0, +), 100)
        let residual = groupValue - values.reduce(0, +)
        let remainders = zip(exact, values).map { $0 - $1 * 100 }
        let order = values.indices.sorted { a, b in
            remainders[a] == remainders[b] ? a < b : (residual > 0) == (remainders[a] > remainders[b])
        }
        for i in order.prefix(Int(residual.magnitude)) { values[i] += residual > 0 ? 1 : -1 }
        return (values, residual)
    }
}

