import Foundation
import Testing
@testable import FolioCLI
import FolioCore
import FolioSupport
import FolioTestSupport

/// Issue 12 item 1: every handle finds its audit entries; the audit log newest first, by action
/// and by dates and times ago; tenants found by text (case- and accent-insensitive) and by RUC.
@Suite("finding things, in process")
struct FindingTests {
    static let invoice = #"{"buyer":{"identificationType":"07","identification":"9999999999999","name":"CONSUMIDOR FINAL"},"items":[{"code":"A","description":"A","quantity":"1","unitPrice":"2.50","ivaRate":"4"}]}"#

    /// Ana (with an issuer of RUC 1790011674001, a key and a document) and Bob (a key).
    struct Store {
        let folio: InProcessFolio
        let ana: String, bob: String, issuer: String, document: String, accessKey: String, key: String, keyStart: String
    }

    func store() throws -> Store {
        let folio = try InProcessFolio()
        let ana = try #require(folio.run(["tenants", "register", "--email", "ana@example.com", "--name", "José Núñez Foods",
                                          "--ruc", "1790011674001", "-q"]).stdout.split(separator: "\n").first.map(String.init))
        let bob = try #require(folio.run(["tenants", "register", "--email", "Bob@Example.com", "--name", "Bob 100% _Bakery_",
                                          "-q"]).stdout.split(separator: "\n").first.map(String.init))
        let minted = folio.run(["keys", "mint", "--tenant", bob, "--label", "ci", "-o", "json"])
        let key = try #require(minted.json?["id"] as? String)
        let keyStart = try #require(minted.json?["start"] as? String)
        let issuer = try #require(folio.run(["issuers", "list", "--tenant", ana, "-q"]).stdout.split(separator: "\n").first.map(String.init))
        let made = folio.run(["documents", "create", "--issuer", issuer, "--file", "-", "-o", "json"], stdin: Self.invoice)
        let document = try #require(made.json?["id"] as? String, "\(made.stderr)")
        let accessKey = try #require(made.json?["accessKey"] as? String)
        return Store(folio: folio, ana: ana, bob: bob, issuer: issuer, document: document, accessKey: accessKey, key: key,
                     keyStart: keyStart)
    }

    /// The `targetId`s and actions of `audit list ARGS -o jsonl --all`.
    func entries(_ folio: InProcessFolio, _ arguments: [String], at instant: Timestamp? = nil,
                 sourceLocation: SourceLocation = #_sourceLocation) -> [(seq: Int, action: String, target: String, tenant: String)] {
        let listed = folio.run(["audit", "list", "--all", "-o", "jsonl"] + arguments, at: instant)
        #expect(listed.status == 0, "\(arguments): \(listed.stderr)", sourceLocation: sourceLocation)
        return listed.stdout.split(separator: "\n").compactMap { line in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return nil }
            return (object["seq"] as? Int ?? 0, object["action"] as? String ?? "", object["targetId"] as? String ?? "",
                    object["tenantId"] as? String ?? "")
        }
    }

    @Test("--target takes every handle: id, e-mail (any case), RUC, key start, access key; an unknown one exits 4")
    func targets() throws {
        let s = try store()
        let byId = entries(s.folio, ["--target", s.ana])
        #expect(!byId.isEmpty && byId.allSatisfy { $0.target == s.ana || $0.tenant == s.ana })
        #expect(Set(byId.map(\.action)).isSuperset(of: ["tenant.register", "issuer.create", "document.create"]))
        // The README's tour: the e-mail finds what the id finds.
        for handle in ["ana@example.com", "ANA@example.com", "1790011674001"] {
            #expect(entries(s.folio, ["--target", handle]).map(\.seq) == byId.map(\.seq), "\(handle)")
        }
        #expect(entries(s.folio, ["--target", s.keyStart]).map(\.action) == ["key.create"])
        #expect(entries(s.folio, ["--target", s.key]).map(\.action) == ["key.create"])
        #expect(entries(s.folio, ["--target", s.accessKey]).map(\.target) == [s.document])
        #expect(entries(s.folio, ["--target", s.issuer]).map(\.action).sorted() == ["issuer.cert_generate", "issuer.create"])

        for unknown in ["nobody@example.com", "1790011674099", "folio_test_Zzzz", "doc_01KB0000000000000000000000", "bob"] {
            let missing = s.folio.run(["audit", "list", "--target", unknown])
            #expect(missing.status == 4, "\(unknown): \(missing.stderr)")
            #expect(missing.stdout.isEmpty)
        }
        let json = s.folio.run(["audit", "list", "--target", "nobody@example.com", "-o", "json"])
        #expect(json.stderr.contains(#""error":"not_found""#))
    }

    @Test("newest first by default, oldest first with --reverse; pages of --limit 2 follow the cursor in both orders")
    func order() throws {
        let s = try store()
        let newest = entries(s.folio, []).map(\.seq)
        #expect(newest.count >= 6)
        #expect(newest == newest.sorted(by: >))
        let oldest = entries(s.folio, ["--reverse"]).map(\.seq)
        #expect(oldest == newest.reversed())
        for (order, expected) in [([String](), newest), (["--reverse"], oldest)] {
            var seen: [Int] = []
            var cursor: String?
            repeat {
                let page = s.folio.run(["audit", "list", "--limit", "2", "-o", "json"] + order + (cursor.map { ["--cursor", $0] } ?? []))
                let items = try #require(page.json?["items"] as? [[String: Any]], "\(page.stderr)")
                seen += items.compactMap { $0["seq"] as? Int }
                cursor = page.json?["nextCursor"] as? String
            } while cursor != nil
            #expect(seen == expected, "\(order)")
        }
    }

    @Test("--action: exact, a noun's family (key. or key.*), repeated; a malformed one exits 3")
    func actions() throws {
        let s = try store()
        #expect(Set(entries(s.folio, ["--action", "tenant.register"]).map(\.action)) == ["tenant.register"])
        #expect(entries(s.folio, ["--action", "tenant.register"]).count == 2)
        for family in ["key.", "key.*"] {
            let keys = entries(s.folio, ["--action", family])
            #expect(keys.count == 3 && keys.allSatisfy { $0.action == "key.create" }, "\(family)")
        }
        let both = entries(s.folio, ["--action", "document.create", "--action", "issuer."])
        #expect(Set(both.map(\.action)) == ["document.create", "issuer.create", "issuer.cert_generate"])
        #expect(entries(s.folio, ["--action", "tenant.suspend"]).isEmpty)
        for bad in ["tenant", "Tenant.register", "tenant-register", ".register", "key.*x"] {
            let refused = s.folio.run(["audit", "list", "--action", bad])
            #expect(refused.status == 3 && refused.stderr.contains("action"), "\(bad): \(refused.stderr)")
        }
    }

    @Test("--since and --until take dates (until: the whole day), times ago on the command's clock, and RFC 3339")
    func times() throws {
        let folio = try InProcessFolio()
        let early = try #require(Timestamp(rfc3339: "2026-11-01T12:00:00Z"))
        #expect(folio.run(["tenants", "register", "--email", "early@example.com"], at: early).status == 0)
        #expect(folio.run(["tenants", "register", "--email", "late@example.com"]).status == 0)   // at TestClock, Nov 23
        let all = entries(folio, []).count
        let earlyCount = entries(folio, ["--until", "2026-11-01"]).count
        #expect(earlyCount > 0 && earlyCount < all)
        #expect(entries(folio, ["--since", "2026-11-01", "--until", "2026-11-01"]).count == earlyCount)
        #expect(entries(folio, ["--until", "2026-10-31"]).isEmpty)
        #expect(entries(folio, ["--since", "2026-11-02"]).count == all - earlyCount)
        #expect(entries(folio, ["--since", "2026-11-01T12:00:01Z"]).count == all - earlyCount)
        // Times ago count back from the command's clock: the test clock, 2026-11-23T10:20:00Z.
        #expect(entries(folio, ["--since", "1h"]).count == all - earlyCount)
        #expect(entries(folio, ["--since", "30d"]).count == all)
        #expect(entries(folio, ["--until", "7d"]).count == earlyCount)
        #expect(entries(folio, ["--since", "30m"], at: Timestamp(rfc3339: "2026-11-24T00:00:00Z")).isEmpty)
        for bad in ["yesterday", "2026-11-31", "-1h", "1w", "h"] {
            #expect(folio.run(["audit", "list", "--since=" + bad]).status == 3, "\(bad)")
        }
        let backwards = folio.run(["audit", "list", "--since", "1h", "--until", "2h"])
        #expect(backwards.status == 3 && backwards.stderr.contains("--until"))
    }

    @Test("tenants list --search: e-mail and name ignoring case and accents, a RUC's start; LIKE's characters are text")
    func search() throws {
        let s = try store()
        func found(_ text: String) -> [String] {
            s.folio.run(["tenants", "list", "--search", text, "-q"]).stdout.split(separator: "\n").map(String.init)
        }
        for text in ["jose", "JOSÉ", "nunez", "Núñez foods", "ana@", " José "] {
            #expect(found(text) == [s.ana], "\(text)")
        }
        #expect(found("EXAMPLE.COM") == [s.ana, s.bob])
        #expect(found("bob@example") == [s.bob])
        #expect(found("1790011674") == [s.ana])
        #expect(found("1790011674001") == [s.ana])
        #expect(found("674001").isEmpty)   // a RUC matches from its start
        #expect(found("100%") == [s.bob])
        #expect(found("%") == [s.bob])
        #expect(found("_bakery_") == [s.bob])
        #expect(found("b_b").isEmpty)   // `_` is no wildcard
        #expect(found("nobody").isEmpty)
        #expect(s.folio.run(["tenants", "list", "--search", "jose", "--status", "active", "-q"]).stdout.isEmpty)
        let first = s.folio.run(["tenants", "list", "--search", "example", "--limit", "1", "-o", "json"])
        let cursor = try #require(first.json?["nextCursor"] as? String)
        let second = s.folio.run(["tenants", "list", "--search", "example", "--limit", "1", "--cursor", cursor, "-q"])
        #expect(cursor == s.ana && second.stdout == s.bob + "\n")
        #expect(s.folio.run(["tenants", "list", "--search", "  "]).status == 3)
    }

    @Test("tenants show RUC: the tenant whose issuer has it; unknown exits 4; shared by two tenants exits 5 listing both")
    func showByRUC() throws {
        let s = try store()
        let shown = s.folio.run(["tenants", "show", "1790011674001", "-o", "json"])
        #expect(shown.status == 0 && shown.json?["id"] as? String == s.ana, "\(shown.stderr)")
        #expect(s.folio.run(["keys", "list", "--tenant", "1790011674001", "-q"]).status == 0)
        #expect(s.folio.run(["tenants", "show", "1790011674002"]).status == 4)

        #expect(s.folio.run(["issuers", "create", "--tenant", s.bob, "--name", "Bob", "--ruc", "1790011674001",
                             "--address", "Quito"]).status == 0)
        let shared = s.folio.run(["tenants", "show", "1790011674001"])
        #expect(shared.status == 5)
        #expect(shared.stderr.contains(s.ana) && shared.stderr.contains(s.bob) && shared.stderr.contains("2 tenants"))
        let json = s.folio.run(["tenants", "show", "1790011674001", "-o", "json"])
        #expect(json.stderr.contains(#""error":"conflict""#) && json.stderr.contains(#""candidates""#))
    }
}
