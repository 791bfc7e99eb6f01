import Foundation
import Testing
@testable import FolioCore
import FolioTestSupport
import FolioSupport

/// Row decoding refuses what it cannot read, naming table, column and value.
@Suite("row decoding fails loudly")
struct SQLRowTests {
    private func row(_ values: [String: SQLValue]) -> SQLRow {
        let columns = values.keys.sorted()
        return SQLRow(table: "tenants", columns: columns, values: columns.map { values[$0]! })
    }

    /// The error `body` throws: `store_unavailable`, naming `tenants.<column>` and `found`.
    private func expectCorrupt(_ column: String, _ found: String, _ body: () throws(FolioError) -> Void) {
        do throws(FolioError) {
            try body()
            Issue.record("tenants.\(column): no error")
        } catch {
            #expect(error.code == .storeUnavailable)
            #expect(error.message.contains("tenants.\(column) is \(found)"), "\(error.message)")
            #expect(error.hint?.contains("backup") == true)
            #expect(!(error.message + (error.hint ?? "")).contains("folio "), "names no command")
            #expect(!(error.message + (error.hint ?? "")).contains("--"), "names no option")
            #expect(error.details.map(\.key) == ["table", "column"])
        }
    }

    @Test("typed accessors read what is there")
    func reads() throws {
        let r = row(["t": .text("x"), "n": .null, "i": .integer(7), "b": .integer(1), "x": .blob([9]),
                     "time": .text("2026-11-22T08:00:00Z"), "tier": .text("pro"), "j": .text(#"{"a":1}"#)])
        #expect(try r.text("t") == "x")
        #expect(try r.optionalText("n") == nil)
        #expect(try r.optionalText("t") == "x")
        #expect(try r.integer("i") == 7 && r.int("i") == 7 && r.optionalInteger("n") == nil)
        #expect(try r.boolean("b"))
        #expect(try r.blob("x") == [9])
        #expect(try r.timestamp("time").rfc3339 == "2026-11-22T08:00:00Z")
        #expect(try r.optionalTimestamp("n") == nil)
        #expect(try r.enumeration("tier", Tier.self) == .pro)
        #expect(try r.json("j") == .object([JSONMember("a", .number("1"))]))
    }

    @Test("NULL where a value is required, the wrong kind, an unknown case, an unreadable time or JSON")
    func refusals() {
        let r = row(["n": .null, "i": .integer(7), "t": .text("platinum"), "x": .blob([1, 2, 3]), "b": .integer(2),
                     "long": .text(String(repeating: "a", count: 100))])
        expectCorrupt("n", "NULL") { () throws(FolioError) in _ = try r.text("n") }
        expectCorrupt("n", "NULL") { () throws(FolioError) in _ = try r.integer("n") }
        expectCorrupt("n", "NULL") { () throws(FolioError) in _ = try r.timestamp("n") }
        expectCorrupt("n", "NULL") { () throws(FolioError) in _ = try r.blob("n") }
        expectCorrupt("i", "7") { () throws(FolioError) in _ = try r.text("i") }
        expectCorrupt("x", "a BLOB of 3 bytes") { () throws(FolioError) in _ = try r.optionalText("x") }
        expectCorrupt("t", "'platinum'") { () throws(FolioError) in _ = try r.integer("t") }
        expectCorrupt("t", "'platinum', expected one of trial, starter, growth, pro, business") { () throws(FolioError) in
            _ = try r.enumeration("t", Tier.self)
        }
        expectCorrupt("t", "'platinum', expected an RFC 3339 time") { () throws(FolioError) in _ = try r.optionalTimestamp("t") }
        expectCorrupt("t", "'platinum', expected JSON") { () throws(FolioError) in _ = try r.json("t") }
        expectCorrupt("b", "2, expected 0 or 1") { () throws(FolioError) in _ = try r.boolean("b") }
        expectCorrupt("i", "7, expected an integer from 1 to 5") { () throws(FolioError) in _ = try r.int("i", in: 1...5) }
        expectCorrupt("long", "'" + String(repeating: "a", count: 60) + "…'") { () throws(FolioError) in _ = try r.integer("long") }
    }

    @Test("a column the query did not select is a bug, not corruption")
    func missingColumn() {
        let error = #expect(throws: FolioError.self) { try row([:]).text("id") }
        #expect(error?.code == .serverError)
    }

    @Test("a tenant row edited by hand is refused, not read as a trial tenant of 1970")
    func corruptTenant() throws {
        let dir = ProcessRunner.temporaryDirectory("folio-unit") + "/store"
        let location = StoreLocation(dataDirectory: dir)
        _ = try Store.initialize(location: location, environment: [:])
        let store = try Store.open(location: location, environment: [:])
        let ctx = MutationContext(actor: "unit", command: "test", idempotencyKey: nil, fingerprint: "f", dryRun: false,
                                  now: Timestamp(rfc3339: "2026-11-22T08:00:00Z")!,
                                  ids: IDGenerator(clock: SteppingClock()))
        _ = try store.perform(Tenants.register(TenantRegistration(email: "a@example.com", name: nil, tier: .pro, language: .es)),
                              context: ctx) { _ throws(FolioError) in [] }
        for (edit, column, found) in [("tier = 'platinum'", "tier", "'platinum'"), ("created_at = 'yesterday'", "created_at", "'yesterday'"),
                                      ("name = x'00ff'", "name", "a BLOB of 2 bytes"), ("verified_at = 12", "verified_at", "'12'")] {
            let original = try SQLiteReader.query(dir + "/folio.db", "SELECT quote(\(column)) FROM tenants")
            _ = try SQLiteReader.query(dir + "/folio.db", "UPDATE tenants SET \(edit)")
            expectCorrupt(column, found) { () throws(FolioError) in _ = try Tenants.show(store: store, handle: "a@example.com") }
            expectCorrupt(column, found) { () throws(FolioError) in
                _ = try Tenants.list(store: store, filter: TenantFilter(), page: PageRequest(limit: 10, cursor: nil))
            }
            _ = try SQLiteReader.query(dir + "/folio.db", "UPDATE tenants SET \(column) = \(original)")
        }
        #expect(try Tenants.show(store: store, handle: "a@example.com").tier == .pro)
    }
}
