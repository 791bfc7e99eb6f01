import Foundation
import Testing
@testable import FolioCore
import FolioCrypto
import FolioTestSupport
import FolioSupport

/// The master key's check value, the race between a rotation and a command that opened the key
/// before it, permission wording, and `init`'s undo with a database kept elsewhere.
@Suite("master key and store creation, in process")
struct MasterKeyUnitTests {
    let now = Timestamp(seconds: TestClock.seconds)

    func context(_ command: String) -> MutationContext {
        MutationContext(actor: "test", command: command, idempotencyKey: nil, fingerprint: command, dryRun: false,
                        now: now, ids: IDGenerator(clock: FixedClock(now)))
    }

    @Test("the check value is an HMAC of a label under the key: stable, distinct per key, not the key")
    func checkValue() {
        let key = SecureRandom.bytes(32), other = SecureRandom.bytes(32)
        let value = MasterKeyCheck.value(of: key)
        #expect(value == MasterKeyCheck.value(of: key))
        #expect(value != MasterKeyCheck.value(of: other))
        #expect(value.hasPrefix("hmac-sha256-v1:") && value.count == "hmac-sha256-v1:".count + 64)
        // Computed apart from #expect, which would print a key it failed on.
        let holdsKey = value.contains(Hex.encode(key)), holdsHash = value.contains(Hex.encode(Digest.sha256(key)))
        #expect(!holdsKey, "the key is in its check value")
        #expect(!holdsHash, "the check value is a plain hash of the key")
        #expect(MasterKeyCheck.matches(value, key: key))
        #expect(!MasterKeyCheck.matches(value, key: other))
        #expect(!MasterKeyCheck.matches(MasterKeyCheck.pending, key: key))
    }

