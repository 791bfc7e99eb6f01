import Testing
import Foundation
import FolioTestSupport
import FolioCrypto

@Suite(.enabled(if: OpenSSLCLI.available, "needs openssl"))
struct CertificateTests {
    let key = TestKeys.rsa2048
    let subject = [("C", "EC"), ("O", "Ana Foods"), ("CN", "Ana Foods"), ("serialNumber", "1790011674001")]
    let notBefore: Int64 = 1_735_689_600   // 2025-01-01T00:00:00Z

    @Test func selfSignedIsReadByOpenssl() throws {
        let cert = try Certificate.selfSigned(key: key, subject: subject, notBefore: notBefore, days: 730)
        let dir = TempDir()
        try dir.write("cert.pem", cert.pem)
        let text = try OpenSSLCLI.run(["x509", "-in", "cert.pem", "-noout", "-text"], in: dir.path).stdout
        #expect(text.contains("Version: 3 (0x2)"))
        #expect(text.contains("Signature Algorithm: sha256WithRSAEncryption"))
        #expect(text.contains("X509v3 Key Usage: critical"))
        #expect(text.contains("Digital Signature, Non Repudiation\n"))
        #expect(text.contains("CA:FALSE"))
        #expect(text.contains("X509v3 Subject Key Identifier"))
        #expect(text.contains("Subject: C = EC, O = Ana Foods, CN = Ana Foods, serialNumber = 1790011674001"))

        let rfc2253 = try OpenSSLCLI.run(["x509", "-in", "cert.pem", "-noout", "-subject", "-issuer", "-nameopt", "RFC2253"],
                                         in: dir.path).stdout
        #expect(rfc2253 == "subject=serialNumber=1790011674001,CN=Ana Foods,O=Ana Foods,C=EC\n"
                + "issuer=serialNumber=1790011674001,CN=Ana Foods,O=Ana Foods,C=EC\n")
        #expect(cert.subject == "serialNumber=1790011674001,CN=Ana Foods,O=Ana Foods,C=EC")
        #expect(cert.issuer == cert.subject)
        #expect(cert.hasDigitalSignatureUsage && cert.hasNonRepudiationUsage)
        #expect(cert.matches(key) && !cert.matches(TestKeys.other2048))
        #expect(cert.notBefore == notBefore && cert.notAfter == notBefore + 730 * 86_400)

