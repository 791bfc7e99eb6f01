import Foundation
import Testing
@testable import FolioCore
import FolioTestSupport
import FolioSupport

/// A connection that forwards to SQLite and records the write transactions begun, the locks
/// asked for and the statements run, in order: what a backend with row locks would see.
private final class RecordingConnection: ForwardingConnection {
    enum Event: Equatable {
        case beginWrite
        case lock(StoreLock)
        case sql(String)
    }

    var events: [Event] = []

    override func execute(_ query: SQLQuery) throws(FolioError) -> Int {
        events.append(.sql(query.sql(for: SQLiteDialect())))
        return try base.execute(query)
    }
    override func forEachRow(_ query: SQLQuery, table: String, _ body: (SQLRow) throws(FolioError) -> Bool) throws(FolioError) {
        events.append(.sql(query.sql(for: SQLiteDialect())))
        try base.forEachRow(query, table: table, body)
    }
    override func lock(_ resource: StoreLock) throws(FolioError) {
        events.append(.lock(resource))
        try base.lock(resource)
    }
    override func begin(_ kind: TransactionKind) throws(FolioError) {
        if case .write = kind { events.append(.beginWrite) }
        try base.begin(kind)
    }

    /// Where `resource` was asked for, and where the first statement containing `sql` ran, in
    /// the last write transaction. What a change reads before it (a forecast of the next
    /// sequential, a look for an idempotency record, made ahead of the lock) is only a hint that
    /// the transaction checks again.
    func order(of resource: StoreLock, before sql: String) -> (lock: Int?, statement: Int?) {
        let start = events.lastIndex(of: .beginWrite) ?? 0
        let written = events[start...]
        return (written.firstIndex(of: .lock(resource)),
                written.firstIndex { if case .sql(let text) = $0 { return text.contains(sql) } else { return false } })
    }
}

/// Each place whose correctness rests on SQLite's single writer asks for its lock, before it
/// reads what the lock protects: a no-op on SQLite, a real lock on a backend with row locks.
@Suite("store locks")
struct StoreLockTests {
    let now = Timestamp(rfc3339: "2026-11-22T08:00:00Z")!

    private func recordingStore() throws -> (Store, RecordingConnection) {
        let location = StoreLocation(dataDirectory: ProcessRunner.temporaryDirectory("folio-unit") + "/store")
        _ = try Store.initialize(location: location, environment: [:])
        let recorder = RecordingConnection(try Store.open(location: location, environment: [:]).connection)
        return (Store(location: location, connection: recorder, environment: [:]), recorder)
    }

    private func context(_ key: String? = nil) -> MutationContext {
        MutationContext(actor: "unit", command: "test", idempotencyKey: key, fingerprint: "f", dryRun: false, now: now,
                        ids: IDGenerator(clock: FixedClock(now)))
    }

    private func expectLock(_ recorder: RecordingConnection, _ resource: StoreLock, before sql: String) {
        let (lock, statement) = recorder.order(of: resource, before: sql)
        #expect(lock != nil, "\(resource.name) was not asked for")
        #expect(statement != nil, "no statement ran with \(sql)")
        if let lock, let statement { #expect(lock < statement, "\(resource.name) asked for after \(sql) ran") }
    }

    @Test("idempotency claim and audit chain head: locked before the record and the last row are read")
    func pipelineLocks() throws {
        let (store, recorder) = try recordingStore()
        let register = Tenants.register(TenantRegistration(email: "a@example.com", name: nil, tier: .trial, language: .es))
        _ = try store.perform(register, context: context("k1")) { _ throws(FolioError) in [] }
        expectLock(recorder, .idempotencyKey("k1"), before: "FROM idempotency_records")
        expectLock(recorder, .auditChainHead, before: "SELECT seq, hash, time FROM audit_log")
    }

    @Test("next sequential: the series is locked before its counter is read or created")
    func sequentialLock() throws {
        let (store, recorder) = try recordingStore()
        let masterKey = try store.masterKey()
        let made = try store.perform(Mutation { tx, ctx throws(FolioError) in
            let registered = try Tenants.register(TenantRegistration(email: "s@example.com", name: "S", tier: .trial, language: .es))
                .body(tx, ctx)
            let (issuer, audit, events) = try Issuers.createDefault(tenant: registered.result.tenant, ruc: "1790011674001",
                                                                    masterKey: masterKey, tx: tx, ctx: ctx)
            return Change(issuer, audit: registered.audit + audit, events: registered.events + events)
        }, context: context()) { issuer throws(FolioError) in Array(issuer.id.utf8) }
        let issuerId = try #require(made.result?.id)
        recorder.events = []
        let input = try JSONParser.parse(#"{"buyer":{"identificationType":"07","identification":"9999999999999","name":"CONSUMIDOR FINAL"},"items":[{"code":"A","description":"A","quantity":"1","unitPrice":"1.00","ivaRate":"4"}]}"#)
        _ = try store.perform(Documents.create(issuer: issuerId, input: input, profile: .sri, masterKey: masterKey),
                              context: MutationContext(actor: "unit", command: "test", idempotencyKey: nil, fingerprint: "f",
                                                       dryRun: false, now: now, ids: IDGenerator(clock: FixedClock(now)))) { _ throws(FolioError) in [] }
        expectLock(recorder, .sequentialSeries(issuerId: issuerId, documentType: "01", series: "001-001"),
                   before: "document_sequences")
        expectLock(recorder, .auditChainHead, before: "SELECT seq, hash, time FROM audit_log")
    }

    @Test("rate-limit window: the key is locked before its window is read")
    func rateLimitLock() throws {
        let (store, recorder) = try recordingStore()
        let register = Tenants.register(TenantRegistration(email: "k@example.com", name: nil, tier: .trial, language: .es))
        let made = try store.perform(register, context: context()) { r throws(FolioError) in Array(r.key.secret.utf8) }
        let secret = try #require(made.result?.key.secret)
        let parsed = try #require(try? ApiKeyFormat.parse(secret).get())
        recorder.events = []
        #expect(try Keys.verify(parsed, scopes: [], store: store, now: now).valid)
        expectLock(recorder, .rateLimitWindow(keyHash: parsed.hash), before: "FROM api_keys k JOIN tenants")
    }

    @Test("master key: a mutation of a store that opened the key locks it before reading its check value")
    func masterKeyLock() throws {
        let (store, recorder) = try recordingStore()
        _ = try store.masterKey()
        recorder.events = []
        let register = Tenants.register(TenantRegistration(email: "m@example.com", name: nil, tier: .trial, language: .es))
        _ = try store.perform(register, context: context()) { _ throws(FolioError) in [] }
        expectLock(recorder, .masterKey, before: "FROM meta WHERE name")
    }

    @Test("on SQLite a lock outside a write transaction is refused as a bug")
    func lockNeedsWriteTransaction() throws {
        let (store, _) = try recordingStore()
        let error = #expect(throws: FolioError.self) {
            try store.read { tx throws(FolioError) in try tx.lock(.auditChainHead) }
        }
        #expect(error?.code == .serverError)
        try store.write { tx throws(FolioError) in try tx.lock(.auditChainHead) }
    }
}
