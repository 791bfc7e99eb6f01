import Testing
import Foundation
import FolioCrypto
import FolioSupport

@Suite struct RSATests {
    let key = TestKeys.rsa2048
    let message = Array("<SignedInfo>factura 001-001-000000123</SignedInfo>".utf8)

    @Test(arguments: [DigestAlgorithm.sha1, .sha256])
    func signAndVerify(digest: DigestAlgorithm) throws {
        let signature = try key.sign(message, digest: digest)
        #expect(signature.count == 256)
        #expect(key.publicKey.verify(signature: signature, data: message, digest: digest))
        var tamperedData = message
        tamperedData[0] ^= 1
        #expect(!key.publicKey.verify(signature: signature, data: tamperedData, digest: digest))
        var tamperedSignature = signature
        tamperedSignature[100] ^= 1
        #expect(!key.publicKey.verify(signature: tamperedSignature, data: message, digest: digest))
        let otherDigest: DigestAlgorithm = digest == .sha1 ? .sha256 : .sha1
        #expect(!key.publicKey.verify(signature: signature, data: message, digest: otherDigest))
        #expect(!TestKeys.other2048.publicKey.verify(signature: signature, data: message, digest: digest))
    }

    /// PKCS#1 v1.5 is deterministic: the same key, digest and data give the same signature.
    @Test func signatureIsDeterministic() throws {
        #expect(try key.sign(message, digest: .sha1) == key.sign(message, digest: .sha1))
    }

    @Test(.enabled(if: OpenSSLCLI.available, "needs openssl"), arguments: [("sha1", DigestAlgorithm.sha1), ("sha256", .sha256)])
    func opensslVerifiesOurSignature(name: String, digest: DigestAlgorithm) throws {
        let dir = TempDir()
        try dir.write("pub.pem", try key.publicKey.pem())
        try dir.write("data", message)
        try dir.write("sig", try key.sign(message, digest: digest))
        let result = try OpenSSLCLI.run(["dgst", "-\(name)", "-verify", "pub.pem", "-signature", "sig", "data"], in: dir.path)
        #expect(result.stdout.contains("Verified OK"))
        try dir.write("data", message + [0x20])
        #expect(try OpenSSLCLI.status(["dgst", "-\(name)", "-verify", "pub.pem", "-signature", "sig", "data"], in: dir.path) != 0)
    }

    @Test(.enabled(if: OpenSSLCLI.available, "needs openssl"), arguments: [("sha1", DigestAlgorithm.sha1), ("sha256", .sha256)])
    func weVerifyOpensslSignature(name: String, digest: DigestAlgorithm) throws {
        let dir = TempDir()
        try dir.write("key.pem", try key.pkcs8PEM())
        try dir.write("data", message)
        try OpenSSLCLI.run(["dgst", "-\(name)", "-sign", "key.pem", "-out", "sig", "data"], in: dir.path)
        let signature = try dir.read("sig")
        #expect(key.publicKey.verify(signature: signature, data: message, digest: digest))
        #expect(try signature == key.sign(message, digest: digest))
    }

    @Test(.enabled(if: OpenSSLCLI.available, "needs openssl"))
    func modulusExponentAndSPKIMatchOpenssl() throws {
        let dir = TempDir()
        try dir.write("pub.pem", try key.publicKey.pem())
        let modulus = try OpenSSLCLI.run(["rsa", "-pubin", "-in", "pub.pem", "-noout", "-modulus"], in: dir.path).stdout
        #expect(modulus.trimmingCharacters(in: .whitespacesAndNewlines) == "Modulus=" + Hex.encode(key.publicKey.rsaModulus).uppercased())
        #expect(key.publicKey.rsaModulus.count == 256 && key.publicKey.rsaModulus[0] != 0)
        #expect(key.publicKey.rsaExponent == [0x01, 0x00, 0x01])
        try OpenSSLCLI.run(["pkey", "-pubin", "-in", "pub.pem", "-outform", "DER", "-out", "pub.der"], in: dir.path)
        #expect(try dir.read("pub.der") == key.publicKey.derSubjectPublicKeyInfo())
    }

    @Test func pkcs8RoundTrip() throws {
        let der = try key.pkcs8DER()
        let restored = try PrivateKey(pkcs8DER: der)
        #expect(try restored.pkcs8DER() == der)
        #expect(restored.publicKey.isEqual(to: key.publicKey))
        #expect(try restored.sign(message, digest: .sha256) == key.sign(message, digest: .sha256))
        let fromPEM = try PrivateKey(pem: try key.pkcs8PEM())
        #expect(try fromPEM.pkcs8DER() == der)
        let spki = try key.publicKey.derSubjectPublicKeyInfo()
        #expect(try PublicKey(derSubjectPublicKeyInfo: spki).isEqual(to: key.publicKey))
    }

    @Test(.enabled(if: OpenSSLCLI.available, "needs openssl"))
    func pkcs8IsRealPKCS8() throws {
        let dir = TempDir()
        try dir.write("key.der", try key.pkcs8DER())
        // -inform DER with `pkcs8 -nocrypt` only accepts an unencrypted PrivateKeyInfo.
        let pem = try OpenSSLCLI.run(["pkcs8", "-nocrypt", "-inform", "DER", "-in", "key.der"], in: dir.path).stdout
        #expect(pem.hasPrefix("-----BEGIN PRIVATE KEY-----"))
    }

    @Test func rejectsGarbage() throws {
        #expect(expectKind(.invalidInput) { try PrivateKey(pkcs8DER: [0x30, 0x03, 0x02, 0x01, 0x00]) })
        #expect(expectKind(.invalidInput) { try PrivateKey(pkcs8DER: []) })
        #expect(expectKind(.invalidInput) { try PrivateKey(pkcs8DER: try key.pkcs8DER() + [0]) })
        #expect(expectKind(.invalidInput) { try PrivateKey(pem: "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n") })
        #expect(expectKind(.invalidInput) { try PrivateKey.generateRSA(bits: 512) })
    }

    /// An encrypted PEM must fail rather than prompt for a password on the terminal.
    @Test(.enabled(if: OpenSSLCLI.available, "needs openssl"))
    func encryptedPEMFailsWithoutPrompting() throws {
        let dir = TempDir()
        try dir.write("key.pem", try key.pkcs8PEM())
        try OpenSSLCLI.run(["pkcs8", "-topk8", "-in", "key.pem", "-out", "enc.pem", "-passout", "pass:test-pass"], in: dir.path)
        let encrypted = try dir.readText("enc.pem")
        #expect(encrypted.contains("ENCRYPTED PRIVATE KEY"))
        #expect(expectKind(.invalidInput) { try PrivateKey(pem: encrypted) })
    }
}
