import FolioXML
import Testing
@testable import FolioCore
import FolioSupport

/// The amount rules (docs/invoice-input.md, "How the amounts are computed") hold on the XML Folio
/// writes, read back through libxml2: each line's IVA is within 0.01 of its base × rate, each
/// group's IVA is round(group base × rate), and the lines of a group add up to it exactly.
@Suite struct InvoiceAmountsPropertyTests {
    static let issuer = InvoiceIssuer(ruc: "1790011674001", legalName: "Ana Foods", tradeName: nil,
                                      headOfficeAddress: "Av. Amazonas 100, Quito", establishmentAddress: nil,
                                      establishment: "001", emissionPoint: "001", keepsAccounts: false, specialTaxpayer: nil)
    static let today = (year: 2026, month: 1, day: 15)

    /// Invoice `i` of the property test is generated from seed `baseSeed + i`.
    static let baseSeed: UInt64 = 0x1616_2026_0115
    static let invoiceCount = 2000

    /// The unsigned XML of a factura input, as `documents create` would sign it.
    static func xml(_ json: JSONValue) throws -> [UInt8] {
        let input = try InvoiceBuilder.validate(input: json, today: today)
        return try InvoiceBuilder.build(validated: input, issuer: issuer, environment: 1, sequential: 1,
                                        numericCode: "12345678").xml
    }

    static func items(_ lines: [(quantity: String, unitPrice: String, rate: String)]) -> JSONValue {
        .object([
            JSONMember("issueDate", .string("2026-01-15")),
            JSONMember("buyer", .object([JSONMember("identificationType", .string("07")),
                                         JSONMember("identification", .string("9999999999999")),
                                         JSONMember("name", .string("CONSUMIDOR FINAL"))])),
            JSONMember("items", .array(lines.enumerated().map { n, line in
                .object([JSONMember("code", .string("P\(n)")), JSONMember("description", .string("Producto \(n)")),
                         JSONMember("quantity", .string(line.quantity)), JSONMember("unitPrice", .string(line.unitPrice)),
                         JSONMember("ivaRate", .string(line.rate))])
            })),
        ])
    }

    static func texts(_ xml: [UInt8], _ path: [String], _ leaf: String) throws -> [String] {
        var elements = [try XMLDocument(bytes: xml).rootSnapshot]
        for name in path { elements = elements.flatMap { $0.children(name) } }
        return elements.compactMap { $0.child(leaf)?.text }
    }

    @Test func fourItemsOfTenCentsAtFifteenPercent() throws {
        // Each line: 0.10 × 15 % = 0.015, rounded alone 0.02 (sum 0.08); the group: 0.40 × 15 % = 0.06.
        // Residual −0.02: all four remainders are −0.005, so the first two lines give back a cent.
        let xml = try Self.xml(Self.items(Array(repeating: ("1", "0.10", "4"), count: 4)))
        let lineTaxes = ["detalles", "detalle", "impuestos", "impuesto"]
        #expect(try Self.texts(xml, lineTaxes, "baseImponible") == ["0.10", "0.10", "0.10", "0.10"])
        #expect(try Self.texts(xml, lineTaxes, "valor") == ["0.01", "0.01", "0.02", "0.02"])
        #expect(try Self.texts(xml, ["infoFactura", "totalConImpuestos", "totalImpuesto"], "baseImponible") == ["0.40"])
        #expect(try Self.texts(xml, ["infoFactura", "totalConImpuestos", "totalImpuesto"], "valor") == ["0.06"])
        #expect(try Self.texts(xml, ["infoFactura"], "importeTotal") == ["0.46"])
        #expect(try Self.texts(xml, ["infoFactura", "pagos", "pago"], "total") == ["0.46"])
        #expect(try FacturaAmounts.mismatches(in: xml).isEmpty)
    }

