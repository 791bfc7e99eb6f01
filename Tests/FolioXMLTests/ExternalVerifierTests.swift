import Foundation
import FolioCrypto
import FolioTestSupport
import Testing
@testable import FolioXML

/// Independent verifiers are the real proof that the signatures are right: xmlsec1 (C, libxmlsec)
/// and Python's signxml (lxml + cryptography) must accept what Folio signs, and Folio's verifier
/// must accept what xmlsec1 signs.
@Suite struct ExternalVerifierTests {
    /// Files for one test: the signed document and the certificate/key PEMs.
    private static func workspace() throws -> (directory: String, cert: String, key: String) {
        let directory = ProcessRunner.temporaryDirectory("folio-xades")
        let cert = try Fixtures.write(Array(Fixtures.certificate.pem.utf8), "cert.pem", in: directory)
        let key = try Fixtures.write(Array(try Fixtures.key.pkcs8PEM().utf8), "key.pem", in: directory)
        return (directory, cert, key)
    }

    private static func xmlsecVerify(_ file: String, cert: String) throws -> ProcessResult {
        try XMLSec1.verify(file, trustedPEM: cert)
    }

    /// The plain factura, and one whose root declares namespaces (as many generators write it):
    /// inclusive C14N makes every signed subtree inherit those, so digests must come from the real tree.
    enum Input: String, CaseIterable, Sendable {
        case plain, namespaced
        var bytes: [UInt8] { self == .plain ? Fixtures.facturaBytes : Fixtures.namespacedFacturaBytes }
    }

    @Test(.enabled(if: ExternalTool.shouldRun("xmlsec1"), "needs xmlsec1"),
          arguments: SignatureProfile.allCases, Input.allCases)
    func xmlsec1AcceptsFolioSignature(profile: SignatureProfile, input: Input) throws {
        let (directory, cert, _) = try Self.workspace()
        let signed = try Fixtures.sign(profile, bytes: input.bytes)
        let good = try Self.xmlsecVerify(try Fixtures.write(signed, "signed.xml", in: directory), cert: cert)
        #expect(good.status == 0, "\(good.stderr)")
        #expect(good.stderr.contains("SignedInfo References (ok/all): 3/3"))

        let tampered = Fixtures.tamper(signed, "José Pérez", "José Peréz")
        let bad = try Self.xmlsecVerify(try Fixtures.write(tampered, "tampered.xml", in: directory), cert: cert)
        #expect(bad.status != 0)
    }

    @Test(.enabled(if: ExternalTool.shouldRunPython("signxml"), "needs Python signxml"),
          arguments: SignatureProfile.allCases, Input.allCases)
    func signxmlXAdESVerifierAccepts(profile: SignatureProfile, input: Input) throws {
        let (directory, cert, _) = try Self.workspace()
        let signed = try Fixtures.write(try Fixtures.sign(profile, bytes: input.bytes), "signed.xml", in: directory)
        let result = try SignXML.verify(signed, certPEM: cert, profile: profile.rawValue)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("3 references verified"))

        // The same check must reject a tampered document (so a pass above means something).
        let tampered = try Fixtures.write(Fixtures.tamper(try Fixtures.sign(profile), "P001", "P002"),
                                          "tampered.xml", in: directory)
        let bad = try SignXML.verify(tampered, certPEM: cert, profile: profile.rawValue)
        #expect(bad.status != 0)
    }

    /// A plain XML-DSig signature that xmlsec1 made from a template: one reference, no XAdES
    /// properties. Two shapes: SRI-like (#comprobante, inclusive C14N, RSA-SHA1) and URI=""
    /// with exclusive C14N and RSA-SHA256.
    @Test(.enabled(if: ExternalTool.shouldRun("xmlsec1"), "needs xmlsec1"), arguments: [
        (XMLDSig.c14n, XMLDSig.rsaSHA1, XMLDSig.sha1, "#comprobante", ""),
        (XMLDSig.excC14n, XMLDSig.rsaSHA256, XMLDSig.sha256, "",
         "<ds:Transform Algorithm=\"\(XMLDSig.excC14n)\"/>"),
    ])
    func folioVerifiesXmlsec1Signature(c14n: String, method: String, digest: String, uri: String,
                                       extraTransform: String) throws {
        let (directory, cert, key) = try Self.workspace()
        let template = """
          <ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#">
            <ds:SignedInfo>
              <ds:CanonicalizationMethod Algorithm="\(c14n)"/>
              <ds:SignatureMethod Algorithm="\(method)"/>
              <ds:Reference URI="\(uri)">
                <ds:Transforms>
                  <ds:Transform Algorithm="\(XMLDSig.envelopedSignature)"/>\(extraTransform)
                </ds:Transforms>
                <ds:DigestMethod Algorithm="\(digest)"/>
                <ds:DigestValue/>
              </ds:Reference>
            </ds:SignedInfo>
            <ds:SignatureValue/>
            <ds:KeyInfo><ds:X509Data/></ds:KeyInfo>
          </ds:Signature>
        </factura>
        """
        let unsigned = Fixtures.factura.replacingOccurrences(of: "</factura>", with: template)
        let templatePath = try Fixtures.write(Array(unsigned.utf8), "template.xml", in: directory)
        let output = "\(directory)/signed.xml"
        let xmlsec1 = try #require(ExternalTool.path("xmlsec1"))
        let signing = try ProcessRunner.run([xmlsec1, "--sign", "--id-attr:id", "factura",
                                             "--privkey-pem", "\(key),\(cert)", "--output", output, templatePath])
        try #require(signing.status == 0, "\(signing.stderr)")
        let signed = Array(try Data(contentsOf: URL(fileURLWithPath: output)))

        let report = try XAdESVerifier.verify(signed, now: Fixtures.now)
        #expect(report.failures == [])
        #expect(report.valid)
        #expect(report.referenceCount == 1)
        #expect(report.signingTime == nil)
        #expect(report.signatureAlgorithm == method)
        #expect(report.certificateSubject == Fixtures.certificate.subject)

        let tampered = try XAdESVerifier.verify(Fixtures.tamper(signed, "<cantidad>2.00", "<cantidad>3.00"),
                                                now: Fixtures.now)
        #expect(!tampered.valid)
        let label = uri.isEmpty ? "\"\"" : uri
        #expect(tampered.failures == ["reference \(label): digest mismatch"])

        // Verified "now": a certificate is judged at verification time when there is no SigningTime.
        let later = try XAdESVerifier.verify(signed, now: Fixtures.certificate.notAfter + 1)
        #expect(later.failures.count == 1)
        #expect(later.failures.first?.hasPrefix("certificate expired at verification time") == true)
    }
}
