import Foundation
import Testing
import FolioTestSupport

/// Paths of the repository's examples and fixtures.
enum RepoPaths {
    static var root: URL { FixturePaths.root }
    static var examples: String { FixturePaths.examples.path }
    static var facturaXSD: String { FixturePaths.facturaXSD }
}

/// A minimal valid invoice line for batches (one consumer-final item).
func invoiceLine(_ n: Int, extra: String = "") -> String {
    #"{"buyer":{"identificationType":"07","identification":"9999999999999","name":"CONSUMIDOR FINAL"},"items":[{"code":"A\#(n)","description":"Item \#(n)","quantity":"1","unitPrice":"2.50","ivaRate":"4"\#(extra)}]}"#
}

extension FolioHarness {
    /// A tenant and an issuer 001-001 of it, with a generated certificate unless `certificate` is false.
    func makeIssuer(email: String = "ana@example.com", ruc: String = "1790011674001", certificate: Bool = true,
                    environment extra: [String: String] = [:]) throws -> (tenant: String, issuer: String) {
        let tenant = try #require(try json(["tenants", "register", "--email", email, "--name", "Ana Foods"])["id"] as? String)
        let issuer = try #require(try json(["issuers", "create", "--tenant", email, "--name", "Matriz", "--ruc", ruc,
                                            "--establishment", "001", "--point", "001",
                                            "--address", "Av. Amazonas 100, Quito"])["id"] as? String)
        if certificate {
            let made = try run(["issuers", "cert", "generate", issuer, "--days", "365"], environment: extra)
            try #require(made.status == 0, "cert generate: \(made.stderr)")
        }
        return (tenant, issuer)
    }

    /// `documents create` with the input on stdin, parsed as JSON (must succeed).
    func createDocument(_ issuer: String, _ input: String, _ extra: [String] = []) throws -> [String: Any] {
        try json(["documents", "create", "--issuer", issuer, "--file", "-"] + extra, stdin: input)
    }

    /// The sequentials of every stored document, read through SQLite's C API.
    func storedSequentials() throws -> [Int] {
        try sqlite("SELECT sequential FROM documents ORDER BY sequential").split(separator: "\n").compactMap { Int($0) }
    }

    /// Writes the issuer's certificate (from the store, read through SQLite's C API) as PEM, for xmlsec1.
    func certificatePEM(issuer: String, to path: String) throws {
        let hex = try sqlite("SELECT hex(c.certificate_der) FROM issuer_certificates c JOIN issuers i ON i.certificate_id = c.id WHERE i.id = '\(issuer)'")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        var der = Data()
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            der.append(UInt8(hex[index..<next], radix: 16)!)
            index = next
        }
        let lines = der.base64EncodedString(options: [.lineLength64Characters, .endLineWithLineFeed])
        try ("-----BEGIN CERTIFICATE-----\n" + lines + "\n-----END CERTIFICATE-----\n").write(toFile: path, atomically: true, encoding: .utf8)
    }
}

/// Runs a tool found on PATH (the test is skipped beforehand when it is missing).
@discardableResult
func tool(_ name: String, _ arguments: [String], stdin: String? = nil) throws -> ProcessResult {
    let path = try #require(ExternalTool.path(name), "\(name) is not installed")
    return try ProcessRunner.run([path] + arguments, stdin: stdin.map { Data($0.utf8) })
}