    @Test func thirtyItemsOfTenCentsCloseAFifteenCentGap() throws {
        // Rounded alone the lines would say 0.60 against the group's 3.00 × 15 % = 0.45.
        let xml = try Self.xml(Self.items(Array(repeating: ("1", "0.10", "4"), count: 30)))
        let values = try Self.texts(xml, ["detalles", "detalle", "impuestos", "impuesto"], "valor")
        #expect(values == Array(repeating: "0.01", count: 15) + Array(repeating: "0.02", count: 15))
        #expect(try Self.texts(xml, ["infoFactura", "totalConImpuestos", "totalImpuesto"], "valor") == ["0.45"])
        #expect(try Self.texts(xml, ["infoFactura"], "importeTotal") == ["3.45"])
    }

    @Test func aPositiveResidualGoesToTheLargestRemainder() throws {
        // At 12 %: 0.14 → 0.0168 → 0.02 (remainder −0.0032); 0.13 → 0.0156 → 0.02 (−0.0044);
        // 0.04 → 0.0048 → 0.00 (+0.0048) twice; 0.03 → 0.0036 → 0.00 (+0.0036). The group:
        // 0.38 × 12 % = 0.0456 → 0.05 against 0.04 from the lines, so one cent goes to the largest
        // remainder, +0.0048, of which the first of the two tied lines is the earlier.
        let xml = try Self.xml(Self.items([("1", "0.14", "2"), ("1", "0.13", "2"), ("1", "0.04", "2"),
                                           ("1", "0.04", "2"), ("1", "0.03", "2")]))
        #expect(try Self.texts(xml, ["detalles", "detalle", "impuestos", "impuesto"], "valor") ==
                ["0.02", "0.02", "0.01", "0.00", "0.00"])
        #expect(try Self.texts(xml, ["infoFactura", "totalConImpuestos", "totalImpuesto"], "valor") == ["0.05"])
    }

    @Test func zeroRateLinesStayZero() throws {
        let lines = ["0", "6", "7"].flatMap { code in Array(repeating: ("1", "0.15", code), count: 5) }
        let xml = try Self.xml(Self.items(lines))
        #expect(try Self.texts(xml, ["detalles", "detalle", "impuestos", "impuesto"], "valor") == Array(repeating: "0.00", count: 15))
        #expect(try Self.texts(xml, ["infoFactura", "totalConImpuestos", "totalImpuesto"], "valor") == ["0.00", "0.00", "0.00"])
    }

    @Test func generatedInvoicesKeepEveryRule() throws {
        var rules = FacturaRules()
        var failing: [String] = []
        var lines = 0
        for i in 0..<Self.invoiceCount {
            let seed = Self.baseSeed &+ UInt64(i)
            var generator = InvoiceGenerator(seed: seed)
            let json = generator.invoice()
            let xml: [UInt8]
            do { xml = try Self.xml(json) } catch {
                failing.append("seed \(seed): \(error)")
                continue
            }
            let root = try XMLDocument(bytes: xml).rootSnapshot
            let readBack = try FacturaReadBack(root: root)
            lines += readBack.lines.count
            var problems = rules.problems(readBack)
            let mismatches = FacturaAmounts.mismatches(in: root)
            if !mismatches.isEmpty { problems.append("FacturaAmounts: \(mismatches)") }
            if !problems.isEmpty {
                failing.append("seed \(seed) (InvoiceGenerator(seed: \(seed)).invoice()): " + problems.prefix(5).joined(separator: "; "))
            }
            if failing.count >= 5 { break }
        }
        #expect(failing.isEmpty, "\(failing.joined(separator: "\n"))")
        // The generator must keep producing the cases the rules are about.
        let c = rules.coverage
        #expect(lines > 8 * Self.invoiceCount, "only \(lines) lines")
        #expect(c.positiveResiduals > 300 && c.negativeResiduals > 300 && c.tiedRemainders > 150 && c.discounts > 3000,
                "too few interesting cases: \(c)")
    }

    @Test func generatedInvoicesAreSchemaValid() throws {
        let schema = try XMLSchema(path: SRITestFiles.facturaXSD)
        for i in stride(from: 0, to: Self.invoiceCount, by: 50) {
            let seed = Self.baseSeed &+ UInt64(i)
            var generator = InvoiceGenerator(seed: seed)
            let errors = schema.validate(try Self.xml(generator.invoice()))
            #expect(errors.isEmpty, "seed \(seed): \(errors.prefix(3))")
        }
    }
}
