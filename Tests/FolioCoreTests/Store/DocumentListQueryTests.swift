import Foundation
import Testing
@testable import FolioCore
import FolioTestSupport
import FolioSupport

/// Issue 13: the documents list's filters, orders and cursors on a store of thousands of
/// documents. Its cost is measured in SQLite virtual-machine steps, the same on every machine
/// and run, so "the last page costs what the first does" is a test rather than a timing.
@Suite("documents list: keyset pages, plans, migration 6")
struct DocumentListQueryTests {
    static let count = 3_000
    let location = StoreLocation(dataDirectory: ProcessRunner.temporaryDirectory("folio-unit") + "/store")
    let ids = IDGenerator(clock: FixedClock(Timestamp(rfc3339: "2026-11-22T08:00:00Z")!))
    static let buyers = ["María José Núñez", "ANA PÉREZ", "Bob 100% Bakery", "Consumidor Final"]

    struct Seeded {
        let store: Store
        let documents: [StoredDocument]
        let tenants: [String]
        let issuers: [String]
    }

    /// Two tenants, each with an issuer; `count` documents over 2026, spread across issuers,
    /// buyers and totals (many share a date or a total, so ties go by id).
    func seeded() throws -> Seeded {
        _ = try Store.initialize(location: location, environment: [:])
        let store = try Store.open(location: location, environment: [:])
        let context = MutationContext(actor: "unit", command: "test", idempotencyKey: nil, fingerprint: "f", dryRun: false,
                                      now: Timestamp(rfc3339: "2026-11-22T08:00:00Z")!, ids: ids)
        for (email, ruc) in [("ana@example.com", "1790011674001"), ("bob@example.com", "0990011674001")] {
            let registration = TenantRegistration(email: email, name: email, tier: .starter, language: .es, ruc: ruc,
                                                  masterKey: try store.masterKey())
            _ = try store.perform(Tenants.register(registration), context: context) { _ throws(FolioError) in [] }
        }
        let issuers = try store.read { tx throws(FolioError) in
            try tx.fetchAll("SELECT id, tenant_id, certificate_id FROM issuers ORDER BY id", table: "issuers") { row throws(FolioError) in
                (id: try row.text("id"), tenant: try row.text("tenant_id"), certificate: try row.text("certificate_id"))
            }
        }
        var documents: [StoredDocument] = []
        try store.write { tx throws(FolioError) in
            for n in 0..<Self.count {
                let issuer = issuers[n % 3 == 0 ? 1 : 0]
                let date = CalendarDate(year: 2026, month: 1 + n % 12, day: 1 + n % 28)!.iso
                let total = "\(n % 500).\(n % 2 == 0 ? "00" : "50")"
                let buyer = Self.buyers[n % Self.buyers.count]
                let summary = JSONValue.object([
                    JSONMember("buyer", .object([JSONMember("identificationType", .string("05")),
                                                 JSONMember("identification", .string("17100340\(n % 4)5")),
                                                 JSONMember("name", .string(buyer))])),
                    JSONMember("total", .string(total)),
                ])
                let document = StoredDocument(
                    id: ids.make(.document), tenantId: issuer.tenant, issuerId: issuer.id, documentType: n % 10 == 0 ? "04" : "01",
                    accessKey: String(format: "%02d%02d2026011790011674001100100%020d", 1 + n % 28, 1 + n % 12, n),
                    series: "001-001", sequential: n + 1, environment: .sandbox, issueDate: date, status: .signed,
                    profile: "sri", certificateId: issuer.certificate, total: total, summary: summary,
                    createdAt: Timestamp(seconds: 1_790_000_000), updatedAt: Timestamp(seconds: 1_790_000_000))
                try tx.insertDocument(document, signedXML: Array(repeating: UInt8(ascii: "x"), count: 6_000))
                documents.append(document)
            }
        }
        return Seeded(store: store, documents: documents, tenants: Array(Set(issuers.map(\.tenant))).sorted(),
                      issuers: issuers.map(\.id))
    }

