import Testing
@testable import FolioCore
import FolioSupport

@Suite struct FacturaAmountsTests {
    typealias Tax = (code: String, rate: String, base: String, value: String)

    /// A factura skeleton with the amounts that matter here (not schema-complete: the check reads
    /// only amounts). Each line is (precioTotalSinImpuesto, descuento, its taxes).
    static func factura(subtotal: String, discount: String, groups: [Tax], extraDiscount: [String: String] = [:],
                        lines: [(String, String, [Tax])]) -> [UInt8] {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<factura id=\"comprobante\" version=\"1.1.0\"><infoFactura>"
        xml += "<totalSinImpuestos>\(subtotal)</totalSinImpuestos><totalDescuento>\(discount)</totalDescuento><totalConImpuestos>"
        for g in groups {
            xml += "<totalImpuesto><codigo>\(g.code)</codigo><codigoPorcentaje>\(g.rate)</codigoPorcentaje>"
            if let extra = extraDiscount[g.rate] { xml += "<descuentoAdicional>\(extra)</descuentoAdicional>" }
            xml += "<baseImponible>\(g.base)</baseImponible><valor>\(g.value)</valor></totalImpuesto>"
        }
        xml += "</totalConImpuestos><importeTotal>0</importeTotal></infoFactura><detalles>"
        for (subtotal, discount, taxes) in lines {
            xml += "<detalle><descuento>\(discount)</descuento><precioTotalSinImpuesto>\(subtotal)</precioTotalSinImpuesto><impuestos>"
            for t in taxes {
                xml += "<impuesto><codigo>\(t.code)</codigo><codigoPorcentaje>\(t.rate)</codigoPorcentaje><tarifa>15</tarifa>"
                xml += "<baseImponible>\(t.base)</baseImponible><valor>\(t.value)</valor></impuesto>"
            }
            xml += "</impuestos></detalle>"
        }
        return Array((xml + "</detalles></factura>").utf8)
    }

    static func line(_ base: String, _ value: String, rate: String = "4", discount: String = "0.00") -> (String, String, [Tax]) {
        (base, discount, [("2", rate, base, value)])
    }

    func messages(_ xml: [UInt8]) throws -> [String] { try FacturaAmounts.mismatches(in: xml).map(\.description) }