        // openssl accepts the self-signature (verify checks it against the cert's own key).
        let verify = try OpenSSLCLI.run(["verify", "-check_ss_sig", "-partial_chain", "-attime", String(notBefore + 86_400),
                                          "-trusted", "cert.pem", "cert.pem"],
                                        in: dir.path)
        #expect(verify.stdout.contains("cert.pem: OK"))
    }

    @Test func serialMatchesOpenssl() throws {
        let cert = try Certificate.selfSigned(key: key, subject: [("CN", "serial test")], notBefore: notBefore, days: 1)
        let dir = TempDir()
        try dir.write("cert.pem", cert.pem)
        let line = try OpenSSLCLI.run(["x509", "-in", "cert.pem", "-noout", "-serial"], in: dir.path).stdout
        let hex = String(line.trimmingCharacters(in: .whitespacesAndNewlines).dropFirst("serial=".count))
        #expect(hex.count == 32)
        #expect(cert.serialNumberHex == hex)
        #expect(cert.serialNumberDecimal == decimalFromHex(hex))
        let other = try Certificate.selfSigned(key: key, subject: [("CN", "serial test")], notBefore: notBefore, days: 1)
        #expect(other.serialNumberHex != cert.serialNumberHex)
    }

    /// A certificate made by openssl: 20-byte serial, UTF-8 and special characters in the DN, no keyUsage.
    @Test func parsesOpensslCertificate() throws {
        let dir = TempDir()
        try OpenSSLCLI.run(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "k.pem", "-out", "c.pem",
                            "-utf8", "-subj", "/C=EC/O=Ñandú, S.A./CN=José Pérez", "-days", "10",
                            "-set_serial", "0x7fa1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3"], in: dir.path)
        let cert = try Certificate(pem: try dir.readText("c.pem"))
        #expect(cert.serialNumberHex == "7FA1B2C3D4E5F60718293A4B5C6D7E8F90A1B2C3")
        #expect(cert.serialNumberDecimal == decimalFromHex("7FA1B2C3D4E5F60718293A4B5C6D7E8F90A1B2C3"))
        #expect(cert.serialNumberDecimal == "728647820496538813932143755509453462103226692291")
        let names = try OpenSSLCLI.run(["x509", "-in", "c.pem", "-noout", "-subject", "-nameopt", "RFC2253,-esc_msb"],
                                       in: dir.path).stdout
        #expect(names == "subject=\(cert.subject)\n")
        #expect(cert.subject == "CN=José Pérez,O=Ñandú\\, S.A.,C=EC")
        // openssl req -x509 adds no keyUsage by default: then every usage counts as allowed.
        #expect(cert.hasDigitalSignatureUsage && cert.hasNonRepudiationUsage)
        #expect(cert.matches(try PrivateKey(pem: try dir.readText("k.pem"))))

        let dates = try OpenSSLCLI.run(["x509", "-in", "c.pem", "-noout", "-dates", "-dateopt", "iso_8601"], in: dir.path).stdout
        #expect(dates == "notBefore=\(iso(cert.notBefore))\nnotAfter=\(iso(cert.notAfter))\n")
        #expect(cert.notAfter - cert.notBefore == 10 * 86_400)

        // DER round trip and fingerprints.
        try OpenSSLCLI.run(["x509", "-in", "c.pem", "-outform", "DER", "-out", "c.der"], in: dir.path)
        let der = try dir.read("c.der")
        #expect(cert.der == der)
        #expect(try Certificate(der: der).pem == dir.readText("c.pem"))
        let fingerprint = try OpenSSLCLI.run(["x509", "-in", "c.pem", "-noout", "-fingerprint", "-sha256"], in: dir.path).stdout
        let colons = cert.fingerprint(.sha256).map { String(format: "%02X", $0) }.joined(separator: ":")
        #expect(fingerprint == "sha256 Fingerprint=\(colons)\n")
        #expect(cert.fingerprint(.sha1) == Digest.sha1(der))
        try dir.write("pub.pem", try cert.publicKey.pem())
        try OpenSSLCLI.run(["x509", "-in", "c.pem", "-noout", "-pubkey", "-out", "expected.pem"], in: dir.path)
        #expect(try dir.readText("pub.pem") == dir.readText("expected.pem"))
    }

    @Test func keyUsageWithoutDigitalSignature() throws {
        let dir = TempDir()
        try OpenSSLCLI.run(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "k.pem", "-out", "c.pem",
                            "-subj", "/CN=Test CA", "-days", "10", "-addext", "keyUsage=critical,keyCertSign,cRLSign"],
                           in: dir.path)
        let cert = try Certificate(pem: try dir.readText("c.pem"))
        #expect(!cert.hasDigitalSignatureUsage && !cert.hasNonRepudiationUsage)
    }

    @Test func rejectsBadInput() throws {
        let cert = try Certificate.selfSigned(key: key, subject: [("CN", "x")], notBefore: notBefore, days: 1)
        #expect(expectKind(.invalidInput) { try Certificate(der: cert.der + [0]) })
        #expect(expectKind(.invalidInput) { try Certificate(der: Array(cert.der.dropLast())) })
        #expect(expectKind(.invalidInput) { try Certificate(pem: "not a certificate") })
        #expect(expectKind(.invalidInput) { try Certificate.selfSigned(key: key, subject: [("NoSuchField", "x")], notBefore: notBefore, days: 1) })
        #expect(expectKind(.invalidInput) { try Certificate.selfSigned(key: key, subject: [], notBefore: notBefore, days: 1) })
    }

    private func iso(_ seconds: Int64) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate, .withSpaceBetweenDateAndTime, .withTime, .withColonSeparatorInTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds))) + "Z"
    }
}