    /// Every page of `filter` (`limit` each), with the VM steps each took.
    func pages(_ filter: DocumentFilter, limit: Int = 50, _ store: Store) throws -> (ids: [String], steps: [Int]) {
        let connection = try #require(store.connection as? SQLiteConnection)
        var cursor: String?
        var ids: [String] = [], steps: [Int] = []
        repeat {
            let before = connection.virtualMachineSteps
            let page = try Documents.list(store: store, filter: filter, page: PageRequest(limit: limit, cursor: cursor))
            steps.append(connection.virtualMachineSteps - before)
            ids += page.items.map(\.id)
            cursor = page.nextCursor
        } while cursor != nil
        return (ids, steps)
    }

    /// `documents` in `sort`'s order, ties by id.
    func sorted(_ documents: [StoredDocument], _ sort: DocumentSort) -> [String] {
        let cents = { (d: StoredDocument) in DocumentListColumns(d).totalCents }
        let ascending = documents.sorted { a, b in
            switch sort {
            case .date, .dateDescending: return (a.issueDate, a.id) < (b.issueDate, b.id)
            case .total, .totalDescending: return (cents(a), a.id) < (cents(b), b.id)
            }
        }
        return (sort == .date || sort == .total ? ascending : ascending.reversed()).map(\.id)
    }

    @Test("every order and filter: the pages hold every match once, in order; the last page costs what the first does")
    func pagesCostTheSame() throws {
        let s = try seeded()
        let ana = s.tenants[0]
        let cases: [(DocumentFilter, (StoredDocument) -> Bool)] = [
            (DocumentFilter(), { _ in true }),
            (DocumentFilter(tenant: ana), { $0.tenantId == ana }),
            (DocumentFilter(issuer: s.issuers[1]), { $0.issuerId == s.issuers[1] }),
            (DocumentFilter(buyerIdentification: "1710034015"), { DocumentListColumns($0).buyerIdentification == "1710034015" }),
            (DocumentFilter(tenant: ana, status: .signed, from: CalendarDate(iso: "2026-03-01"), to: CalendarDate(iso: "2026-10-31")),
             { $0.tenantId == ana && $0.issueDate >= "2026-03-01" && $0.issueDate <= "2026-10-31" }),
            (DocumentFilter(issuer: s.issuers[0], minTotal: ExactDecimal(100), maxTotal: ExactDecimal(400)),
             { $0.issuerId == s.issuers[0] && (10_000...40_000).contains(DocumentListColumns($0).totalCents) }),
        ]
        for (filter, keeps) in cases {
            for sort in DocumentSort.allCases {
                var sortedFilter = filter
                sortedFilter.sort = sort
                let walked = try pages(sortedFilter, s.store)
                #expect(walked.ids == sorted(s.documents.filter(keeps), sort), "\(sortedFilter)")
                // Full pages only (the last may hold fewer rows). The first page has no cursor to
                // compare with, so the second is the measure: every page costs what it does, give
                // or take the few steps of a seek that lands on another index page.
                let full = Array(walked.steps.dropLast())
                let reference = try #require(full.dropFirst().first, "\(sortedFilter): \(walked.steps)")
                #expect(full.allSatisfy { $0 <= reference + reference / 10 }, "\(sortedFilter): \(full)")
                #expect(walked.steps.count >= 10, "\(sortedFilter): too few pages to tell")
            }
        }
    }

