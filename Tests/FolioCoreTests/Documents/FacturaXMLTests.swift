import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import FolioTestSupport
import Testing
@testable import FolioCore
import FolioSupport

@Suite struct FacturaXMLTests {
    static let today = (year: 2026, month: 11, day: 22)
    static let issuer = InvoiceIssuer(ruc: "1760013210001", legalName: "Servicios & Sistemas <Andes> Cía. Ltda.",
                                      tradeName: "Andes Software", headOfficeAddress: "Av. 6 de Diciembre N24-253, Quito",
                                      establishmentAddress: "Calle Larga 7-12, Cuenca", establishment: "001",
                                      emissionPoint: "002", keepsAccounts: true, specialTaxpayer: "5368")

    static func build(_ json: JSONValue, sequential: Int = 42, issuer: InvoiceIssuer = issuer) throws -> BuiltInvoice {
        try InvoiceBuilder.build(input: json, issuer: issuer, environment: 1, sequential: sequential,
                                 numericCode: "12345678", today: today)
    }

    static func exampleInvoice() throws -> JSONValue {
        try JSONParser.parse(SRITestFiles.bytes(SRITestFiles.examples.appendingPathComponent("invoice.json")))
    }

    /// Runs xmllint against the SRI schema; returns its exit status and messages.
    static func schemaCheck(_ xml: [UInt8]) throws -> ProcessResult {
        let dir = ProcessRunner.temporaryDirectory("folio-factura")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = dir + "/factura.xml"
        try Data(xml).write(to: URL(fileURLWithPath: file))
        let xmllint = try #require(ExternalTool.path("xmllint"), "xmllint not installed")
        return try ProcessRunner.run([xmllint, "--nonet", "--noout", "--schema", SRITestFiles.facturaXSD, file])
    }

    static func document(_ xml: [UInt8]) throws -> XMLDocument { try XMLDocument(data: Data(xml)) }

    static func text(_ doc: XMLDocument, _ xpath: String) throws -> [String] {
        try doc.nodes(forXPath: xpath).map { $0.stringValue ?? "" }
    }

