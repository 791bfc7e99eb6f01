import Foundation
import Testing
@testable import FolioCore
import FolioTestSupport
import FolioSupport

/// Issue 14 in FolioCore: migration 7, the period rule, the manifest's filters, index.csv cells,
/// the packed keys' order.
@Suite("exports, unit")
struct ExportUnitTests {
    let location = StoreLocation(dataDirectory: ProcessRunner.temporaryDirectory("folio-unit") + "/store")

    @Test("a store of version 6 gets the exports table when it is opened, and again unharmed")
    func migration() throws {
        _ = try Store.initialize(location: location, environment: [:])
        let old = try Store.open(location: location, environment: [:])
        try old.write { tx throws(FolioError) in
            try tx.run("DROP INDEX exports_tenant")
            try tx.run("DROP TABLE exports")
            try tx.run("PRAGMA user_version = 6")
        }
        for _ in 0..<2 {
            let migrated = try Store.open(location: location, environment: [:])
            #expect(try migrated.schemaVersion() == Migrations.latestVersion)
            let page = try migrated.read { tx throws(FolioError) in try tx.exports(tenantId: nil, status: nil, after: nil, limit: 10) }
            #expect(page.items.isEmpty)
            _ = try migrated.write { tx throws(FolioError) in try tx.run("PRAGMA user_version = 6") }
        }
    }

    @Test("a date range or every date, never neither and never both; the filters name every option, handles as ids")
    func period() throws {
        #expect(throws: FolioError.self) { try ExportRequest(filter: DocumentFilter(tenant: "a@b.c")).checkPeriod() }
        #expect(throws: FolioError.self) {
            try ExportRequest(filter: DocumentFilter(from: CalendarDate(iso: "2026-01-01")), allTime: true).checkPeriod()
        }
        try ExportRequest(filter: DocumentFilter(to: CalendarDate(iso: "2026-01-31"))).checkPeriod()
        try ExportRequest(filter: DocumentFilter(), allTime: true).checkPeriod()
        let json = ExportRequest(filter: DocumentFilter(tenant: "ana@example.com", minTotal: ExactDecimal(5)), allTime: true)
            .filtersJSON(tenantId: "ten_X", issuerId: nil)
        #expect(json["tenant"]?.stringValue == "ten_X" && json["minTotal"]?.stringValue == "5")
        guard case .object(let members) = json else { Issue.record("not an object"); return }
        #expect(members.count == 13)
    }

    @Test("index.csv cells: RFC 4180 quoting, formulas neutralised, and read back as written")
    func csvCells() {
        #expect(ExportCSV.cell("CONSUMIDOR FINAL") == "CONSUMIDOR FINAL")
        #expect(ExportCSV.cell("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
        #expect(ExportCSV.cell("Núñez, Ana") == "\"Núñez, Ana\"")
        let line = ["a", "Núñez, \"Ana\"", "-5", ""].map(ExportCSV.cell).joined(separator: ",")
        #expect(ExportCSV.cells(Substring(line)) == ["a", "Núñez, \"Ana\"", "'-5", ""])
    }

    @Test("packed keys sort by access key and give back each key with its id")
    func keys() throws {
        var keys = ExportKeys()
        let pairs = (0..<50).map { n in
            (String(repeating: "9", count: 40) + String(format: "%09d", (n * 37) % 50), "doc_" + String(repeating: "A", count: 24) + String(format: "%02d", n))
        }
        for (key, id) in pairs { try keys.append(accessKey: key, id: id) }
        keys.sort()
        let sorted = pairs.sorted { $0.0 < $1.0 }
        #expect((0..<keys.count).map { keys.accessKey($0) } == sorted.map(\.0))
        #expect((0..<keys.count).map { keys.id($0) } == sorted.map(\.1))
        #expect(throws: FolioError.self) { try keys.append(accessKey: "123", id: "doc_x") }
    }
}