    @Test func theFourLineInvoiceOfTheOldRuleIsFound() throws {
        let xml = Self.factura(subtotal: "0.40", discount: "0.00", groups: [("2", "4", "0.40", "0.06")],
                               lines: Array(repeating: Self.line("0.10", "0.02"), count: 4))
        let found = try FacturaAmounts.mismatches(in: xml)
        #expect(found == [AmountMismatch(subject: .taxGroup(code: "2", rateCode: "4", element: "valor"),
                                         stated: try ExactDecimal(parsing: "0.06"), linesSum: try ExactDecimal(parsing: "0.08"))])
        #expect(found.map(\.description) == ["totalImpuesto codigo 2 codigoPorcentaje 4: valor 0.06 but the lines' impuesto/valor add up to 0.08"])
    }

    @Test func aCentIsToleratedTwoAreNot() throws {
        let oneCent = Self.factura(subtotal: "0.40", discount: "0.00", groups: [("2", "4", "0.40", "0.06")],
                                   lines: [Self.line("0.10", "0.02"), Self.line("0.10", "0.02"), Self.line("0.10", "0.01"), Self.line("0.10", "0.02")])
        #expect(try messages(oneCent).isEmpty)
        let below = Self.factura(subtotal: "0.40", discount: "0.00", groups: [("2", "4", "0.40", "0.06")],
                                 lines: [Self.line("0.10", "0.01"), Self.line("0.10", "0.01"), Self.line("0.10", "0.01"), Self.line("0.10", "0.01")])
        #expect(try messages(below) == ["totalImpuesto codigo 2 codigoPorcentaje 4: valor 0.06 but the lines' impuesto/valor add up to 0.04"])
    }

    @Test func basesTotalsAndDiscountsAreComparedToo() throws {
        let xml = Self.factura(subtotal: "12.00", discount: "1.00", groups: [("2", "4", "9.00", "1.50")],
                               lines: [Self.line("10.00", "1.50", discount: "0.50")])
        #expect(try messages(xml) == [
            "totalSinImpuestos 12.00 but the lines' precioTotalSinImpuesto add up to 10.00",
            "totalDescuento 1.00 but the lines' descuento add up to 0.50",
            "totalImpuesto codigo 2 codigoPorcentaje 4: baseImponible 9.00 but the lines' impuesto/baseImponible add up to 10.00",
        ])
    }

    @Test func aMissingGroupAndAGroupWithoutLines() throws {
        let xml = Self.factura(subtotal: "11.00", discount: "0.00", groups: [("2", "4", "10.00", "1.50"), ("3", "3072", "5.00", "0.75")],
                               lines: [Self.line("10.00", "1.50"), Self.line("1.00", "0.12", rate: "2"), Self.line("0.00", "0.00", rate: "0")])
        #expect(try messages(xml) == [
            "totalImpuesto codigo 3 codigoPorcentaje 3072: baseImponible 5.00 but the lines' impuesto/baseImponible add up to 0.00",
            "totalImpuesto codigo 3 codigoPorcentaje 3072: valor 0.75 but the lines' impuesto/valor add up to 0.00",
            "no totalImpuesto codigo 2 codigoPorcentaje 2, but the lines' impuesto/baseImponible add up to 1.00",
            "no totalImpuesto codigo 2 codigoPorcentaje 2, but the lines' impuesto/valor add up to 0.12",
        ])
    }

    @Test func anAdditionalDiscountLeavesItsGroupAndTheTotalsOut() throws {
        // 1.00 of descuentoAdicional on the 15 % group: its base and IVA belong to no line.
        let xml = Self.factura(subtotal: "19.00", discount: "1.00", groups: [("2", "4", "9.00", "1.35"), ("2", "0", "10.00", "0.00")],
                               extraDiscount: ["4": "1.00"], lines: [Self.line("10.00", "1.50"), Self.line("10.00", "0.00", rate: "0")])
        #expect(try messages(xml).isEmpty)
        // A zero descuentoAdicional changes nothing.
        let zero = Self.factura(subtotal: "20.00", discount: "0.00", groups: [("2", "4", "9.00", "1.50")],
                                extraDiscount: ["4": "0.00"], lines: [Self.line("10.00", "1.50"), Self.line("10.00", "0.00", rate: "0")])
        #expect(try messages(zero) == [
            "totalImpuesto codigo 2 codigoPorcentaje 4: baseImponible 9.00 but the lines' impuesto/baseImponible add up to 10.00",
            "no totalImpuesto codigo 2 codigoPorcentaje 0, but the lines' impuesto/baseImponible add up to 10.00",
        ])
    }

    @Test func unreadableAmountsLeaveTheirComparisonOut() throws {
        // totalSinImpuestos and one line's valor are not numbers: those two comparisons are left
        // out (the readable valores, 0.06, would disagree with 0.09). xsd:decimal's other spellings
        // (" +0.6 ", ".50") are read, so the discounts are compared.
        let xml = Self.factura(subtotal: "abc", discount: " +0.6 ", groups: [("2", "4", "0.40", "0.09")],
                               lines: [Self.line("0.10", "x"), Self.line("0.10", "0.02", discount: ".50"),
                                       Self.line("0.10", "0.02"), Self.line("0.10", "0.02")])
        #expect(try messages(xml) == ["totalDescuento 0.60 but the lines' descuento add up to 0.50"])
    }

    @Test func amountsAreReadAsXSDDecimals() {
        let read = ["0.06", "+0.5", " .5\n", "5.", "-1.25", "-.5", "+-5", "--5", "1e3", "", "abc", "1,00"].map { FacturaAmounts.amount($0)?.description }
        #expect(read == ["0.06", "0.5", "0.5", "5", "-1.25", "-0.5", nil, nil, nil, nil, nil, nil])
    }

    @Test func messagesNameElementsNotCommands() {
        let subjects: [AmountMismatch.Subject] = [.taxGroup(code: "2", rateCode: "4", element: "valor"), .subtotal, .totalDiscount]
        for subject in subjects {
            for stated in [nil, ExactDecimal(1)] {
                let text = AmountMismatch(subject: subject, stated: stated, linesSum: .zero).description
                #expect(!text.contains("folio") && !text.contains("--"), "\(text)")
            }
        }
        #expect(AmountMismatch(subject: .subtotal, stated: ExactDecimal(1), linesSum: try! ExactDecimal(parsing: "0.125")).description
                == "totalSinImpuestos 1.00 but the lines' precioTotalSinImpuesto add up to 0.125")
    }

    @Test func onlyFacturasAreRead() throws {
        let text = String(decoding: Self.factura(subtotal: "1.00", discount: "0.00", groups: [("2", "4", "0.40", "0.06")],
                                                 lines: [Self.line("1.00", "0.15")]), as: UTF8.self)
        let credit = text.replacingAll("factura", with: "notaCredito").replacingAll("infoFactura", with: "infoNotaCredito")
        #expect(try FacturaAmounts.mismatches(in: Array(credit.utf8)).isEmpty)
        #expect(try !FacturaAmounts.mismatches(in: Array(text.utf8)).isEmpty)
        #expect(throws: (any Error).self) { try FacturaAmounts.mismatches(in: Array("<factura>".utf8)) }
    }

    @Test func folioMadeFacturasHaveNone() throws {
        let built = try FacturaXMLTests.build(FacturaXMLTests.exampleInvoice())
        #expect(try FacturaAmounts.mismatches(in: built.xml).isEmpty)
        let four = try InvoiceAmountsPropertyTests.xml(InvoiceAmountsPropertyTests.items(Array(repeating: ("1", "0.10", "4"), count: 4)))
        #expect(try FacturaAmounts.mismatches(in: four).isEmpty)
    }
}

private extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
