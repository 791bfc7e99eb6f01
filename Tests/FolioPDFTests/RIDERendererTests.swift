import Foundation
import Testing
@testable import FolioPDF

@Suite struct RIDERendererTests {
    static func ride(items count: Int) -> RIDE {
        let items = (1...count).map { n in
            RIDE.Item(code: "A\(n)", auxiliaryCode: nil,
                      description: n % 7 == 0 ? String(repeating: "Descripción larga del artículo \(n) ", count: 4) : "Artículo \(n)",
                      quantity: "1.00", unitPrice: "2.50", discount: "0.00", total: "2.50", details: [])
        }
        return RIDE(
            title: "FACTURA", number: "001-001-000000042", environment: "PRUEBAS", emission: "NORMAL",
            accessKey: "2211202601179001167400110010010000000421234567818", authorizationNumber: nil, authorizationDate: nil,
            issuer: RIDE.Issuer(legalName: "Ñandú & Cía. (Quito)", tradeName: "Ñandú", ruc: "1790011674001",
                                headOfficeAddress: "Av. Amazonas 100", establishmentAddress: nil, specialTaxpayer: nil,
                                keepsAccounts: "NO"),
            buyer: RIDE.Buyer(name: "María Peña", identification: "1710034065", address: nil, issueDate: "22/11/2026"),
            items: items, totals: [RIDE.Amount("VALOR TOTAL", "150.00", emphasized: true)],
            payments: [RIDE.Payment(method: "01 - SIN UTILIZACIÓN DEL SISTEMA FINANCIERO", amount: "150.00", term: nil)],
            additionalFields: [RIDE.Field("Email", "m@example.com")])
    }

    @Test func sameRIDEGivesSameBytes() {
        #expect(RIDERenderer.render(Self.ride(items: 3)) == RIDERenderer.render(Self.ride(items: 3)))
        #expect(RIDERenderer.render(Self.ride(items: 3)) != RIDERenderer.render(Self.ride(items: 4)))
    }

    /// Every cross-reference entry points at its object's first byte; startxref at the table.
    @Test func crossReferenceOffsetsAreExact() throws {
        let pdf = RIDERenderer.render(Self.ride(items: 60))
        let text = String(decoding: pdf, as: UTF8.self)
        #expect(text.hasPrefix("%PDF-1.4\n"))
        #expect(text.hasSuffix("%%EOF\n"))
        let tail = text.split(separator: "\n").suffix(3)
        let xref = try #require(Int(tail.dropLast().last ?? ""))
        let table = String(decoding: pdf[xref...], as: UTF8.self)
        #expect(table.hasPrefix("xref\n0 "))
        let lines = table.split(separator: "\n")
        let count = try #require(Int(lines[1].split(separator: " ")[1]))
        for object in 1..<count {
            let entry = lines[2 + object]
            #expect(entry.count == 19) // 20 bytes with the newline
            let offset = try #require(Int(entry.prefix(10)))
            #expect(String(decoding: pdf[offset..<(offset + 12)], as: UTF8.self).hasPrefix("\(object) 0 obj\n"))
        }
        #expect(!text.contains("CreationDate"))
    }

    /// 60 items flow onto further pages, each with the table header again.
    @Test func manyItemsMakeSeveralPagesWithTheHeaderRepeated() throws {
        let pdf = String(decoding: RIDERenderer.render(Self.ride(items: 60)), as: UTF8.self)
        let pages = pdf.components(separatedBy: "/Type /Page /Parent").count - 1
        #expect(pages >= 2)
        #expect(pdf.contains("/Count \(pages)"))
        #expect(pdf.components(separatedBy: "(Descripci\\363n)").count - 1 == pages)
        #expect(pdf.contains("(P\\341gina \(pages) de \(pages))"))
        #expect(pdf.contains("(A60)"))
    }
}
