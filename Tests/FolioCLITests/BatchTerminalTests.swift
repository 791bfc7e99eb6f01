import Testing
@testable import FolioCLI
import FolioTestSupport

/// A JSON-lines batch shown on a terminal: printed group by group, with a progress line on
/// stderr between the groups.
@Suite("a batch on a terminal")
struct BatchTerminalTests {
    static func line(buyer: String) -> String {
        #"{"buyer":{"identificationType":"07","identification":"9999999999999","name":"\#(buyer)"},"items":[{"code":"A","description":"A","quantity":"1","unitPrice":"2.50","ivaRate":"4"}]}"#
    }

    /// 130 lines, two commit groups: the first 100 with a short buyer, the last 30 with a long one.
    static let batch = (Array(repeating: line(buyer: "CONSUMIDOR FINAL"), count: DocumentsCreate.groupSize)
        + Array(repeating: line(buyer: "Comercializadora Internacional de Alimentos del Pacifico Sociedad Anonima"), count: 30))
        .joined(separator: "\n") + "\n"

    func run(width: Int) throws -> InProcessFolio.Result {
        let folio = try InProcessFolio()
        _ = folio.run(["tenants", "register", "--email", "ana@example.com", "--ruc", "1790011674001"])
        let issuer = try #require(folio.run(["issuers", "list", "-q"]).stdout.split(separator: "\n").first.map(String.init))
        let result = folio.run(["documents", "create", "--issuer", issuer, "--file", "-", "--no-color"], stdin: Self.batch,
                               terminal: true, stdinIsTerminal: false, width: width)
        #expect(result.status == 0, "\(result.stderr)")
        return result
    }

    @Test("the progress line is blanked before the next group's rows: no row starts after '100 documents'")
    func progressCleared() throws {
        let result = try run(width: 200)
        #expect(result.stderr.contains("100 documents"), "the progress line was shown")
        let lines = screen(result.transcript)
        let rows = lines.filter { $0.contains("doc_") }
        #expect(rows.count == 130)
        #expect(rows.allSatisfy { $0.hasPrefix("doc_") }, "\(rows.filter { !$0.hasPrefix("doc_") }.prefix(3))")
        #expect(!lines.contains { $0.contains("documents") && !$0.hasPrefix("signed 130 of 130") }, "\(lines.suffix(3))")
    }

    @Test("rows of every commit group line up under one header, the later group's longer buyers cut to fit")
    func alignedAcrossGroups() throws {
        for width in [200, 150] {
            let lines = try run(width: width).stdout.split(separator: "\n").map(String.init)
            #expect(lines.count == 131)
            #expect(lines.first?.hasPrefix("ID") == true)
            let status = lines.map { ($0.range(of: "signed") ?? $0.range(of: "STATUS"))?.lowerBound.utf16Offset(in: $0) }
            #expect(Set(status).count == 1, "width \(width): \(Set(status))")
            #expect(lines.allSatisfy { DisplayWidth.of($0) <= width }, "width \(width)")
            #expect(lines.last?.contains("Comercializadora") == true && lines.last?.contains("…") == true, "\(lines.suffix(2))")
        }
    }
}