    @Test("a command that opened the key before a rotation committed cannot seal under the retired key")
    func rotationRace() throws {
        let location = StoreLocation(dataDirectory: ProcessRunner.temporaryDirectory("folio-core") + "/store")
        _ = try Store.initialize(location: location, environment: [:])
        let early = try Store.open(location: location, environment: [:])
        let retired = try early.masterKey()
        let registered = try early.perform(Tenants.register(TenantRegistration(email: "r@example.com", name: "R", tier: .trial,
                                                                                 language: .es)),
                                           context: context("tenants register")) { _ throws(FolioError) in [] }
        let tenant = try #require(registered.result?.tenant)
        _ = try early.perform(Mutation { tx, ctx throws(FolioError) in
            let made = try Issuers.createDefault(tenant: tenant, ruc: "1790011674001", masterKey: retired, tx: tx, ctx: ctx)
            return Change(made.0, audit: made.1, events: made.2)
        }, context: context("issuers create")) { _ throws(FolioError) in [] }

        let rotator = try Store.open(location: location, environment: [:])
        let rotation = try rotator.rotateMasterKey(context: context("store rotate-master-key"))
        #expect(rotation.certificates == 1)

        let issuer = try #require(try Issuers.list(store: early, tenant: nil, page: PageRequest(limit: 10, cursor: nil), now: now)
            .items.first)
        let error = #expect(throws: FolioError.self) {
            _ = try early.perform(Issuers.generateCertificate(issuer.id, days: 30, masterKey: retired),
                                  context: context("issuers cert generate")) { _ throws(FolioError) in [] }
        }
        #expect(error?.code == .storeUnavailable)
        #expect(error?.message.contains("rotated while this command ran") == true)
        // The certificate made before the rotation opens under the new key only.
        let fresh = try Store.open(location: location, environment: [:])
        let current = try fresh.masterKey()
        let changed = current != retired
        #expect(changed, "the key was rotated")
        try fresh.read { tx throws(FolioError) in
            for (id, sealed) in try tx.sealedCertificateKeys() {
                #expect(throws: Never.self) { try AESGCM.open(sealed, key: current, aad: Array(id.utf8)) }
                #expect(throws: CryptoError.self) { try AESGCM.open(sealed, key: retired, aad: Array(id.utf8)) }
            }
        }
    }

    @Test("a rotation stopped just before its commit removes master.key.new and the copy, and changes nothing")
    func rotationStoppedBeforeCommit() throws {
        let location = StoreLocation(dataDirectory: ProcessRunner.temporaryDirectory("folio-core") + "/store")
        _ = try Store.initialize(location: location, environment: [:])
        let store = try Store.open(location: location, environment: [:])
        let key = try #require(FileManager.default.contents(atPath: location.masterKeyPath))
        let check = try store.read { tx throws(FolioError) in try tx.masterKeyCheck() }
        var stopping = context("store rotate-master-key")
        // Asked just before COMMIT, after the files are written: what SIGINT does then.
        stopping.isCancelled = { true }
        let error = #expect(throws: FolioError.self) { try store.rotateMasterKey(context: stopping) }
        #expect(error?.code == .interrupted)
        #expect(FileManager.default.contents(atPath: location.masterKeyPath) == key)
        #expect(try FileManager.default.contentsOfDirectory(atPath: location.dataDirectory).filter { $0.hasPrefix("master") }
                == ["master.key"])
        let fresh = try Store.open(location: location, environment: [:])
        #expect(try fresh.read { tx throws(FolioError) in try tx.masterKeyCheck() } == check)
        let unchanged = try fresh.masterKey() == Array(key)
        #expect(unchanged, "master.key is still the store's key")
    }

    @Test("permissions are described as ls shows them", arguments: [
        (UInt32(0o644), false, "readable by group and others", "0644"),
        (UInt32(0o640), false, "readable by group", "0640"),
        (UInt32(0o660), false, "readable and writable by group", "0660"),
        (UInt32(0o604), false, "readable by others", "0604"),
        (UInt32(0o755), true, "readable and searchable by group and others", "0755"),
        (UInt32(0o750), true, "readable and searchable by group", "0750"),
        (UInt32(0o701), true, "searchable by others", "0701"),
    ])
    func permissionWords(mode: UInt32, directory: Bool, words: String, octal: String) {
        #expect(StorePermissions.describe(mode, directory: directory) == words)
        #expect(StorePermissions.octal(mode) == octal)
    }

    @Test("init with the database elsewhere: a failing step takes back what it made")
    func creationUndo() throws {
        let root = ProcessRunner.temporaryDirectory("folio-core")
        // The database's folder does not exist: SQLite fails after the data directory is staged.
        let location = StoreLocation(dataDirectory: root + "/deep/data", database: .sqlite(path: root + "/missing/db.sqlite"))
        let error = #expect(throws: FolioError.self) { try Store.initialize(location: location, environment: [:]) }
        #expect(error?.code == .storeUnavailable)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root).isEmpty)
    }

    @Test("a mutation that seals takes the master key's lock and checks the value inside its transaction")
    func confirmInsideTransaction() throws {
        let location = StoreLocation(dataDirectory: ProcessRunner.temporaryDirectory("folio-core") + "/store")
        _ = try Store.initialize(location: location, environment: [:])
        let store = try Store.open(location: location, environment: [:])
        _ = try store.masterKey()
        // Another key's value recorded behind this store's back (what a rotation commits).
        let other = try Store.open(location: location, environment: [:])
        try other.write { tx throws(FolioError) in try tx.setMasterKeyCheck(MasterKeyCheck.value(of: SecureRandom.bytes(32))) }
        let register = Tenants.register(TenantRegistration(email: "c@example.com", name: nil, tier: .trial, language: .es))
        #expect(throws: FolioError.self) {
            _ = try store.perform(register, context: context("tenants register")) { _ throws(FolioError) in [] }
        }
        #expect(try store.read { tx throws(FolioError) in try tx.rowCount("tenants") } == 0)
    }
}