    @Test("the measure sees position: the same pages by OFFSET cost more the deeper they are")
    func offsetWouldGrow() throws {
        let s = try seeded()
        let connection = try #require(s.store.connection as? SQLiteConnection)
        func steps(offset: Int) throws -> Int {
            let before = connection.virtualMachineSteps
            _ = try s.store.read { tx throws(FolioError) in
                try tx.fetchAll(StoreTransaction.documentColumns + " ORDER BY issue_date DESC, id DESC LIMIT 50 OFFSET \(offset)",
                                table: "documents", StoredDocument.init(row:))
            }
            return connection.virtualMachineSteps - before
        }
        let (first, last) = (try steps(offset: 0), try steps(offset: Self.count - 50))
        #expect(last > 5 * first, "\(first) \(last)")
    }

    func plan(_ query: DocumentListQuery, _ store: Store) throws -> [String] {
        let cursor = DocumentCursor(sort: query.sort, key: query.sort.byTotal ? .integer(100) : .text("2026-06-01"),
                                    id: "doc_01KB0000000000000000000000")
        return try store.read { tx throws(FolioError) in
            try tx.fetchAll("EXPLAIN QUERY PLAN " + StoreTransaction.documentList(query, after: cursor, limit: 51),
                            table: "plan") { row throws(FolioError) in try row.text("detail") }
        }
    }

    @Test("each order, alone or after tenant, issuer or buyer, searches its index past the cursor: no sort")
    func plans() throws {
        let s = try seeded()
        for sort in DocumentSort.allCases {
            let key = sort.byTotal ? "total" : "date"
            var cases: [(DocumentListQuery, String)] = []
            var q = try DocumentListQuery(checking: DocumentFilter(sort: sort))
            cases.append((q, "documents_\(key)"))
            q.tenantId = s.tenants[0]
            cases.append((q, "documents_tenant_\(key)"))
            q.tenantId = nil
            q.issuerId = s.issuers[0]
            cases.append((q, "documents_issuer_\(key)"))
            q.issuerId = nil
            q.tenantId = s.tenants[0]
            q.status = .signed
            q.from = "2026-03-01"
            q.to = "2026-04-01"
            cases.append((q, "documents_tenant_\(key)"))
            if !sort.byTotal {
                var buyer = try DocumentListQuery(checking: DocumentFilter(sort: sort))
                buyer.buyerIdentification = "1710034015"
                cases.append((buyer, "documents_buyer_date"))
            }
            for (query, index) in cases {
                let details = try plan(query, s.store)
                #expect(details.count == 1 && details[0].hasPrefix("SEARCH documents USING INDEX \(index) ("), "\(details)")
                #expect(!details.contains { $0.contains("TEMP B-TREE") }, "\(details)")
            }
        }
    }

