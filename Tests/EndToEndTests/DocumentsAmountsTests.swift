import Foundation
import Testing
import FolioCore
import FolioCrypto
import FolioTestSupport
import FolioXML
import FolioSupport

/// `documents verify` warns about a factura whose tax groups disagree with its lines, without
/// changing its verdict on the signature.
@Suite("documents: amounts that disagree")
struct DocumentsAmountsTests {
    /// Four items of 0.10 at 15 %: the minimal case of issue 16.
    static let fourItems = #"{"issueDate":"2026-01-15","buyer":{"identificationType":"07","identification":"9999999999999","name":"CONSUMIDOR FINAL"},"items":["#
        + Array(repeating: #"{"code":"A","description":"Caramelo","quantity":"1","unitPrice":"0.10","ivaRate":"4"}"#, count: 4)
            .joined(separator: ",") + "]}"
    static let warning = "totalImpuesto codigo 2 codigoPorcentaje 4: valor 0.06 but the lines' impuesto/valor add up to 0.08"

    /// 2026-01-15T12:00:00Z; the certificate below is valid then, whatever today is.
    static let signingTime: Int64 = 1_768_478_400

    /// The four-item factura as the old rule wrote it (each line 0.02, the group 0.06), signed by
    /// another issuer's key with FolioXML's signer: a correct signature over amounts that disagree.
    static func signedMismatch(in dir: String) throws -> String {
        let issuer = InvoiceIssuer(ruc: "0991234567001", legalName: "Otro Emisor S.A.", tradeName: nil,
                                   headOfficeAddress: "Av. 9 de Octubre 100, Guayaquil", establishmentAddress: nil,
                                   establishment: "001", emissionPoint: "001", keepsAccounts: true, specialTaxpayer: nil)
        let built = try InvoiceBuilder.build(input: try JSONParser.parse(fourItems), issuer: issuer, environment: 1, sequential: 7,
                                             numericCode: "12345678", today: (2026, 1, 15))
        var text = String(decoding: built.xml, as: UTF8.self)
        let lines = try #require(text.range(of: "<detalles>"))
        let old = String(text[lines.lowerBound...]).replacingOccurrences(of: "<valor>0.01</valor>", with: "<valor>0.02</valor>")
        text = String(text[..<lines.lowerBound]) + old
        try #require(text.components(separatedBy: "<valor>0.02</valor>").count == 5 && text.contains("<valor>0.06</valor>"))

        let key = try PrivateKey.generateRSA(bits: 2048)
        let certificate = try Certificate.selfSigned(key: key, subject: [("CN", "Otro Emisor"), ("serialNumber", "0991234567001")],
                                                     notBefore: signingTime - 14 * 86_400, days: 3650)
        let signed = try XAdESSigner.sign(Array(text.utf8), key: key, certificate: certificate, profile: .sri, signingTime: signingTime)
        let path = dir + "/mismatch.xml"
        try Data(signed).write(to: URL(fileURLWithPath: path))
        return path
    }

    func report(_ result: ProcessResult) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any], "\(result.stdout)")
    }

    @Test("a signed factura whose group and lines disagree: a warning on stderr and in JSON, exit 0")
    func mismatchWarns() throws {
        let folio = try FolioHarness()
        let dir = ProcessRunner.temporaryDirectory("folio-amounts")
        let file = try Self.signedMismatch(in: dir)

        let json = try folio.run(["documents", "verify", "--file", file, "-o", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        let body = try report(json)
        #expect(body["valid"] as? Bool == true)
        #expect(body["failures"] as? [String] == [])
        #expect(body["warnings"] as? [String] == [Self.warning])
        #expect(json.stderr.contains("warning: " + Self.warning + "\n"))

        let text = try folio.run(["documents", "verify", "--file", file])
        #expect(text.status == 0)
        #expect(text.stderr == "warning: " + Self.warning + "\n")
        #expect(!text.stdout.contains("warning"))

        // A broken signature still decides the exit status; the warning comes along.
        let signed = try String(contentsOfFile: file, encoding: .utf8)
        let tampered = signed.replacingOccurrences(of: "<importeTotal>0.46</importeTotal>", with: "<importeTotal>0.48</importeTotal>")
        try #require(tampered != signed)
        let bad = try folio.run(["documents", "verify", "--file", "-", "-o", "json"], stdin: tampered)
        #expect(bad.status == 10)
        #expect(try report(bad)["warnings"] as? [String] == [Self.warning])
        #expect(bad.stderr.contains("warning: " + Self.warning))
        #expect(bad.stderr.contains(#""error":"signature_invalid""#))
    }

    @Test("a Folio-made factura of the same items: lines add up, no warnings, stored or as a file")
    func folioMadeHasNoWarnings() throws {
        let folio = try FolioHarness()
        let (_, issuer) = try folio.makeIssuer()
        let created = try folio.createDocument(issuer, Self.fourItems)
        let key = try #require(created["accessKey"] as? String)
        #expect(created["total"] as? String == "0.46")

        let xml = try folio.run(["documents", "xml", key])
        let root = try XMLDocument(bytes: Array(xml.stdoutData)).rootSnapshot
        let values = root.child("detalles")?.children("detalle").compactMap { $0.path("impuestos", "impuesto", "valor")?.text }
        #expect(values == ["0.01", "0.01", "0.02", "0.02"])
        #expect(root.path("infoFactura", "totalConImpuestos", "totalImpuesto", "valor")?.text == "0.06")

        let stored = try folio.run(["documents", "verify", key, "-o", "json"])
        #expect(stored.status == 0, "\(stored.stderr)")
        #expect(try report(stored)["warnings"] as? [String] == [])
        #expect(!stored.stderr.contains("warning"))

        let dir = ProcessRunner.temporaryDirectory("folio-amounts")
        try xml.stdoutData.write(to: URL(fileURLWithPath: dir + "/made.xml"))
        let file = try folio.run(["documents", "verify", "--file", dir + "/made.xml"])
        #expect(file.status == 0)
        #expect(file.stderr.isEmpty, "\(file.stderr)")
    }
}
