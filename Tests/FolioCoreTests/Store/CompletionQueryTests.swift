import Foundation
import Testing
@testable import FolioCore
import FolioTestSupport
import FolioSupport

/// Completion's prefix scans: exact ranges, indexed plans, and what each kind offers.
@Suite("completion queries")
struct CompletionQueryTests {
    /// UTF-8 byte order, which is SQLite's BINARY collation.
    private func binaryLess(_ a: String, _ b: String) -> Bool { Array(a.utf8).lexicographicallyPrecedes(Array(b.utf8)) }

    @Test("a prefix range holds exactly the strings that start with the prefix")
    func prefixRange() {
        #expect(PrefixRange("ana").lower == "ana" && PrefixRange("ana").upper == "anb")
        #expect(PrefixRange("").upper == nil)
        #expect(PrefixRange("a\u{10FFFF}").upper == "b")
        #expect(PrefixRange("\u{10FFFF}").upper == nil)
        #expect(PrefixRange("x\u{D7FF}").upper == "x\u{E000}")
        #expect(PrefixRange("a~").upper == "a\u{7F}")
        let prefixes = ["", "a", "an", "ana@", "o'n", "ñ", "ten_01", "a\u{10FFFF}", "z"]
        let words = ["", "a", "an", "ana", "ana@example.com", "anb", "ana\u{10FFFF}x", "o'neil", "o(", "ñu", "ñ", "o",
                     "ten_01ABC", "ten_02", "ten_0", "a\u{10FFFF}", "a\u{10FFFF}\u{10FFFF}", "b", "z\u{0}", "zz", "\u{1F600}"]
        for prefix in prefixes {
            let range = PrefixRange(prefix)
            for word in words {
                let inside = !binaryLess(word, range.lower) && (range.upper.map { binaryLess(word, $0) } ?? true)
                #expect(inside == word.unicodeScalars.starts(with: prefix.unicodeScalars), "'\(prefix)' vs '\(word)'")
            }
        }
    }

    private func store() throws -> Store {
        let dir = ProcessRunner.temporaryDirectory("folio-unit") + "/store"
        _ = try Store.initialize(location: StoreLocation(dataDirectory: dir), environment: [:])
        return try Store.open(location: StoreLocation(dataDirectory: dir), environment: [:])
    }

    /// One id generator for the whole test, as for one process: its ids sort in creation order.
    private let ids = IDGenerator(clock: FixedClock(Timestamp(rfc3339: "2026-11-22T08:00:00Z")!))

    private func context() -> MutationContext {
        MutationContext(actor: "unit", command: "test", idempotencyKey: nil, fingerprint: "f", dryRun: false,
                        now: Timestamp(rfc3339: "2026-11-22T08:00:00Z")!, ids: ids)
    }

    @Test("every completion query searches its index in order: no scan, no sort, so LIMIT stops it early")
    func plans() throws {
        let store = try store()
        for (query, index) in CompletionSQL.indexed(PrefixRange("a"), limit: 5) {
            let details = try store.read { tx throws(FolioError) in
                try tx.fetchAll("EXPLAIN QUERY PLAN " + query, table: "plan") { row throws(FolioError) in try row.text("detail") }
            }
            #expect(details.first?.hasPrefix("SEARCH") == true && details.first?.contains(index) == true, "\(details)")
            #expect(!details.contains { $0.hasPrefix("SCAN") || $0.contains("TEMP B-TREE") }, "\(details)")
        }
    }

    @Test("tenants: ids and lower-case e-mails; keys: unrevoked unless asked, unambiguous starts only; limit shared")
    func candidates() throws {
        let store = try store()
        var keys: [String] = []
        for email in ["ana@example.com", "Bob@Example.com", "carla@example.com"] {
            let made = try store.perform(Tenants.register(TenantRegistration(email: email, name: "N " + email, tier: .trial,
                                                                             language: .es)),
                                         context: context()) { r throws(FolioError) in Array(r.key.key.id.utf8) }
            keys.append(try #require(made.result?.key.key.id))
        }
        let tenants = try Completions.candidates(.tenants, prefix: "", store: store)
        #expect(tenants.count == 6)
        #expect(tenants.suffix(3).map(\.value) == ["ana@example.com", "bob@example.com", "carla@example.com"])
        #expect(try Completions.candidates(.tenants, prefix: "BO", store: store)
                == [CompletionCandidate("bob@example.com", "N Bob@Example.com")])
        // Four ids and two e-mails match nothing but the limit keeps half for each.
        let limited = try Completions.candidates(.tenants, prefix: "", store: store, limit: 4)
        #expect(limited.map { $0.value.hasPrefix("ten_") } == [true, true, false, false])

        _ = try store.perform(Keys.revoke(keys[0], reason: nil), context: context()) { _ throws(FolioError) in [] }
        let unrevoked = try Completions.candidates(.unrevokedKeys, prefix: "", store: store).map(\.value)
        #expect(unrevoked.filter { $0.hasPrefix("key_") } == [keys[1], keys[2]])
        #expect(unrevoked.filter { $0.hasPrefix("folio_") }.count == 2)
        #expect(try Completions.candidates(.keys, prefix: "key_", store: store).map(\.value) == keys)
        // Two keys sharing a start: the start names neither.
        try store.write { tx throws(FolioError) in
            try tx.run("UPDATE api_keys SET start = (SELECT start FROM api_keys WHERE id = \(keys[1])) WHERE id = \(keys[2])")
        }
        #expect(try Completions.candidates(.keys, prefix: "folio_", store: store).count == 1)
    }
}
