import Foundation
import Testing
import FolioTestSupport

/// What Folio stores must pass independent verifiers: the SRI schema (xmllint), xmlsec1 and
/// Python signxml; and Folio must verify what xmlsec1 signs.
@Suite("documents: external verifiers")
struct DocumentsVerifierTests {
    /// A store with one signed document: (harness, workspace dir, signed path, cert PEM path, access key).
    func signedDocument() throws -> (FolioHarness, String, String, String, String) {
        let folio = try FolioHarness()
        let (_, issuer) = try folio.makeIssuer()
        let doc = try folio.json(["documents", "create", "--issuer", issuer, "--file", RepoPaths.examples + "/invoice.json"])
        let key = try #require(doc["accessKey"] as? String)
        let dir = ProcessRunner.temporaryDirectory("folio-docs")
        let signed = dir + "/signed.xml"
        try folio.run(["documents", "xml", key]).stdoutData.write(to: URL(fileURLWithPath: signed))
        let pem = dir + "/cert.pem"
        try folio.certificatePEM(issuer: issuer, to: pem)
        return (folio, dir, signed, pem, key)
    }

    /// The signed file with one character of the comprobante changed (the total 546.22 → 546.23).
    func tampered(_ signed: String, in dir: String) throws -> String {
        let text = try String(contentsOfFile: signed, encoding: .utf8)
        let changed = text.replacingOccurrences(of: "<importeTotal>546.22</importeTotal>", with: "<importeTotal>546.23</importeTotal>")
        try #require(changed != text)
        let path = dir + "/tampered.xml"
        try changed.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("the stored XML is valid against the SRI factura 1.1.0 schema", .enabled(if: ExternalTool.shouldRun("xmllint"), "needs xmllint"))
    func schema() throws {
        let (_, _, signed, _, _) = try signedDocument()
        let result = try tool("xmllint", ["--nonet", "--noout", "--schema", RepoPaths.facturaXSD, signed])
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test("xmlsec1 verifies it; one changed character fails xmlsec1 and Folio", .enabled(if: ExternalTool.shouldRun("xmlsec1"), "needs xmlsec1"))
    func xmlsec1() throws {
        let (folio, dir, signed, pem, _) = try signedDocument()
        let good = try XMLSec1.verify(signed, trustedPEM: pem)
        #expect(good.status == 0, "\(good.stderr)")
        #expect(good.stderr.contains("References (ok/all): 3/3"))
        let bad = try tampered(signed, in: dir)
        #expect(try XMLSec1.verify(bad, trustedPEM: pem).status != 0)
        let folioBad = try folio.run(["documents", "verify", "--file", bad, "-o", "json"])
        #expect(folioBad.status == 10)
        #expect(folioBad.stderr.contains(#""error":"signature_invalid""#))
        #expect(folioBad.stderr.contains("reference #comprobante: digest mismatch"))
        #expect(try folio.run(["documents", "verify", "--file", signed]).status == 0)
    }

    @Test("signxml's XAdES verifier accepts it (SHA-1, 3 references) and rejects the tampered copy",
          .enabled(if: ExternalTool.shouldRunPython("signxml"), "needs Python signxml"))
    func signxml() throws {
        let (_, dir, signed, pem, _) = try signedDocument()
        let good = try SignXML.verify(signed, certPEM: pem)
        #expect(good.status == 0, "\(good.stderr)")
        #expect(good.stdout.contains("3 references verified"))
        #expect(try SignXML.verify(try tampered(signed, in: dir), certPEM: pem).status != 0)
    }

    @Test("documents verify --file accepts a document signed by xmlsec1 --sign from an SRI-shaped template",
          .enabled(if: ExternalTool.shouldRun("xmlsec1") && ExternalTool.shouldRun("openssl"), "needs xmlsec1 and openssl"))
    func foreignSignature() throws {
        let (folio, dir, signed, _, _) = try signedDocument()
        // The unsigned comprobante: Folio's document without its ds:Signature.
        var text = try String(contentsOfFile: signed, encoding: .utf8)
        let start = try #require(text.range(of: "<ds:Signature"))
        let end = try #require(text.range(of: "</ds:Signature>"))
        text.removeSubrange(start.lowerBound..<end.upperBound)
        let template = """
            <ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#" Id="Signature1">
            <ds:SignedInfo>
            <ds:CanonicalizationMethod Algorithm="http://www.w3.org/TR/2001/REC-xml-c14n-20010315"/>
            <ds:SignatureMethod Algorithm="http://www.w3.org/2000/09/xmldsig#rsa-sha1"/>
            <ds:Reference URI="#comprobante">
            <ds:Transforms><ds:Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"/></ds:Transforms>
            <ds:DigestMethod Algorithm="http://www.w3.org/2000/09/xmldsig#sha1"/>
            <ds:DigestValue/>
            </ds:Reference>
            </ds:SignedInfo>
            <ds:SignatureValue/>
            <ds:KeyInfo><ds:X509Data><ds:X509Certificate/></ds:X509Data></ds:KeyInfo>
            </ds:Signature></factura>
            """
        text = text.replacingOccurrences(of: "</factura>", with: template)
        let templatePath = dir + "/template.xml"
        try text.write(toFile: templatePath, atomically: true, encoding: .utf8)
        let (key, cert) = try OpenSSLCertificate.make(in: dir, name: "other", subject: "/CN=Otro Emisor/serialNumber=0991234567001",
                                                      days: 30)
        let output = dir + "/xmlsec1-signed.xml"
        let signing = try tool("xmlsec1", ["--sign", "--id-attr:id", "factura", "--privkey-pem", "\(key),\(cert)",
                                           "--output", output, templatePath])
        try #require(signing.status == 0, "\(signing.stderr)")
        let report = try folio.run(["documents", "verify", "--file", output, "-o", "json"])
        #expect(report.status == 0, "\(report.stderr)")
        let body = try #require(try JSONSerialization.jsonObject(with: report.stdoutData) as? [String: Any])
        #expect(body["valid"] as? Bool == true)
        #expect((body["certificateSubject"] as? String)?.contains("Otro Emisor") == true)
        // And the same document with one character changed does not verify.
        let changed = try String(contentsOfFile: output, encoding: .utf8)
            .replacingOccurrences(of: "<importeTotal>546.22</importeTotal>", with: "<importeTotal>546.23</importeTotal>")
        #expect(try folio.run(["documents", "verify", "--file", "-"], stdin: changed).status == 10)
    }
}
