import Foundation
import Testing
@testable import FolioCLI
import FolioCore
import FolioTestSupport

/// Issue 11 item 6: a key pasted where a path, a scope, a handle or an option belongs is not
/// printed back; every message on stderr (text and JSON errors, parse errors, notes) shows a
/// key-shaped value as its displayed start only. The one secret on stdout is a new key, once.
@Suite("hostile input: secrets never echoed, in process")
struct SecretEchoTests {
    /// A store with a tenant and the secret of its sandbox key.
    func minted() throws -> (InProcessFolio, String) {
        let folio = try InProcessFolio()
        _ = folio.run(["tenants", "register", "--email", "ana@example.com"])
        let minted = folio.run(["keys", "mint", "--tenant", "ana@example.com", "-o", "json"])
        let secret = try #require(minted.json?["secret"] as? String)
        // Stdout is not redacted: the new key is the result.
        #expect(minted.stdout.contains(secret))
        return (folio, secret)
    }

    func expectRedacted(_ result: InProcessFolio.Result, _ secret: String, status: Int32, _ what: String,
                        sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(result.status == status, "\(what): \(result.stderr)", sourceLocation: sourceLocation)
        #expect(!result.stderr.contains(secret), "\(what) echoed the key: \(result.stderr)", sourceLocation: sourceLocation)
        #expect(!result.stdout.contains(secret), "\(what) printed the key: \(result.stdout)", sourceLocation: sourceLocation)
        let start = String(secret.prefix(ApiKeyFormat.startLength))
        #expect(result.stderr.contains(start + "…"), "\(what): \(result.stderr)", sourceLocation: sourceLocation)
    }

    @Test("the three reported cases, in text and JSON: --key-file KEY, --scope KEY, tenants show KEY")
    func reported() throws {
        let (folio, secret) = try minted()
        for format in ["table", "json"] {
            expectRedacted(folio.run(["keys", "verify", "--key-file", secret, "-o", format]), secret, status: 3,
                           "--key-file KEY -o \(format)")
            expectRedacted(folio.run(["keys", "verify", "--scope", secret, "-o", format], stdin: secret), secret, status: 3,
                           "--scope KEY -o \(format)")
            expectRedacted(folio.run(["tenants", "show", secret, "-o", format]), secret, status: 4, "tenants show KEY -o \(format)")
        }
    }

    @Test("parse errors: a misspelt option before a key, --opt=KEY, a key as an extra argument")
    func parseErrors() throws {
        let (folio, secret) = try minted()
        for format in ["table", "json"] {
            let misspelt = folio.run(["keys", "verify", "--scoep", secret, "-o", format])
            #expect(misspelt.status == 2)
            #expect(!misspelt.stderr.contains(secret))
            expectRedacted(folio.run(["keys", "verify", "--scope=\(secret)", "-o", format], stdin: secret), secret, status: 3,
                           "--scope=KEY -o \(format)")
            expectRedacted(folio.run(["tenants", "list", secret, "-o", format]), secret, status: 2, "tenants list KEY -o \(format)")
            expectRedacted(folio.run(["keys", "list", "--tenant", secret, "-o", format]), secret, status: 4,
                           "keys list --tenant KEY -o \(format)")
        }
    }

    @Test("notes and a key mistaken for an idempotency key, truncated and overlong keys")
    func notesAndShapes() throws {
        let (folio, secret) = try minted()
        let first = folio.run(["tenants", "suspend", "ana@example.com", "--reason", "r", "--idempotency-key", secret, "--yes"])
        #expect(first.status == 0, "\(first.stderr)")
        let replay = folio.run(["tenants", "suspend", "ana@example.com", "--reason", "r", "--idempotency-key", secret])
        expectRedacted(replay, secret, status: 0, "replay note")
        #expect(replay.stderr.contains("replayed the result of idempotency key"))

        let truncated = String(secret.dropLast(3)), overlong = secret + "abc"
        for shape in [truncated, overlong] {
            let result = folio.run(["tenants", "show", shape])
            #expect(result.status == 4)
            #expect(!result.stderr.contains(String(secret.prefix(20))), "\(result.stderr)")
        }
    }
}
