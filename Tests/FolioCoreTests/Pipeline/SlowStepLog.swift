import Foundation
import Testing
@testable import FolioCore
import FolioSupport
import FolioTestSupport

/// A connection that forwards to SQLite and knows whether a write transaction is open on it:
/// whether the store holds SQLite's write lock.
final class WriteWatchingConnection: ForwardingConnection, @unchecked Sendable {
    private(set) var writing = false

    override func begin(_ kind: TransactionKind) throws(FolioError) {
        try base.begin(kind)
        if case .write = kind { writing = true }
    }
    override func commit() throws(FolioError) {
        try base.commit()
        writing = false
    }
    override func rollback() {
        base.rollback()
        writing = false
    }
}

/// A slow step as seen: which, and whether the watched store held its write lock then.
struct SeenStep: Equatable, CustomStringConvertible {
    var step: SlowStep
    var underLock: Bool
    var description: String { "\(step.rawValue)\(underLock ? " under the write lock" : " outside")" }

    static func outside(_ step: SlowStep) -> SeenStep { SeenStep(step: step, underLock: false) }
    static func underLock(_ step: SlowStep) -> SeenStep { SeenStep(step: step, underLock: true) }
}

/// Records the slow steps run in `watch`, through `SlowStep.observer` bound to the test's own
/// task (tests run in parallel; each sees only its own steps).
final class SlowStepLog: @unchecked Sendable {
    let connection: WriteWatchingConnection
    private(set) var seen: [SeenStep] = []
    /// While set, steps are not recorded (another store's work, run from the observer).
    var paused = false
    /// Called after each recorded step (to act between a change's preparation and its write).
    var after: ((SeenStep) -> Void)?

    init(_ connection: WriteWatchingConnection) { self.connection = connection }

    func watch<T>(_ body: () throws -> T) rethrows -> T {
        seen = []
        return try SlowStep.$observer.withValue({ [self] step in
            guard !paused else { return }
            let entry = SeenStep(step: step, underLock: connection.writing)
            seen.append(entry)
            after?(entry)
        }, operation: body)
    }
}

/// A store over a `WriteWatchingConnection`, and what tests of slow steps share.
struct WatchedStore {
    let store: Store
    let location: StoreLocation
    let log: SlowStepLog
    let masterKey: [UInt8]
    let now = Timestamp(seconds: TestClock.seconds)

    init() throws {
        location = StoreLocation(dataDirectory: ProcessRunner.temporaryDirectory("folio-slow") + "/store")
        _ = try Store.initialize(location: location, environment: [:])
        let watcher = WriteWatchingConnection(try Store.open(location: location, environment: [:]).connection)
        store = Store(location: location, connection: watcher, environment: [:])
        log = SlowStepLog(watcher)
        masterKey = try store.masterKey()
    }

    func context(key: String? = nil, dryRun: Bool = false, fingerprint: String = "f") -> MutationContext {
        MutationContext(actor: "unit", command: "test", idempotencyKey: key, fingerprint: fingerprint, dryRun: dryRun,
                        now: now, ids: IDGenerator(clock: FixedClock(now)))
    }

    @discardableResult
    func perform<R>(_ mutation: Mutation<R>, key: String? = nil, dryRun: Bool = false) throws -> MutationOutcome<R> {
        try store.perform(mutation, context: context(key: key, dryRun: dryRun)) { _ throws(FolioError) in Array("recorded".utf8) }
    }

    /// A tenant (unwatched) with issuer 001-001, with a generated certificate unless `certificate` is false.
    func issuer(certificate: Bool = true) throws -> String {
        let tenant = try #require(try perform(Tenants.register(TenantRegistration(email: "ana@example.com", name: "Ana Foods",
                                                                                  tier: .trial, language: .es))).result?.tenant)
        let issuer = try #require(try perform(Issuers.create(IssuerRegistration(tenant: tenant.id, name: "Matriz",
                                                                                ruc: "1790011674001",
                                                                                address: "Av. Amazonas 100, Quito"))).result)
        if certificate { try perform(Issuers.generateCertificate(issuer.id, days: 90, masterKey: masterKey)) }
        return issuer.id
    }

    func auditActions() throws -> [String] {
        try AuditLog.list(store: store, query: AuditQuery(), page: PageRequest(limit: 200, cursor: nil)).items.map(\.action)
    }
}
