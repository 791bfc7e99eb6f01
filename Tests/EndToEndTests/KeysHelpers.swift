import Foundation
import Testing
import FolioTestSupport

/// Helpers for the API key tests. Secrets are kept in variables and never put in a test
/// message: expectations print only stderr, ids and displayed starts.
extension FolioHarness {
    /// Registers a tenant and returns (tenant id, sandbox key secret).
    func registerTenant(_ email: String, tier: String = "trial") throws -> (id: String, secret: String) {
        let json = try self.json(["tenants", "register", "--email", email, "--tier", tier])
        let key = try #require(json["apiKey"] as? [String: Any])
        return (try #require(json["id"] as? String), try #require(key["secret"] as? String))
    }

    /// Runs with extra environment and parses stdout as a JSON object (the command must succeed).
    func json(_ arguments: [String], environment: [String: String]) throws -> [String: Any] {
        let result = try run(arguments + ["-o", "json"], environment: environment)
        try #require(result.status == 0, "folio \(arguments.prefix(2).joined(separator: " ")) exited \(result.status): \(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
    }

    /// Mints a key and returns its JSON (with the secret).
    func mint(_ arguments: [String]) throws -> [String: Any] {
        try json(["keys", "mint"] + arguments)
    }

    /// `keys verify` with the key on stdin.
    func verify(_ secret: String, _ extra: [String] = [], environment: [String: String] = [:]) throws -> ProcessResult {
        try run(["keys", "verify", "-o", "json"] + extra, stdin: secret, environment: environment)
    }

    /// The JSON body `keys verify` printed on stdout.
    func verifyBody(_ result: ProcessResult) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
    }

    func sqliteValue(_ sql: String) throws -> String {
        try sqlite(sql).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

extension Dictionary where Key == String, Value == Any {
    func string(_ key: String) -> String? { self[key] as? String }
}

/// A key with a valid checksum that no store here has minted: minted in another store.
func foreignKey() throws -> String {
    let other = try FolioHarness()
    return try other.registerTenant("stranger@example.com").secret
}
