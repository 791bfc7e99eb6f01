import Foundation
import Testing
@testable import FolioCore
import FolioTestSupport
import FolioSupport

/// A dialect with PostgreSQL's numbered placeholders, to show that rendering is the dialect's.
private struct NumberedDialect: SQLDialect {
    var placeholders: PlaceholderStyle { .dollarNumbered }
    var migrations: [String] { [] }
}

@Suite("SQL queries: values apart from text, rendered per dialect")
struct SQLQueryTests {
    @Test("interpolated values become placeholders: strings, integers, booleans, bytes, timestamps, enums, nil")
    func binding() throws {
        let time = try #require(Timestamp(rfc3339: "2026-11-22T08:00:00Z"))
        let missing: String? = nil
        let query: SQLQuery = """
            SELECT * FROM t WHERE a = \("x'; DROP TABLE t; --") AND b = \(42) AND c = \(true) AND d = \([UInt8]([1, 2]))
            AND e = \(time) AND f = \(Tier.growth) AND g = \(missing) LIMIT \(50)
            """
        #expect(query.sql(for: SQLiteDialect()) == """
            SELECT * FROM t WHERE a = ? AND b = ? AND c = ? AND d = ?
            AND e = ? AND f = ? AND g = ? LIMIT ?
            """)
        #expect(query.values == [.text("x'; DROP TABLE t; --"), .integer(42), .integer(1), .blob([1, 2]),
                                 .text("2026-11-22T08:00:00Z"), .text("growth"), .null, .integer(50)])
        #expect(query.sql(for: NumberedDialect()).hasSuffix("AND g = $7 LIMIT $8"))
    }

    @Test("numbered placeholders replace the values' marks only, not a ? quoted in the SQL")
    func numbered() {
        let query: SQLQuery = "SELECT '?', 'it''s?' AS \(identifier: "a?") FROM t WHERE x = \(1) AND y = \("?")"
        #expect(query.sql(for: SQLiteDialect()) == #"SELECT '?', 'it''s?' AS "a?" FROM t WHERE x = ? AND y = ?"#)
        #expect(query.sql(for: NumberedDialect()) == #"SELECT '?', 'it''s?' AS "a?" FROM t WHERE x = $1 AND y = $2"#)
    }

    @Test("queries compose: append, +, joined and splicing keep every value in order")
    func composition() {
        var query: SQLQuery = "SELECT * FROM t WHERE a = \(1)"
        query.append(" AND b = \(2)")
        let conditions: [SQLQuery] = ["c = \(3)", "d = \(4)"]
        query = query + " AND \(SQLQuery.joined(conditions, separator: " AND ")) ORDER BY id"
        #expect(query.sql(for: NumberedDialect()) == "SELECT * FROM t WHERE a = $1 AND b = $2 AND c = $3 AND d = $4 ORDER BY id")
        #expect(query.values == [.integer(1), .integer(2), .integer(3), .integer(4)])
    }

    @Test("an identifier is quoted so that it can name nothing else")
    func identifiers() {
        let query: SQLQuery = "SELECT count(*) FROM \(identifier: "we\"ird")"
        #expect(query.sql(for: SQLiteDialect()) == "SELECT count(*) FROM \"we\"\"ird\"")
        #expect(query.values.isEmpty)
    }

    @Test("a list pages by keyset: filters, cursor after them, ORDER BY key, LIMIT bound")
    func listQuery() {
        var list = ListQuery("SELECT * FROM tenants", table: "tenants", key: "id")
        #expect(list.query(after: String?.none, limit: nil).sql(for: SQLiteDialect()) == "SELECT * FROM tenants ORDER BY id")
        list.filter("status = \(TenantStatus.active)")
        list.filter("tier = \(Tier.pro)")
        let query = list.query(after: "ten_1", limit: 51)
        #expect(query.sql(for: NumberedDialect())
                == "SELECT * FROM tenants WHERE status = $1 AND tier = $2 AND id > $3 ORDER BY id LIMIT $4")
        #expect(query.values == [.text("active"), .text("pro"), .text("ten_1"), .integer(51)])
    }

    @Test("upserts: ON CONFLICT DO UPDATE, or DO NOTHING without update columns")
    func upserts() {
        let update = SQLiteDialect().upsert(Upsert(table: "meta", values: [("name", .text("h")), ("value", .text("1:ab"))],
                                                   conflict: ["name"], update: ["value"]))
        #expect(update.sql(for: SQLiteDialect())
                == "INSERT INTO meta (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value")
        #expect(update.values == [.text("h"), .text("1:ab")])
        let ignore = NumberedDialect().upsert(Upsert(table: "t", values: [("a", .integer(1)), ("b", .null)], conflict: ["a", "b"]))
        #expect(ignore.sql(for: NumberedDialect()) == "INSERT INTO t (a, b) VALUES ($1, $2) ON CONFLICT (a, b) DO NOTHING")
    }

    @Test("every dialect has every migration")
    func migrations() {
        #expect(SQLiteDialect().migrations.count == Migrations.latestVersion)
    }
}

@Suite("SQLite backend: statement cache and streaming")
struct SQLiteBackendTests {
    func store() throws -> Store {
        let dir = ProcessRunner.temporaryDirectory("folio-unit") + "/store"
        _ = try Store.initialize(location: StoreLocation(dataDirectory: dir), environment: [:])
        return try Store.open(location: StoreLocation(dataDirectory: dir), environment: [:])
    }

    @Test("a bound LIMIT reuses one statement; distinct texts stay within the cache's bound")
    func statementCache() throws {
        let store = try store()
        let connection = try #require(store.connection as? SQLiteConnection)
        try store.read { tx throws(FolioError) in
            _ = try tx.tenants(status: nil, tier: nil, after: nil, limit: 1)
            let before = connection.cachedStatementCount
            for limit in 2...40 { _ = try tx.tenants(status: nil, tier: nil, after: nil, limit: limit) }
            #expect(connection.cachedStatementCount == before)
            for n in 0..<300 {
                _ = try tx.fetchOne("SELECT \(identifier: "c\(n)") FROM (SELECT 1 AS \(identifier: "c\(n)"))", table: "t") {
                    row throws(FolioError) in try row.integer("c\(n)")
                }
            }
        }
        #expect(connection.cachedStatementCount == 128)
    }

    @Test("a row callback may run the same statement again: nested runs get their own")
    func reentrantRows() throws {
        let store = try store()
        let ctx = MutationContext(actor: "unit", command: "test", idempotencyKey: nil, fingerprint: "f", dryRun: false,
                                  now: Timestamp(rfc3339: "2026-11-22T08:00:00Z")!,
                                  ids: IDGenerator(clock: SteppingClock()))
        for email in ["a@example.com", "b@example.com", "c@example.com"] {
            _ = try store.perform(Tenants.register(TenantRegistration(email: email, name: nil, tier: .trial, language: .es)),
                                  context: ctx) { _ throws(FolioError) in [] }
        }
        let pairs = try store.read { tx throws(FolioError) -> [String] in
            var seen: [String] = []
            let query: SQLQuery = "SELECT email FROM tenants ORDER BY email"
            try tx.forEachRow(query, table: "tenants") { outer throws(FolioError) in
                let inner = try tx.fetchAll(query, table: "tenants") { row throws(FolioError) in try row.text("email") }
                seen.append(try outer.text("email") + ":" + String(inner.count))
            }
            return seen
        }
        #expect(pairs == ["a@example.com:3", "b@example.com:3", "c@example.com:3"])
    }

    @Test("a database outside the data directory: master key and outbox stay in the directory")
    func separateDatabase() throws {
        let root = ProcessRunner.temporaryDirectory("folio-unit")
        let location = StoreLocation(dataDirectory: root + "/data", database: .sqlite(path: root + "/db.sqlite"))
        let made = try Store.initialize(location: location, environment: [:])
        #expect(made.created && made.directory == root + "/data")
        let store = try Store.open(location: location, environment: [:])
        #expect(FileManager.default.fileExists(atPath: root + "/db.sqlite"))
        #expect(!FileManager.default.fileExists(atPath: root + "/data/folio.db"))
        #expect(FileManager.default.contents(atPath: root + "/data/master.key")?.count == 32)
        #expect(FileManager.default.fileExists(atPath: root + "/data/outbox"))
        #expect(try store.info().journalMode == "wal")
        #expect(try Store.initialize(location: location, environment: [:]).created == false)
    }
}