    @Test("buyer name (any case, accents), totals in cents, access-key prefix, type; bad filters and cursors fail")
    func filters() throws {
        let s = try seeded()
        func ids(_ filter: DocumentFilter) throws -> [String] { try pages(filter, limit: 200, s.store).ids }
        #expect(Set(try ids(DocumentFilter(buyerName: "nunez"))) == Set(s.documents.filter { $0.buyerName.hasPrefix("María") }.map(\.id)))
        #expect(Set(try ids(DocumentFilter(buyerName: "100%"))) == Set(s.documents.filter { $0.buyerName.hasPrefix("Bob") }.map(\.id)))
        #expect(try ids(DocumentFilter(buyerName: "_")).isEmpty)
        let totals = try ids(DocumentFilter(minTotal: try ExactDecimal(parsing: "10.5"), maxTotal: try ExactDecimal(parsing: "12")))
        #expect(Set(totals) == Set(s.documents.filter { ["10.50", "11.00", "11.50", "12.00"].contains($0.total) }.map(\.id)))
        let prefix = try ids(DocumentFilter(accessKeyPrefix: "0101"))
        #expect(!prefix.isEmpty && Set(prefix) == Set(s.documents.filter { $0.accessKey.hasPrefix("0101") }.map(\.id)))
        #expect(Set(try ids(DocumentFilter(documentType: "04"))) == Set(s.documents.filter { $0.documentType == "04" }.map(\.id)))

        let bad: [(DocumentFilter, String)] = [
            (DocumentFilter(from: CalendarDate(iso: "2026-02-01"), to: CalendarDate(iso: "2026-01-31")), "filter.to"),
            (DocumentFilter(minTotal: try ExactDecimal(parsing: "1.005")), "filter.minTotal"),
            (DocumentFilter(minTotal: try ExactDecimal(parsing: "2"), maxTotal: try ExactDecimal(parsing: "1")), "filter.maxTotal"),
            (DocumentFilter(documentType: "1"), "filter.documentType"),
            (DocumentFilter(buyerName: "  "), "filter.buyerName"),
            (DocumentFilter(accessKeyPrefix: "12a"), "filter.accessKeyPrefix"),
        ]
        for (filter, field) in bad {
            #expect(throws: FolioError.self) { try Documents.list(store: s.store, filter: filter, page: PageRequest(limit: 5, cursor: nil)) }
            do { _ = try DocumentListQuery(checking: filter) } catch { #expect(error.field == field, "\(filter)") }
        }
        let page = try Documents.list(store: s.store, filter: DocumentFilter(sort: .total), page: PageRequest(limit: 5, cursor: nil))
        let cursor = try #require(page.nextCursor)
        #expect(try DocumentCursor(parsing: cursor, for: .total).id == page.items.last?.id)
        do {
            _ = try DocumentCursor(parsing: cursor, for: .dateDescending)
            Issue.record("a cursor of another order was taken")
        } catch {
            #expect(error.field == "cursor" && error.remedy == .restartList(sortedBy: "total"))
        }
        for garbage in ["", "abc", "doc_01KB0000000000000000000000", String(cursor.dropLast(3)), cursor + "+"] {
            #expect(throws: FolioError.self, "\(garbage)") { try DocumentCursor(parsing: garbage, for: .total) }
        }
    }

    @Test("migration 6 makes a version-5 documents table again with its list columns filled; run again, unharmed")
    func migration() throws {
        let s = try seeded()
        // What version 5 had: the table of migration 3, without the list columns or indexes.
        try s.store.write { tx throws(FolioError) in
            try tx.run("""
                CREATE TABLE documents_v5 AS SELECT id, tenant_id, issuer_id, document_type, access_key, series, sequential,
                    environment, issue_date, status, profile, certificate_id, total, summary, signed_xml, created_at, updated_at
                FROM documents
                """)
            try tx.run("DROP TABLE documents")
            try tx.run("ALTER TABLE documents_v5 RENAME TO documents")
            try tx.run("DROP INDEX events_target")
            try tx.run("PRAGMA user_version = 5")
        }
        let columns = try s.store.read { tx throws(FolioError) in
            try tx.fetchAll("SELECT name FROM pragma_table_info('documents')", table: "pragma") { row throws(FolioError) in
                try row.text("name")
            }
        }
        #expect(!columns.contains("total_cents"))
        let migrated = try Store.open(location: location, environment: [:])
        #expect(try migrated.schemaVersion() == Migrations.latestVersion)
        let found = try Documents.list(store: migrated, filter: DocumentFilter(buyerName: "PEREZ", sort: .totalDescending),
                                       page: PageRequest(limit: 1, cursor: nil)).items
        #expect(found.first?.buyerName == "ANA PÉREZ" && found.first?.total == "497.50")
        #expect(try pages(DocumentFilter(), limit: 200, migrated).ids.count == Self.count)
        #expect(try migrated.read { tx throws(FolioError) in try tx.document(id: s.documents[7].id) } == s.documents[7])
        // Again, as when a store's recorded version was set back: the same result.
        try migrated.write { tx throws(FolioError) in try tx.run("PRAGMA user_version = 5") }
        let again = try Store.open(location: location, environment: [:])
        #expect(try pages(DocumentFilter(buyerIdentification: "1710034025"), limit: 200, again).ids.count == Self.count / 4)
    }
}
