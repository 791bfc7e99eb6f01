import Foundation
import Testing
import FolioTestSupport

extension FolioHarness {
    /// A tenant on `tier` with an issuer and `count` documents of growing totals (one batch).
    func exportFixture(count: Int, tier: String = "growth") throws -> (tenant: String, issuer: String) {
        let made = try makeIssuer()
        try #require(try run(["tenants", "set-tier", "ana@example.com", tier]).status == 0)
        if count > 0 {
            let batch = (1...count).map { n in
                #"{"buyer":{"identificationType":"05","identification":"1710034065","name":"=Núñez, \"Ana\" \#(n)"},"items":[{"code":"A\#(n)","description":"Item \#(n)","quantity":"\#(n)","unitPrice":"2.50","ivaRate":"4"}]}"#
            }.joined(separator: "\n")
            let created = try run(["documents", "create", "--issuer", made.issuer, "--file", "-", "-q"], stdin: batch)
            try #require(created.status == 0, "documents create: \(created.stderr)")
        }
        return made
    }

    /// `exports create` with `arguments`, parsed as JSON (must succeed): the export's row.
    func export(_ arguments: [String]) throws -> [String: Any] {
        try json(["exports", "create"] + arguments)
    }

    /// The archive of export `id` in the store.
    func archive(_ id: String) -> String { store + "/exports/" + id + ".zip" }
}

enum ArchiveFiles {
    static func sha256(_ path: String) throws -> String {
        let result = try tool("sha256sum", [path])
        return String(result.stdout.prefix(64))
    }

    /// `path` with byte `offset` XOR 0x01, written to `to`.
    static func flip(_ path: String, at offset: Int, to: String) throws {
        var data = try Data(contentsOf: URL(fileURLWithPath: path))
        data[offset] ^= 0x01
        try data.write(to: URL(fileURLWithPath: to))
    }
}
