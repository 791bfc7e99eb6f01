import Testing
import Foundation
import FolioCrypto

/// PKCS#12 files are made by the openssl command line, as certificate issuers' tools would.
@Suite(.enabled(if: OpenSSLCLI.available, "needs openssl"))
struct PKCS12Tests {
    static let password = "test-pass-ñ1"   // test password, not a secret

    /// A directory with `signer.key` and certificates for it: `signer.pem` (digitalSignature),
    /// `enc.pem` (same key, keyEncipherment only), and an unrelated `ca.pem` (keyCertSign only).
    final class Fixture {
        let dir = TempDir()

        init() throws {
            try dir.write("signer.key", try TestKeys.rsa2048.pkcs8PEM())
            try dir.write("ca.key", try TestKeys.other2048.pkcs8PEM())
            try cert("signer.pem", key: "signer.key", subject: "/C=EC/CN=Signer", usage: "critical,digitalSignature,nonRepudiation")
            try cert("enc.pem", key: "signer.key", subject: "/C=EC/CN=Encryption", usage: "critical,keyEncipherment")
            try cert("ca.pem", key: "ca.key", subject: "/C=EC/CN=Test CA", usage: "critical,keyCertSign,cRLSign")
        }

        private func cert(_ name: String, key: String, subject: String, usage: String) throws {
            try OpenSSLCLI.run(["req", "-x509", "-new", "-key", key, "-out", name, "-subj", subject, "-days", "30",
                                "-addext", "keyUsage=\(usage)"], in: dir.path)
        }

        /// Runs `openssl pkcs12 -export` with `extra` options and returns the file's bytes.
        func export(_ extra: [String], password: String = PKCS12Tests.password) throws -> [UInt8] {
            try OpenSSLCLI.run(["pkcs12", "-export", "-out", "out.p12", "-passout", "pass:\(password)"] + extra, in: dir.path)
            return try dir.read("out.p12")
        }

        func certificate(_ name: String) throws -> Certificate { try Certificate(pem: try dir.readText(name)) }
    }

    @Test func modernFile() throws {
        let fixture = try Fixture()
        let data = try fixture.export(["-inkey", "signer.key", "-in", "signer.pem"])
        let contents = try PKCS12Contents.parse(data, password: Self.password)
        #expect(contents.certificate.der == (try fixture.certificate("signer.pem")).der)
        #expect(contents.otherCertificates.isEmpty)
        #expect(try contents.privateKey.pkcs8DER() == TestKeys.rsa2048.pkcs8DER())
        #expect(contents.certificate.matches(contents.privateKey))
    }

    /// RC2-40 certificates and a 3DES (or RC2-40) key, as old issuer tools write: needs the legacy provider.
    @Test(arguments: [["-legacy"], ["-legacy", "-certpbe", "PBE-SHA1-RC2-40", "-keypbe", "PBE-SHA1-RC2-40"]])
    func legacyFile(options: [String]) throws {
        let fixture = try Fixture()
        let data = try fixture.export(["-inkey", "signer.key", "-in", "signer.pem"] + options)
        let info = try OpenSSLCLI.run(["pkcs12", "-info", "-noout", "-legacy", "-in", "out.p12", "-passin", "pass:\(Self.password)"],
                                      in: fixture.dir.path)
        #expect(info.stderr.contains("pbeWithSHA1And40BitRC2-CBC"))
        let contents = try PKCS12Contents.parse(data, password: Self.password)
        #expect(contents.certificate.subject == "CN=Signer,C=EC")
        #expect(try contents.privateKey.pkcs8DER() == TestKeys.rsa2048.pkcs8DER())
        #expect(expectKind(.wrongPassword) { try PKCS12Contents.parse(data, password: "wrong") })
    }

    /// The first certificate matching the key is an encryption certificate; the CA certificate
    /// does not match the key. Only the signing certificate qualifies.
    @Test func picksTheSigningCertificate() throws {
        let fixture = try Fixture()
        try fixture.dir.write("extra.pem", try fixture.dir.readText("ca.pem") + fixture.dir.readText("signer.pem"))
        let data = try fixture.export(["-inkey", "signer.key", "-in", "enc.pem", "-certfile", "extra.pem"])
        let contents = try PKCS12Contents.parse(data, password: Self.password)
        #expect(contents.certificate.subject == "CN=Signer,C=EC")
        #expect(contents.certificate.der == (try fixture.certificate("signer.pem")).der)
        #expect(Set(contents.otherCertificates.map(\.subject)) == ["CN=Encryption,C=EC", "CN=Test CA,C=EC"])
    }

    @Test func caCertificateBesideTheSigner() throws {
        let fixture = try Fixture()
        let data = try fixture.export(["-inkey", "signer.key", "-in", "signer.pem", "-certfile", "ca.pem"])
        let contents = try PKCS12Contents.parse(data, password: Self.password)
        #expect(contents.certificate.subject == "CN=Signer,C=EC")
        #expect(contents.otherCertificates.map(\.subject) == ["CN=Test CA,C=EC"])
    }

    @Test func noCertificateAllowsSigning() throws {
        let fixture = try Fixture()
        let data = try fixture.export(["-inkey", "signer.key", "-in", "enc.pem", "-certfile", "ca.pem"])
        #expect(expectKind(.noMatchingKey) { try PKCS12Contents.parse(data, password: Self.password) })
    }

    @Test func wrongPassword() throws {
        let fixture = try Fixture()
        let data = try fixture.export(["-inkey", "signer.key", "-in", "signer.pem"])
        #expect(expectKind(.wrongPassword) { try PKCS12Contents.parse(data, password: "test-pass-n1") })
        #expect(expectKind(.wrongPassword) { try PKCS12Contents.parse(data, password: "") })
    }

    /// Without a MAC, a wrong password is only noticed when decryption fails.
    @Test func wrongPasswordWithoutMAC() throws {
        let fixture = try Fixture()
        let data = try fixture.export(["-inkey", "signer.key", "-in", "signer.pem", "-nomac"])
        #expect(try PKCS12Contents.parse(data, password: Self.password).certificate.subject == "CN=Signer,C=EC")
        #expect(expectKind(.wrongPassword) { try PKCS12Contents.parse(data, password: "wrong") })
    }

    @Test func emptyPassword() throws {
        let fixture = try Fixture()
        let data = try fixture.export(["-inkey", "signer.key", "-in", "signer.pem"], password: "")
        #expect(try PKCS12Contents.parse(data, password: "").certificate.subject == "CN=Signer,C=EC")
        #expect(expectKind(.wrongPassword) { try PKCS12Contents.parse(data, password: "x") })
    }

    @Test func notPKCS12() throws {
        #expect(expectKind(.invalidInput) { try PKCS12Contents.parse(Array("hello".utf8), password: "x") })
        #expect(expectKind(.invalidInput) { try PKCS12Contents.parse([], password: "x") })
    }
}
