import Foundation
import Testing
@testable import FolioCore
import FolioSupport
import FolioTestSupport

/// Key generation and PKCS#12 decryption run before the write transaction, never while the
/// store holds SQLite's single write lock (every other writer, each `keys verify`, would wait
/// for them); and moving them changed nothing else: failures, audit entries, replays, dry runs.
@Suite("pipeline: slow steps outside the write lock")
struct SlowStepTests {
    @Test("cert generate: the key is made with no write transaction open; stored and audited as before")
    func certGenerate() throws {
        let w = try WatchedStore()
        let issuerId = try w.issuer(certificate: false)
        let made = try w.log.watch { try w.perform(Issuers.generateCertificate(issuerId, days: 30, masterKey: w.masterKey)) }
        #expect(w.log.seen == [.outside(.keyGeneration)])
        let view = try #require(made.result)
        #expect(view.issuer.certificateId == view.certificate.id)
        #expect(view.certificate.subject.contains("serialNumber=1790011674001"))
        #expect(try Issuers.show(store: w.store, handle: issuerId, now: w.now).certificate?.id == view.certificate.id)
        #expect(try w.auditActions().last == "issuer.cert_generate")
    }

    @Test("cert generate: a bad validity or an unknown issuer fails before any key is made, and writes nothing")
    func certGenerateFailures() throws {
        let w = try WatchedStore()
        let issuerId = try w.issuer(certificate: false)
        let before = try w.auditActions()
        let badDays = #expect(throws: FolioError.self) {
            try w.log.watch { try w.perform(Issuers.generateCertificate(issuerId, days: 0, masterKey: w.masterKey)) }
        }
        #expect(badDays?.field == "days")
        let unknown = #expect(throws: FolioError.self) {
            try w.log.watch { try w.perform(Issuers.generateCertificate("iss_nope", days: 30, masterKey: w.masterKey)) }
        }
        #expect(unknown?.code == .notFound)
        #expect(w.log.seen == [])
        #expect(try w.auditActions() == before)
    }

    @Test("cert generate: a replay of an idempotency key makes no key and stores none; a dry run makes one outside, stores none")
    func certGenerateReplayAndDryRun() throws {
        let w = try WatchedStore()
        let issuerId = try w.issuer(certificate: false)
        let dry = try w.log.watch { try w.perform(Issuers.generateCertificate(issuerId, days: 30, masterKey: w.masterKey), dryRun: true) }
        #expect(dry.kind == .dryRun && dry.result?.issuer.certificateId != nil)
        #expect(w.log.seen == [.outside(.keyGeneration)])
        #expect(try Issuers.show(store: w.store, handle: issuerId, now: w.now).certificateId == nil)

        let first = try w.log.watch { try w.perform(Issuers.generateCertificate(issuerId, days: 30, masterKey: w.masterKey), key: "k1") }
        #expect(first.kind == .performed && w.log.seen == [.outside(.keyGeneration)])
        let stored = try Issuers.show(store: w.store, handle: issuerId, now: w.now).certificateId
        let replay = try w.log.watch { try w.perform(Issuers.generateCertificate(issuerId, days: 30, masterKey: w.masterKey), key: "k1") }
        #expect(replay.kind == .replayed)
        #expect(w.log.seen == [])
        #expect(try Issuers.show(store: w.store, handle: issuerId, now: w.now).certificateId == stored)
        #expect(try w.auditActions().filter { $0 == "issuer.cert_generate" }.count == 1)
    }

    @Test("the probe sees the write lock: a change run inside another (no preparation) makes its key under it")
    func probeSeesTheLock() throws {
        let w = try WatchedStore()
        let issuerId = try w.issuer(certificate: false)
        let masterKey = w.masterKey
        try w.log.watch {
            try w.perform(Mutation { tx, ctx throws(FolioError) in
                try Issuers.generateCertificate(issuerId, days: 30, masterKey: masterKey).body(tx, ctx)
            })
        }
        #expect(w.log.seen == [.underLock(.keyGeneration)])
    }

    @Test("tenants register with a RUC: the default issuer's key is made outside; registering again makes none")
    func registerWithRUC() throws {
        let w = try WatchedStore()
        let input = TenantRegistration(email: "ci@example.com", name: "CI Foods", tier: .trial, language: .es,
                                       ruc: "1790011674001", masterKey: w.masterKey)
        let made = try w.log.watch { try w.perform(Tenants.register(input)) }
        #expect(w.log.seen == [.outside(.keyGeneration)])
        let issuer = try #require(made.result?.issuer)
        #expect(issuer.certificate?.subject.contains("CI Foods") == true)
        #expect(try w.auditActions() == ["tenant.register", "key.create", "issuer.create", "issuer.cert_generate"])

        let again = try w.log.watch { try w.perform(Tenants.register(input)) }
        #expect(again.result?.issuer?.id == issuer.id && again.result?.created == false)
        #expect(w.log.seen == [])

        // A bad RUC fails before a key is made, and leaves no tenant behind.
        var bad = input
        bad.email = "bad@example.com"
        bad.ruc = "1790011674"
        let error = #expect(throws: FolioError.self) { try w.log.watch { try w.perform(Tenants.register(bad)) } }
        #expect(error?.code == .validationFailed)
        #expect(w.log.seen == [])
        #expect(try Tenants.list(store: w.store, filter: TenantFilter(), page: PageRequest(limit: 10, cursor: nil)).items.count == 1)
    }

    @Test("cert import: the PKCS#12 file is opened outside; a wrong password fails there and stores nothing",
          .enabled(if: ExternalTool.shouldRun("openssl"), "needs openssl"))
    func certImport() throws {
        let w = try WatchedStore()
        let issuerId = try w.issuer(certificate: false)
        let dir = ProcessRunner.temporaryDirectory("folio-slow-p12")
        let pair = try OpenSSLCertificate.make(in: dir, name: "firma", subject: "/C=EC/CN=Firma/serialNumber=1790011674001",
                                               extensions: ["keyUsage=critical,digitalSignature,nonRepudiation"])
        let path = dir + "/firma.p12"
        let openssl = try #require(ExternalTool.path("openssl"))
        let exported = try ProcessRunner.run([openssl, "pkcs12", "-export", "-inkey", pair.key, "-in", pair.cert, "-out", path,
                                              "-passout", "pass:s3cret"])
        try #require(exported.status == 0, "\(exported.stderr)")
        let p12 = try FileSystem.readFile(path, limit: 1 << 20)

        let wrong = #expect(throws: FolioError.self) {
            try w.log.watch { try w.perform(Issuers.importCertificate(issuerId, p12: p12, password: "nope", masterKey: w.masterKey)) }
        }
        #expect(wrong?.field == "password")
        #expect(w.log.seen == [.outside(.pkcs12Opening)])
        #expect(try Issuers.show(store: w.store, handle: issuerId, now: w.now).certificateId == nil)

        let made = try w.log.watch {
            try w.perform(Issuers.importCertificate(issuerId, p12: p12, password: "s3cret", masterKey: w.masterKey))
        }
        #expect(w.log.seen == [.outside(.pkcs12Opening)])
        #expect(made.result?.certificate.source == "imported")
        #expect(try w.auditActions().last == "issuer.cert_import")
    }
}