    @Test(.enabled(if: ExternalTool.shouldRun("xmllint"), "needs xmllint"))
    func theExampleRoundTripsToSchemaValidXML() throws {
        let built = try Self.build(Self.exampleInvoice())
        let result = try Self.schemaCheck(built.xml)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("validates"))
    }

    @Test(.enabled(if: ExternalTool.shouldRun("xmllint"), "needs xmllint"))
    func everyBatchLineIsSchemaValid() throws {
        let lines = try JSONParser.parseLines(SRITestFiles.bytes(SRITestFiles.examples.appendingPathComponent("batch.jsonl")))
        for (n, line) in lines.enumerated() {
            let built = try Self.build(line.value, sequential: n + 1)
            let result = try Self.schemaCheck(built.xml)
            #expect(result.status == 0, "line \(line.line): \(result.stderr)")
        }
    }

    @Test(.enabled(if: ExternalTool.shouldRun("xmllint"), "needs xmllint"))
    func theSchemaCheckCatchesABrokenDocument() throws {
        // Proves the validation above can fail: the same XML without its required codDoc is refused.
        let built = try Self.build(Self.exampleInvoice())
        var text = String(decoding: built.xml, as: UTF8.self)
        text = text.replacingOccurrences(of: "<codDoc>01</codDoc>", with: "")
        let result = try Self.schemaCheck(Array(text.utf8))
        #expect(result.status != 0)
    }

    @Test func theXMLCarriesTheComputedValuesInOrder() throws {
        let built = try Self.build(Self.exampleInvoice())
        let text = String(decoding: built.xml, as: UTF8.self)
        #expect(text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<factura id=\"comprobante\" version=\"1.1.0\">"))
        let doc = try Self.document(built.xml)
        #expect(try Self.text(doc, "/factura/infoTributaria/*").count == 11)
        #expect(try doc.nodes(forXPath: "/factura/infoTributaria/*").map { $0.name ?? "" } ==
            ["ambiente", "tipoEmision", "razonSocial", "nombreComercial", "ruc", "claveAcceso", "codDoc", "estab", "ptoEmi", "secuencial", "dirMatriz"])
        #expect(try Self.text(doc, "//claveAcceso") == [built.accessKey])
        #expect(try Self.text(doc, "//razonSocial") == [Self.issuer.legalName])
        #expect(try Self.text(doc, "//secuencial") == ["000000042"])
        #expect(try Self.text(doc, "//fechaEmision") == ["22/11/2026"])
        #expect(try Self.text(doc, "//obligadoContabilidad") == ["SI"])
        #expect(try Self.text(doc, "//infoFactura/totalSinImpuestos") == ["478.19"])
        #expect(try Self.text(doc, "//infoFactura/totalDescuento") == ["5.00"])
        #expect(try Self.text(doc, "//totalImpuesto/codigoPorcentaje") == ["0", "4"])
        #expect(try Self.text(doc, "//totalImpuesto/valor") == ["0.00", "68.03"])
        #expect(try Self.text(doc, "//importeTotal") == ["546.22"])
        #expect(try Self.text(doc, "//pago/formaPago") == ["19", "20"])
        #expect(try Self.text(doc, "//pago/plazo") == ["30.00"])
        #expect(try Self.text(doc, "//detalle/cantidad") == ["10.00", "2.00", "1.00"])
        #expect(try Self.text(doc, "//detalle/precioUnitario") == ["45.50", "12.345", "3.50"])
        #expect(try Self.text(doc, "//detalle/descripcion")[2] == "Envío & manipulación <urgente>")
        #expect(try Self.text(doc, "//detalle/impuestos/impuesto/tarifa") == ["15", "0", "15"])
        #expect(try Self.text(doc, "//detalle/impuestos/impuesto/valor") == ["67.50", "0.00", "0.53"])
        #expect(try Self.text(doc, "//detAdicional/@nombre") == ["Período", "Consultor"])
        #expect(try Self.text(doc, "//campoAdicional/@nombre") == ["Email", "Teléfono", "Orden de compra", "Vendedor"])
        #expect(try Self.text(doc, "//campoAdicional")[3] == "Ana \"Anita\" Mora")
        let key = try AccessKey.decode(built.accessKey)
        #expect(key.checkDigitValid)
        #expect(key.fields.documentNumber == "001-002-000000042")
        #expect(built.number == "001-002-000000042")
    }

    @Test func hostileTextCannotChangeTheStructure() throws {
        let evil = "</razonSocialComprador><x a=\"1\">]]>&amp;'\""
        let json = JSONValue.object([
            JSONMember("buyer", .object([JSONMember("identificationType", .string("06")), JSONMember("identification", .string("AB123")),
                                         JSONMember("name", .string(evil))])),
            JSONMember("items", .array([.object([JSONMember("code", .string("A")), JSONMember("description", .string(evil)),
                                                 JSONMember("quantity", .number("1")), JSONMember("unitPrice", .number("1")),
                                                 JSONMember("ivaRate", .string("0")),
                                                 JSONMember("details", .object([JSONMember(evil, .string(evil))]))])])),
        ])
        let built = try Self.build(json)
        let doc = try Self.document(built.xml)
        #expect(try Self.text(doc, "//razonSocialComprador") == [evil])
        #expect(try Self.text(doc, "//descripcion") == [evil])
        #expect(try Self.text(doc, "//detAdicional/@nombre") == [evil])
        #expect(try Self.text(doc, "//detAdicional/@valor") == [evil])
        #expect(try doc.nodes(forXPath: "//x").isEmpty)
        // No e-mail, phone or additional fields: no infoAdicional at all.
        #expect(try doc.nodes(forXPath: "//infoAdicional").isEmpty)
    }

    @Test func summaryHasDecimalStrings() throws {
        let built = try Self.build(Self.exampleInvoice())
        let s = built.summary
        #expect(s["accessKey"]?.stringValue == built.accessKey)
        #expect(s["number"]?.stringValue == "001-002-000000042")
        #expect(s["total"]?.stringValue == "546.22")
        #expect(s["subtotal"]?.stringValue == "478.19")
        #expect(s["totalTax"]?.stringValue == "68.03")
        #expect(s["issueDate"]?.stringValue == "2026-11-22")
        #expect(s["buyer"]?["identification"]?.stringValue == "1710034065")
    }

    @Test func builderErrorsNameTheField() throws {
        let json = try Self.exampleInvoice()
        func field(_ body: () throws(DocumentInputError) -> BuiltInvoice) -> String? {
            do { _ = try body(); return nil } catch { return error.field }
        }
        #expect(field { () throws(DocumentInputError) in
            try InvoiceBuilder.build(input: json, issuer: Self.issuer, environment: 1, sequential: 1, numericCode: "123", today: Self.today)
        } == "numericCode")
        #expect(field { () throws(DocumentInputError) in
            try InvoiceBuilder.build(input: json, issuer: Self.issuer, environment: 3, sequential: 1, numericCode: "12345678", today: Self.today)
        } == "environment")
        var badIssuer = Self.issuer
        badIssuer.ruc = "176001321000"
        #expect(field { () throws(DocumentInputError) in
            try InvoiceBuilder.build(input: json, issuer: badIssuer, environment: 1, sequential: 1, numericCode: "12345678", today: Self.today)
        } == "issuer.ruc")
        #expect(field { () throws(DocumentInputError) in
            try InvoiceBuilder.build(input: json, issuer: Self.issuer, environment: 1, sequential: 0, numericCode: "12345678", today: Self.today)
        } == "sequential")
    }
}
