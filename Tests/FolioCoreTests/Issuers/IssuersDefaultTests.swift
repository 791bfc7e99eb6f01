import Foundation
import Testing
@testable import FolioCore
import FolioCrypto
import FolioTestSupport
import FolioSupport

/// `Issuers.createDefault`, the core of `tenants register --ruc`: issuer 001-001 with a
/// generated sandbox certificate, made inside the registration's transaction.
@Suite("issuers: default issuer of a new tenant")
struct IssuersDefaultTests {
    let now = Timestamp(seconds: TestClock.seconds)

    func context(_ command: String) -> MutationContext {
        MutationContext(actor: "test", command: command, idempotencyKey: nil, fingerprint: command, dryRun: false,
                        now: now, ids: IDGenerator(clock: FixedClock(now)))
    }

    func openStore() throws -> Store {
        let dir = ProcessRunner.temporaryDirectory("folio-core") + "/store"
        _ = try Store.initialize(location: StoreLocation(dataDirectory: dir), environment: [:])
        return try Store.open(location: StoreLocation(dataDirectory: dir), environment: [:])
    }

    @Test("createDefault makes 001-001 with a certificate that signs a verifiable invoice; a bad RUC rolls everything back")
    func createDefault() throws {
        let store = try openStore()
        let masterKey = try store.masterKey()
        let registration = TenantRegistration(email: "ci@example.com", name: "CI Foods", tier: .trial, language: .es)
        let made = try store.perform(Mutation { tx, ctx throws(FolioError) in
            let registered = try Tenants.register(registration).body(tx, ctx)
            let (issuer, audit, events) = try Issuers.createDefault(tenant: registered.result.tenant, ruc: "1790011674001",
                                                                    masterKey: masterKey, tx: tx, ctx: ctx)
            return Change(issuer, audit: registered.audit + audit, events: registered.events + events)
        }, context: context("tenants register")) { issuer throws(FolioError) in Array(issuer.id.utf8) }
        let issuerId = try #require(made.result?.id)
        let issuer = try Issuers.show(store: store, handle: issuerId, now: now)
        #expect(issuer.series == "001-001")
        #expect(issuer.legalName == "CI Foods")
        #expect(issuer.documentTypes == ["01"])
        let certificate = try #require(issuer.certificate)
        #expect(certificate.source == "generated")
        #expect(certificate.subject.contains("serialNumber=1790011674001"))
        #expect((364...365).contains(certificate.daysLeft))

        let input = try JSONParser.parse(#"{"buyer":{"identificationType":"07","identification":"9999999999999","name":"CONSUMIDOR FINAL"},"items":[{"code":"A","description":"A","quantity":"1","unitPrice":"1.00","ivaRate":"4"}]}"#)
        let signed = try store.perform(Documents.create(issuer: issuerId, input: input, profile: .sri, masterKey: masterKey),
                                       context: context("documents create")) { made throws(FolioError) in Array(made.document.id.utf8) }
        let report = try Documents.verify(store: store, handle: try #require(signed.result?.document.id), now: now)
        #expect(report.valid, "\(report.failures)")

        // A RUC that is not 13 digits ending in 001 fails validation naming ruc; no tenant is left behind.
        let bad = TenantRegistration(email: "bad@example.com", name: nil, tier: .trial, language: .es)
        #expect(throws: FolioError.self) {
            try store.perform(Mutation { tx, ctx throws(FolioError) in
                let registered = try Tenants.register(bad).body(tx, ctx)
                let made = try Issuers.createDefault(tenant: registered.result.tenant, ruc: "1790011674", masterKey: masterKey,
                                                     tx: tx, ctx: ctx)
                return Change(made.0)
            }, context: context("tenants register")) { _ throws(FolioError) in [] }
        }
        #expect(try Tenants.list(store: store, filter: TenantFilter(), page: PageRequest(limit: 10, cursor: nil)).items.count == 1)
    }

    @Test("the private key is sealed with the certificate id as associated data: it opens only for its row")
    func sealedKey() throws {
        let store = try openStore()
        let masterKey = try store.masterKey()
        let issuer = Issuer(id: "iss_X", tenantId: "ten_X", name: "M", ruc: "1790011674001", legalName: "L", tradeName: nil,
                            address: "Quito", establishmentAddress: nil, establishment: "001", emissionPoint: "001",
                            keepsAccounts: false, specialTaxpayer: nil, certificateId: nil,
                            createdAt: now, updatedAt: now)
        let record = try Issuers.generatedCertificate(for: issuer, days: 30, masterKey: masterKey, now: now, ids: IDGenerator(clock: FixedClock(now)))
        let pkcs8 = try AESGCM.open(record.sealedKey, key: masterKey, aad: Array(record.info.id.utf8))
        let key = try PrivateKey(pkcs8DER: pkcs8)
        #expect(try Certificate(der: record.der).matches(key))
        #expect(throws: CryptoError.self) { try AESGCM.open(record.sealedKey, key: masterKey, aad: Array("crt_other".utf8)) }
        #expect(Issuers.colonHex([0x0A, 0xFF, 0x00]) == "0A:FF:00")
    }
}
