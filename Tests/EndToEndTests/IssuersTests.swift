import Foundation
import Testing
import FolioTestSupport

@Suite("issuers")
struct IssuersTests {
    @Test("create, list, show; bad RUC, establishment and point name their option; a second 001-001 is a conflict")
    func createAndValidate() throws {
        let folio = try FolioHarness()
        let (tenant, issuer) = try folio.makeIssuer(certificate: false)
        let shown = try folio.json(["issuers", "show", issuer])
        #expect(shown["tenantId"] as? String == tenant)
        #expect(shown["series"] as? String == "001-001")
        #expect(shown["legalName"] as? String == "Ana Foods")
        #expect(shown["documentTypes"] as? [String] == ["01"])
        #expect(shown["certificate"] is NSNull)
        let list = try folio.json(["issuers", "list", "--tenant", "ana@example.com"])
        #expect((list["items"] as? [[String: Any]])?.map { $0["id"] as? String } == [issuer])

        let base = ["issuers", "create", "--tenant", tenant, "--name", "X", "--address", "Quito", "-o", "json"]
        for (args, field) in [(["--ruc", "1790011674002"], "ruc"), (["--ruc", "179001167400"], "ruc"),
                              (["--ruc", "1790011674001", "--establishment", "1"], "establishment"),
                              (["--ruc", "1790011674001", "--point", "0a2"], "point")] {
            let result = try folio.run(base + args)
            #expect(result.status == 3, "\(args): \(result.stderr)")
            #expect(result.stderr.contains(#""field":"\#(field)""#), "\(args): \(result.stderr)")
        }
        let duplicate = try folio.run(base + ["--ruc", "1790011674001"])
        #expect(duplicate.status == 5)
        #expect(duplicate.stderr.contains(#""error":"conflict""#))
        #expect(try folio.run(["issuers", "create", "--tenant", "nobody@example.com", "--name", "X", "--ruc", "1790011674001",
                               "--address", "Quito"]).status == 4)
        #expect(try folio.run(["issuers", "show", "iss_01AAAAAAAAAAAAAAAAAAAAAAAA"]).status == 4)
    }

    @Test("cert generate: RSA-2048, self-signed v3, digitalSignature + nonRepudiation, RUC in the subject; cert show agrees with openssl",
          .enabled(if: ExternalTool.shouldRun("openssl"), "needs openssl"))
    func generate() throws {
        let folio = try FolioHarness()
        let (tenant, issuer) = try folio.makeIssuer()
        let shown = try folio.json(["issuers", "cert", "show", issuer])
        #expect((364...365).contains(shown["daysLeft"] as? Int ?? 0))  // whole days, seconds after generation
        #expect((shown["subject"] as? String)?.contains("serialNumber=1790011674001") == true)
        let dir = ProcessRunner.temporaryDirectory("folio-cert")
        try folio.certificatePEM(issuer: issuer, to: dir + "/cert.pem")
        let text = try tool("openssl", ["x509", "-in", dir + "/cert.pem", "-noout", "-text", "-serial", "-fingerprint", "-sha256"]).stdout
        #expect(text.contains("Version: 3"))
        #expect(text.contains("Public-Key: (2048 bit)"))
        #expect(text.contains("Digital Signature, Non Repudiation"))
        let serialHex = try #require(text.split(separator: "\n").first { $0.hasPrefix("serial=") }?.dropFirst(7))
        let decimal = decimalFromHex(String(serialHex))
        #expect(shown["serial"] as? String == decimal)
        let fingerprint = try #require(text.split(separator: "\n").first { $0.contains("Fingerprint=") }?.split(separator: "=").last)
        #expect(shown["fingerprintSha256"] as? String == String(fingerprint))

        // A second issuer shares the certificate; another tenant's issuer cannot.
        let shared = try folio.json(["issuers", "create", "--tenant", tenant, "--name", "Caja 2", "--ruc", "1790011674001",
                                     "--point", "002", "--address", "Quito", "--inherit-cert-from", issuer])
        #expect((shared["certificate"] as? [String: Any])?["id"] as? String == shown["id"] as? String)
        try folio.run(["tenants", "register", "--email", "bob@example.com"])
        let foreign = try folio.run(["issuers", "create", "--tenant", "bob@example.com", "--name", "B", "--ruc", "1790011674001",
                                     "--address", "Quito", "--inherit-cert-from", issuer, "-o", "json"])
        #expect(foreign.status == 3)
        #expect(foreign.stderr.contains(#""field":"inherit-cert-from""#))
    }

    @Test("doc-types: 01 by default; enable and disable others; an unknown code names the field")
    func documentTypes() throws {
        let folio = try FolioHarness()
        let (_, issuer) = try folio.makeIssuer(certificate: false)
        #expect(try folio.run(["issuers", "doc-types", "enable", issuer, "04", "05"]).status == 0)
        #expect(try folio.run(["issuers", "doc-types", "disable", issuer, "05"]).status == 0)
        let list = try folio.json(["issuers", "doc-types", "list", issuer])
        let enabled = (list["items"] as? [[String: Any]])?.filter { $0["enabled"] as? Bool == true }.compactMap { $0["code"] as? String }
        #expect(enabled == ["01", "04"])
        let bad = try folio.run(["issuers", "doc-types", "enable", issuer, "02", "-o", "json"])
        #expect(bad.status == 3)
        #expect(bad.stderr.contains(#""field":"type""#))
    }
}

/// PKCS#12 import, with files made by the openssl CLI (an independent producer).
@Suite("issuers: cert import", .enabled(if: ExternalTool.shouldRun("openssl"), "needs openssl"))
struct IssuersImportTests {
    /// A key and a certificate with the given key usage, made by openssl (valid from a day before
    /// the test clock for 90 days).
    func keyPair(_ dir: String, _ name: String, usage: String) throws -> (key: String, cert: String) {
        try OpenSSLCertificate.make(in: dir, name: name, subject: "/C=EC/CN=\(name)/serialNumber=1790011674001",
                                    extensions: ["keyUsage=critical,\(usage)"])
    }

