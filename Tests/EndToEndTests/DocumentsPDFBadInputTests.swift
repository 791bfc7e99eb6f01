import Foundation
import Testing
import FolioTestSupport

/// `documents pdf` refusing: input that is not a document it can print fails naming what it
/// is (exit 3) and writes nothing; an existing output file is replaced only when confirmed.
@Suite("documents pdf: bad input and overwriting")
struct DocumentsPDFBadInputTests {
    func write(_ text: String, to path: String) throws {
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    @Test("a --file that is not an SRI document, or a type without a RIDE yet, fails exit 3 naming it; nothing written")
    func notPrintable() throws {
        let folio = try FolioHarness()
        let dir = ProcessRunner.temporaryDirectory("folio-pdf-bad")
        let cases: [(name: String, content: String, says: [String])] = [
            ("note.xml", "<note><to>Ana</to></note>", ["not an SRI electronic document", "<note>"]),
            ("nc.xml", #"<notaCredito id="comprobante" version="1.1.0"><infoTributaria/></notaCredito>"#,
             ["nota de crédito", "<notaCredito>", "only the RIDE of a factura"]),
            ("text.xml", "just text, not XML", ["not well-formed XML"]),
            ("bare.xml", #"<factura id="comprobante"><infoTributaria/></factura>"#, ["factura/infoFactura", "schema requires"]),
        ]
        for c in cases {
            let input = dir + "/" + c.name, output = dir + "/" + c.name + ".pdf"
            try write(c.content, to: input)
            let result = try folio.run(["documents", "pdf", "--file", input, "-O", output])
            #expect(result.status == 3, "\(c.name): \(result.stderr)")
            #expect(result.stderr.contains(c.name), "\(c.name): the message names the file: \(result.stderr)")
            for phrase in c.says { #expect(result.stderr.contains(phrase), "\(c.name): \(result.stderr)") }
            #expect(!FileManager.default.fileExists(atPath: output), "\(c.name): nothing written")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).allSatisfy { $0.hasSuffix(".xml") })
    }

    @Test("neither or both of a document and --file is a usage error (exit 2)")
    func sourceRequired() throws {
        let folio = try FolioHarness()
        #expect(try folio.run(["documents", "pdf", "-O", "-"]).status == 2)
        #expect(try folio.run(["documents", "pdf", "doc_x", "--file", "a.xml"]).status == 2)
    }

    @Test("-O onto an existing file needs a terminal or --yes/--force: refused exit 2 and the file kept")
    func overwrite() throws {
        let folio = try FolioHarness()
        let (_, issuer) = try folio.makeIssuer()
        let doc = try folio.json(["documents", "create", "--issuer", issuer, "--file", RepoPaths.examples + "/invoice.json"])
        let key = try #require(doc["accessKey"] as? String)
        let dir = ProcessRunner.temporaryDirectory("folio-pdf-over")
        let target = dir + "/factura.pdf"
        try write("precious", to: target)
        let refused = try folio.run(["documents", "pdf", key, "-O", target])
        #expect(refused.status == 2, "\(refused.stderr)")
        #expect(refused.stderr.contains("--yes"))
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "precious")
        for flag in ["--yes", "--force"] {
            try write("precious", to: target)
            let replaced = try folio.run(["documents", "pdf", key, "-O", target, flag])
            #expect(replaced.status == 0, "\(flag): \(replaced.stderr)")
            #expect(try Data(contentsOf: URL(fileURLWithPath: target)).starts(with: Data("%PDF-".utf8)))
        }
        // Written beside the target and renamed: no temporary file is left in the directory.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["factura.pdf"])
        // A directory that does not exist: an I/O error naming it, nothing created.
        let missing = try folio.run(["documents", "pdf", key, "-O", dir + "/no/such/dir/f.pdf"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("does not exist"))
    }
}
