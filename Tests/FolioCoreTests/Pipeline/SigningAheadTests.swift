import Foundation
import Testing
@testable import FolioCore
import FolioSupport
import FolioTestSupport

/// Invoices are signed before the write transaction, for the sequential they expect; inside it
/// the number is taken under the series' lock as always, and an invoice whose number (or
/// anything else it was built from) is not what it was signed for is signed again there. The
/// stored XML always carries the number its document got.
@Suite("documents: signed ahead of the write lock")
struct SigningAheadTests {
    static func line(_ n: Int) -> String {
        #"{"buyer":{"identificationType":"07","identification":"9999999999999","name":"CONSUMIDOR FINAL"},"items":[{"code":"A\#(n)","description":"Item \#(n)","quantity":"1","unitPrice":"2.50","ivaRate":"4"}]}"#
    }

    func create(_ w: WatchedStore, _ issuerId: String, _ n: Int) throws -> Mutation<CreatedDocument> {
        Documents.create(issuer: issuerId, input: try JSONParser.parse(Self.line(n)), profile: .sri, masterKey: w.masterKey)
    }

    /// The stored XML and access key carry the document's sequential, and the signature verifies.
    func expectConsistent(_ w: WatchedStore, _ document: StoredDocument, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let padded = String(repeating: "0", count: 9 - String(document.sequential).count) + String(document.sequential)
        let xml = String(decoding: try Documents.xml(store: w.store, handle: document.id), as: UTF8.self)
        #expect(xml.contains("<secuencial>\(padded)</secuencial>"), "document \(document.sequential)", sourceLocation: sourceLocation)
        #expect(xml.contains("<claveAcceso>\(document.accessKey)</claveAcceso>"), sourceLocation: sourceLocation)
        #expect(String(document.accessKey.dropFirst(30).prefix(9)) == padded, sourceLocation: sourceLocation)
        let report = try Documents.verify(store: w.store, handle: document.id, now: w.now)
        #expect(report.valid, "\(report.failures)", sourceLocation: sourceLocation)
    }

    func storedDocuments(_ w: WatchedStore) throws -> [StoredDocument] {
        try Documents.list(store: w.store, filter: DocumentFilter(), page: PageRequest(limit: 200, cursor: nil)).items.sorted { $0.sequential < $1.sequential }
    }

    @Test("one invoice: signed outside, stored as it was signed")
    func single() throws {
        let w = try WatchedStore()
        let issuerId = try w.issuer()
        let made = try w.log.watch { try w.perform(try create(w, issuerId, 1)) }
        #expect(w.log.seen == [.outside(.signature)])
        let document = try #require(made.result?.document)
        #expect(document.sequential == 1)
        try expectConsistent(w, document)
        #expect(try w.auditActions().last == "document.create")
    }

    @Test("a batch: every line signed outside, across groups, with a failing line in between; a dry run too")
    func batch() throws {
        let w = try WatchedStore()
        let issuerId = try w.issuer()
        var inputs = (1...7).map { BatchInput(line: $0, value: try! JSONParser.parse(Self.line($0))) }
        inputs[2] = BatchInput(line: 3, value: try JSONParser.parse(#"{"buyer":{}}"#))   // fails validation, takes no number
        let masterKey = w.masterKey
        let mutation = { (input: JSONValue) in Documents.create(issuer: issuerId, input: input, profile: .sri, masterKey: masterKey) }

        var dryNumbers: [Int] = []
        let dry = w.log.watch {
            w.store.performBatch(inputs, groupSize: 3, context: w.context(dryRun: true), mutation: mutation,
                                 record: { _ throws(FolioError) in [] }) { outcomes, _ in
                dryNumbers += outcomes.compactMap { try? $0.outcome.get().result?.document.sequential }
            }
        }
        #expect(dry.succeeded == 6 && dry.failed == 1)
        #expect(w.log.seen == Array(repeating: .outside(.signature), count: 6))
        // Each group of a dry run is rolled back, yet the next one goes on from the numbers the
        // earlier ones took, as the real run does (groups: lines 1, 2, (3 fails); 4, 5, 6; 7),
        // and each line is still signed ahead for the number it gets.
        #expect(dryNumbers == [1, 2, 3, 4, 5, 6])
        #expect(try storedDocuments(w).isEmpty)
        #expect(try w.store.read { tx throws(FolioError) in try tx.sequenceCounters() }.isEmpty)

        let summary = w.log.watch {
            w.store.performBatch(inputs, groupSize: 3, context: w.context(), mutation: mutation,
                                 record: { _ throws(FolioError) in [] }) { _, _ in }
        }
        #expect(summary.succeeded == 6 && summary.failed == 1)
        #expect(w.log.seen == Array(repeating: .outside(.signature), count: 6))
        let stored = try storedDocuments(w)
        #expect(stored.map(\.sequential) == Array(1...6))
        for document in stored { try expectConsistent(w, document) }
    }

    @Test("another writer takes the number between the signature and the write: signed again under the lock, with the number it got")
    func contention() throws {
        let w = try WatchedStore()
        let issuerId = try w.issuer()
        let other = try Store.open(location: w.location, environment: [:])
        let masterKey = w.masterKey
        let otherMutation = Documents.create(issuer: issuerId, input: try JSONParser.parse(Self.line(2)), profile: .sri,
                                             masterKey: masterKey)
        var otherDocument: StoredDocument?
        w.log.after = { [log = w.log, context = w.context()] seen in
            guard otherDocument == nil, !seen.underLock else { return }
            // Signed ahead for number 1; another process takes 1 before this one writes.
            log.paused = true
            defer { log.paused = false }
            otherDocument = try? other.perform(otherMutation, context: context) { _ throws(FolioError) in [] }.result?.document
        }
        let made = try w.log.watch { try w.perform(try create(w, issuerId, 1)) }
        #expect(otherDocument?.sequential == 1)
        #expect(w.log.seen == [.outside(.signature), .underLock(.signature)])
        let document = try #require(made.result?.document)
        #expect(document.sequential == 2)
        try expectConsistent(w, document)
        try expectConsistent(w, try #require(otherDocument))
    }

    @Test("the certificate replaced between the signature and the write: signed again with the current one")
    func certificateReplaced() throws {
        let w = try WatchedStore()
        let issuerId = try w.issuer()
        let other = try Store.open(location: w.location, environment: [:])
        let replace = Issuers.generateCertificate(issuerId, days: 30, masterKey: w.masterKey)
        var replaced: String?
        w.log.after = { [log = w.log, context = w.context()] seen in
            guard replaced == nil, seen.step == .signature, !seen.underLock else { return }
            log.paused = true
            defer { log.paused = false }
            replaced = try? other.perform(replace, context: context) { _ throws(FolioError) in [] }.result?.certificate.id
        }
        let made = try w.log.watch { try w.perform(try create(w, issuerId, 1)) }
        #expect(w.log.seen == [.outside(.signature), .underLock(.signature)])
        let document = try #require(made.result?.document)
        #expect(document.certificateId == replaced)
        try expectConsistent(w, document)
    }
}