    func p12(_ dir: String, _ pair: (key: String, cert: String), name: String, extra: [String] = []) throws -> String {
        let path = "\(dir)/\(name).p12"
        let made = try tool("openssl", ["pkcs12", "-export", "-inkey", pair.key, "-in", pair.cert, "-out", path,
                                        "-passout", "pass:s3cret pass"] + extra)
        try #require(made.status == 0, "\(made.stderr)")
        return path
    }

    func serial(_ cert: String) throws -> String {
        let hex = try tool("openssl", ["x509", "-in", cert, "-noout", "-serial"]).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "serial=", with: "")
        return decimalFromHex(hex)
    }

    @Test("modern and legacy (RC2) files import, password from stdin, file or env; the key is stored only sealed; documents sign with it")
    func modernAndLegacy() throws {
        let folio = try FolioHarness()
        let (_, issuer) = try folio.makeIssuer(certificate: false)
        let dir = ProcessRunner.temporaryDirectory("folio-p12")
        let pair = try keyPair(dir, "Firma", usage: "digitalSignature,nonRepudiation")
        let modern = try p12(dir, pair, name: "modern")
        let legacy = try p12(dir, pair, name: "legacy", extra: ["-legacy"])
        try "s3cret pass\n".write(toFile: dir + "/pw", atomically: true, encoding: .utf8)
        let viaStdin = try folio.run(["issuers", "cert", "import", issuer, "--p12", modern, "--password-stdin", "-o", "json"],
                                     stdin: "s3cret pass")
        #expect(viaStdin.status == 0, "\(viaStdin.stderr)")
        let viaFile = try folio.run(["issuers", "cert", "import", issuer, "--p12", legacy, "--password-file", dir + "/pw"])
        #expect(viaFile.status == 0, "\(viaFile.stderr)")
        let viaEnv = try folio.run(["issuers", "cert", "import", issuer, "--p12", legacy, "--password-env", "P12_PW"],
                                   environment: ["P12_PW": "s3cret pass"])
        #expect(viaEnv.status == 0, "\(viaEnv.stderr)")
        let shown = try folio.json(["issuers", "cert", "show", issuer])
        #expect(shown["serial"] as? String == (try serial(pair.cert)))
        #expect(shown["source"] as? String == "imported")

        // The private key (PKCS#8 DER, as openssl writes it) is in no file of the store.
        let der = try tool("openssl", ["pkey", "-in", pair.key, "-outform", "DER"]).stdoutData
        try #require(der.count > 600)
        for file in folio.storeFiles() { #expect(file.bytes.range(of: der) == nil, "private key found in \(file.path)") }

        let doc = try folio.createDocument(issuer, invoiceLine(1))
        #expect(try folio.run(["documents", "verify", try #require(doc["id"] as? String)]).status == 0)
        // xmlsec1 accepts it with the imported certificate (skipped with a notice without xmlsec1).
        if ExternalTool.shouldRun("xmlsec1") {
            let result = try XMLSec1.verify("/dev/stdin", trustedPEM: pair.cert,
                                            stdin: try folio.run(["documents", "xml", doc["id"] as! String]).stdoutData)
            #expect(result.status == 0, "\(result.stderr)")
        }
    }

    @Test("a file with several certificates: the digitalSignature one matching the key is taken")
    func multipleCertificates() throws {
        let folio = try FolioHarness()
        let (_, issuer) = try folio.makeIssuer(certificate: false)
        let dir = ProcessRunner.temporaryDirectory("folio-p12")
        let signing = try keyPair(dir, "Firma", usage: "digitalSignature,nonRepudiation")
        let other = try keyPair(dir, "Cifrado", usage: "keyEncipherment")
        let ca = try keyPair(dir, "CA", usage: "keyCertSign")
        let bundle = dir + "/extra.pem"
        try (try String(contentsOfFile: other.cert, encoding: .utf8) + String(contentsOfFile: ca.cert, encoding: .utf8))
            .write(toFile: bundle, atomically: true, encoding: .utf8)
        let file = try p12(dir, signing, name: "multi", extra: ["-certfile", bundle])
        let result = try folio.run(["issuers", "cert", "import", issuer, "--p12", file, "--password-stdin"], stdin: "s3cret pass")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try folio.json(["issuers", "cert", "show", issuer])["serial"] as? String == (try serial(signing.cert)))
    }

    @Test("a wrong password is validation_failed naming password, and nothing is stored")
    func wrongPassword() throws {
        let folio = try FolioHarness()
        let (_, issuer) = try folio.makeIssuer(certificate: false)
        let dir = ProcessRunner.temporaryDirectory("folio-p12")
        let file = try p12(dir, try keyPair(dir, "Firma", usage: "digitalSignature"), name: "f")
        let result = try folio.run(["issuers", "cert", "import", issuer, "--p12", file, "--password-stdin", "-o", "json"],
                                   stdin: "wrong")
        #expect(result.status == 3)
        #expect(result.stderr.contains(#""field":"password""#))
        #expect(try folio.sqlite("SELECT count(*) FROM issuer_certificates").hasPrefix("0"))
        #expect(try folio.run(["issuers", "cert", "show", issuer]).status == 4)
        // A password on the command line is not an option at all.
        #expect(try folio.run(["issuers", "cert", "import", issuer, "--p12", file, "--password", "x"]).status == 2)
        #expect(try folio.run(["issuers", "cert", "import", issuer, "--p12", file]).status == 2)
    }
}
