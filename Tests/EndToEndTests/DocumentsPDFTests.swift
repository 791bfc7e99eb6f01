import Foundation
import Testing
import FolioTestSupport

/// `documents pdf`: the RIDE as Folio writes it must read back through independent tools:
/// poppler's pdftotext (the text is real text), qpdf --check (the file's structure), and the
/// page rasterized at 300 dpi by pdftoppm and decoded by zbarimg (the barcode is the access key).
@Suite("documents pdf: the RIDE")
struct DocumentsPDFTests {
    static let legalName = "Distribuidora Güemes Ñañez & Hijos S.A."
    static let tradeName = "Panadería El Ñandú"

    /// A store with an issuer whose names carry accents and '&', and one signed document of
    /// `input`: (harness, workspace, access key, number, total).
    func document(_ input: String? = nil) throws -> (FolioHarness, String, String, String, String) {
        let folio = try FolioHarness()
        try folio.run(["tenants", "register", "--email", "ana@example.com", "--name", "Ana Foods"])
        let issuer = try #require(try folio.json([
            "issuers", "create", "--tenant", "ana@example.com", "--name", "Matriz", "--ruc", "1790011674001",
            "--address", "Av. Amazonas 100, Quito", "--legal-name", Self.legalName, "--trade-name", Self.tradeName,
            "--special-taxpayer", "12345", "--keeps-accounts"])["id"] as? String)
        let made = try folio.run(["issuers", "cert", "generate", issuer, "--days", "365"])
        try #require(made.status == 0, "cert generate: \(made.stderr)")
        let doc = try input.map { try folio.createDocument(issuer, $0) }
            ?? folio.json(["documents", "create", "--issuer", issuer, "--file", RepoPaths.examples + "/invoice.json"])
        let key = try #require(doc["accessKey"] as? String)
        return (folio, ProcessRunner.temporaryDirectory("folio-pdf"), key, try #require(doc["number"] as? String),
                try #require(doc["total"] as? String))
    }

    /// 60 lines, every seventh with a description long enough to wrap.
    static var sixtyItems: String {
        let items = (1...60).map { n in
            let description = n % 7 == 0 ? String(repeating: "Descripción larga del artículo número \(n), ", count: 3) : "Artículo \(n)"
            return #"{"code":"A\#(n)","description":"\#(description)","quantity":"1","unitPrice":"2.50","ivaRate":"4"}"#
        }
        return #"{"buyer":{"identificationType":"07","identification":"9999999999999","name":"CONSUMIDOR FINAL"},"items":["#
            + items.joined(separator: ",") + "]}"
    }

    /// Writes the RIDE of `key` to `dir/name` and returns the path.
    func pdf(_ folio: FolioHarness, _ key: String, in dir: String, name: String = "ride.pdf") throws -> String {
        let path = dir + "/" + name
        let result = try folio.run(["documents", "pdf", key, "-O", path])
        try #require(result.status == 0, "documents pdf: \(result.stderr)")
        return path
    }

    func text(_ path: String) throws -> String {
        let result = try tool("pdftotext", ["-layout", path, "-"])
        try #require(result.status == 0, "pdftotext: \(result.stderr)")
        return result.stdout
    }

    /// What zbarimg reads from page `page` rasterized at 300 dpi.
    func barcode(_ path: String, in dir: String, page: Int = 1) throws -> String {
        let image = dir + "/page\(page)"
        let raster = try tool("pdftoppm", ["-r", "300", "-f", "\(page)", "-l", "\(page)", "-singlefile", "-png", path, image])
        try #require(raster.status == 0, "pdftoppm: \(raster.stderr)")
        let read = try tool("zbarimg", ["-q", "--raw", image + ".png"])
        try #require(read.status == 0, "zbarimg: \(read.stderr)")
        return read.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test("pdftotext finds the access key, the number, the total and the accented names with '&'",
          .enabled(if: ExternalTool.shouldRun("pdftotext"), "needs pdftotext"))
    func textIsReal() throws {
        let (folio, dir, key, number, total) = try document()
        let text = try text(try pdf(folio, key, in: dir))
        #expect(text.contains(key))
        #expect(text.contains("FACTURA No. \(number)"))
        #expect(text.contains("VALOR TOTAL"))
        #expect(text.contains(total))
        #expect(text.contains(Self.legalName))
        #expect(text.contains(Self.tradeName))
        #expect(text.contains("María José Andrade Peña"))
        #expect(text.contains("Envío & manipulación <urgente>"))
        #expect(text.contains("AMBIENTE: PRUEBAS"))
        #expect(text.contains("OBLIGADO A LLEVAR CONTABILIDAD: SI"))
        #expect(text.contains("Contribuyente Especial Nro.: 12345"))
        #expect(text.contains("IVA 15%"))
        #expect(text.contains("Orden de compra: OC-2026-0815"))
    }

    @Test("qpdf --check finds no error", .enabled(if: ExternalTool.shouldRun("qpdf"), "needs qpdf"))
    func qpdfCheck() throws {
        let (folio, dir, key, _, _) = try document()
        let result = try tool("qpdf", ["--check", try pdf(folio, key, in: dir)])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("No syntax or stream encoding errors"))
    }

    @Test("the barcode at 300 dpi reads back as exactly the 49 digits",
          .enabled(if: ExternalTool.shouldRun("pdftoppm") && ExternalTool.shouldRun("zbarimg"), "needs pdftoppm and zbarimg"))
    func barcodeReadsBack() throws {
        let (folio, dir, key, _, _) = try document()
        #expect(try barcode(try pdf(folio, key, in: dir), in: dir) == key)
    }

    @Test("a 60-item invoice flows onto further pages and passes the same checks",
          .enabled(if: ["pdftotext", "qpdf", "pdftoppm", "zbarimg"].allSatisfy { ExternalTool.shouldRun($0) },
                   "needs pdftotext, qpdf, pdftoppm and zbarimg"))
    func sixtyItems() throws {
        let (folio, dir, key, number, total) = try document(Self.sixtyItems)
        #expect(total == "172.50")
        let path = try pdf(folio, key, in: dir)
        let text = try text(path)
        let pages = text.components(separatedBy: "\u{0C}").filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        #expect(pages.count >= 2)
        for (index, page) in pages.enumerated() {
            #expect(page.contains("Descripción"), "page \(index + 1) repeats the table header")
            #expect(page.contains(number))
            #expect(page.contains("Página \(index + 1) de \(pages.count)"))
        }
        for n in [1, 30, 60] { #expect(text.contains("Artículo \(n)")) }
        #expect(text.contains(key))
        #expect(text.contains(total))
        let check = try tool("qpdf", ["--check", path])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(try barcode(path, in: dir) == key)
    }

    @Test("the same document gives the same bytes: twice, from --file, and on stdout with -O -")
    func deterministic() throws {
        let (folio, dir, key, _, _) = try document()
        let first = try Data(contentsOf: URL(fileURLWithPath: try pdf(folio, key, in: dir, name: "a.pdf")))
        let second = try Data(contentsOf: URL(fileURLWithPath: try pdf(folio, key, in: dir, name: "b.pdf")))
        #expect(first == second)
        #expect(first.starts(with: Data("%PDF-1.4".utf8)))
        let signed = dir + "/signed.xml"
        try folio.run(["documents", "xml", key]).stdoutData.write(to: URL(fileURLWithPath: signed))
        let fromFile = try folio.run(["documents", "pdf", "--file", signed, "-O", "-"])
        #expect(fromFile.status == 0, "\(fromFile.stderr)")
        #expect(fromFile.stdoutData == first)
        // No date of the run in the file: the clock moved on and nothing changed.
        let later = try folio.run(["documents", "pdf", key, "-O", "-"], environment: ["FOLIO_NOW": "2031-01-01T00:00:00Z"])
        #expect(later.stdoutData == first)
    }

    @Test("the SRI's authorization response (autorizacion wrapping the comprobante) prints the authorization")
    func authorizationResponse() throws {
        let (folio, dir, key, _, _) = try document()
        let signed = String(decoding: try folio.run(["documents", "xml", key]).stdoutData, as: UTF8.self)
        let response = dir + "/autorizacion.xml"
        try ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<autorizacion><estado>AUTORIZADO</estado>"
             + "<numeroAutorizacion>\(key)</numeroAutorizacion><fechaAutorizacion>2026-11-22T10:15:30-05:00</fechaAutorizacion>"
             + "<ambiente>PRUEBAS</ambiente><comprobante><![CDATA[\n\(signed)]]></comprobante></autorizacion>\n")
            .write(toFile: response, atomically: true, encoding: .utf8)
        let result = try folio.run(["documents", "pdf", "--file", response, "-O", "-"])
        #expect(result.status == 0, "\(result.stderr)")
        let pdf = String(decoding: result.stdoutData, as: UTF8.self)
        // WinAnsi octal escapes: \332 Ú, \323 Ó.
        #expect(pdf.contains("(N\\332MERO DE AUTORIZACI\\323N:)"))
        #expect(pdf.contains("(\(key))"))
        #expect(pdf.contains("(2026-11-22T10:15:30-05:00)"))
        let plain = try folio.run(["documents", "pdf", key, "-O", "-"])
        #expect(!String(decoding: plain.stdoutData, as: UTF8.self).contains("AUTORIZACI"))
    }
}
