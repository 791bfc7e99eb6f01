import CLibXML2
import Foundation
import FolioCrypto
import FolioTestSupport
import Testing
@testable import FolioXML
import FolioSupport

@Suite struct XAdESSignerTests {
    @Test(arguments: SignatureProfile.allCases)
    func signedDocumentVerifies(profile: SignatureProfile) throws {
        let signed = try Fixtures.sign(profile)
        let report = try XAdESVerifier.verify(signed, now: Fixtures.now)
        #expect(report.failures == [])
        #expect(report.valid)
        #expect(report.referenceCount == 3)
        #expect(report.signingTime == Fixtures.now)
        #expect(report.certificateSubject == Fixtures.certificate.subject)
        #expect(report.signatureAlgorithm == (profile == .sri ? XMLDSig.rsaSHA1 : XMLDSig.rsaSHA256))
    }

    /// The layout SRI software produces: Signature is the root's last child, three references in
    /// order, KeyInfo with certificate and RSA key value, SignedProperties with time, cert digest, issuer/serial.
    @Test func layoutMatchesTheSRIProfile() throws {
        let document = try XMLDocument(bytes: try Fixtures.sign(.sri))
        let signature = try #require(document.root.childElements.last)
        #expect(signature.isElement("Signature", XMLDSig.ns))
        let signedInfo = try #require(signature.child("SignedInfo", XMLDSig.ns))
        let references = signedInfo.childElements.filter { $0.isElement("Reference", XMLDSig.ns) }
        try #require(references.count == 3)
        #expect(references[0].attribute("URI") == "#comprobante")
        #expect(references[1].attribute("URI")?.hasPrefix("#Signature") == true)
        #expect(references[2].attribute("URI")?.hasPrefix("#Certificate") == true)
        #expect(references[0].attribute("Id")?.hasPrefix("Reference-ID-") == true)
        #expect(references[1].attribute("Type") == XMLDSig.signedPropertiesType)
        let keyInfo = try #require(signature.child("KeyInfo", XMLDSig.ns))
        #expect("#" + (keyInfo.attribute("Id") ?? "?") == references[2].attribute("URI"))
        #expect(keyInfo.path(["X509Data", "X509Certificate"], XMLDSig.ns)?.textContent == Base64.encode(Fixtures.certificate.der))
        #expect(keyInfo.path(["KeyValue", "RSAKeyValue", "Exponent"], XMLDSig.ns)?.textContent == "AQAB")
        let properties = try #require(signature.path(["Object"], XMLDSig.ns)?
            .path(["QualifyingProperties", "SignedProperties", "SignedSignatureProperties"], XMLDSig.xadesNS))
        let time = properties.child("SigningTime", XMLDSig.xadesNS)?.textContent ?? ""
        #expect(time.hasSuffix("-05:00"))
        let cert = try #require(properties.path(["SigningCertificate", "Cert"], XMLDSig.xadesNS))
        let issuerSerial = try #require(cert.child("IssuerSerial", XMLDSig.xadesNS))
        #expect(issuerSerial.child("X509SerialNumber", XMLDSig.ns)?.textContent == Fixtures.certificate.serialNumberDecimal)
        #expect(issuerSerial.child("X509IssuerName", XMLDSig.ns)?.textContent == Fixtures.certificate.issuer)
        #expect(cert.path(["CertDigest"], XMLDSig.xadesNS)?.child("DigestValue", XMLDSig.ns)?.textContent
            == Base64.encode(Fixtures.certificate.fingerprint(.sha1)))
    }

    @Test(arguments: SignatureProfile.allCases)
    func changedCharacterInSignedTextFails(profile: SignatureProfile) throws {
        let signed = try Fixtures.sign(profile)
        let tampered = Fixtures.tamper(signed, "<importeTotal>11.50<", "<importeTotal>11.59<")
        let report = try XAdESVerifier.verify(tampered, now: Fixtures.now)
        #expect(!report.valid)
        #expect(report.failures == ["reference #comprobante: digest mismatch"])
    }

    @Test func changedSigningTimeFailsSignedPropertiesReference() throws {
        let signed = try Fixtures.sign(.sri, at: 1_795_429_200)
        let tampered = Fixtures.tamper(signed, "2026-11-23T05:20:00-05:00", "2026-11-23T05:21:00-05:00")
        let report = try XAdESVerifier.verify(tampered, now: Fixtures.now)
        #expect(!report.valid)
        #expect(report.failures.count == 1)
        #expect(report.failures.first?.hasPrefix("reference #Signature") == true)
        #expect(report.failures.first?.contains("-SignedProperties") == true)
        #expect(report.failures.first?.hasSuffix(": digest mismatch") == true)
    }

    /// Signature wrapping: a second element claiming id="comprobante" (here hidden in ds:Object,
    /// which no reference covers) must not let a verifier digest the wrong element.
    @Test func duplicateIDIsRejected() throws {
        let signed = try Fixtures.sign(.sri)
        let wrapped = Fixtures.tamper(signed, "<etsi:QualifyingProperties", "<w id=\"comprobante\"/><etsi:QualifyingProperties")
        let report = try XAdESVerifier.verify(wrapped, now: Fixtures.now)
        #expect(!report.valid)
        #expect(report.failures == ["reference #comprobante: id \"comprobante\" is not unique"])
    }

    @Test func forgedSignatureValueFails() throws {
        let signed = try Fixtures.sign(.modern)
        let document = try XMLDocument(bytes: signed)
        let value = try #require(document.root.childElements.last?.child("SignatureValue", XMLDSig.ns))
        var bytes = try #require(Base64.decode(value.textContent))
        bytes[10] ^= 1
        value.setText(Base64.encode(bytes))
        let report = try XAdESVerifier.verify(document.serialize(), now: Fixtures.now)
        #expect(report.failures == ["SignatureValue does not verify"])
    }

    @Test func certificateExpiredAtSigningTimeIsReported() throws {
        let old = try Certificate.selfSigned(key: Fixtures.key, subject: [("CN", "Caducado")],
                                             notBefore: 1_700_000_000, days: 30)
        let signed = try Fixtures.sign(.sri, certificate: old, at: 1_795_429_200)
        let report = try XAdESVerifier.verify(signed, now: Fixtures.now)
        #expect(!report.valid)
        #expect(report.failures == ["certificate expired at signing time (notAfter 2023-12-14T22:13:20Z)"])
        #expect(report.certificateSubject == "CN=Caducado")
    }

    @Test func refusesWrongInputs() throws {
        let noID = Array("<factura version=\"1.1.0\"><x/></factura>".utf8)
        #expect(throws: XMLError.self) { try Fixtures.sign(.sri, bytes: noID) }
        let signed = try Fixtures.sign(.sri)
        #expect(throws: XMLError.self) { try Fixtures.sign(.sri, bytes: signed) }
        let other = try PrivateKey.generateRSA(bits: 2048)
        #expect(throws: XMLError.self) {
            try XAdESSigner.sign(Fixtures.facturaBytes, key: other, certificate: Fixtures.certificate,
                                 profile: .sri, signingTime: Fixtures.now)
        }
        #expect(throws: XMLError.self) { try XAdESVerifier.verify(Fixtures.facturaBytes, now: Fixtures.now) }
        #expect(throws: XMLError.self) { try XAdESVerifier.verify(Array("<a".utf8), now: Fixtures.now) }
    }

    /// Signing adds only the signature: the factura (minus ds:Signature) canonicalizes as before,
    /// and the result still validates against the SRI schema.
    @Test(arguments: SignatureProfile.allCases)
    func signedFacturaStaysSchemaValid(profile: SignatureProfile) throws {
        let signed = try Fixtures.sign(profile)
        let schema = try XMLSchema(path: Fixtures.facturaXSD)
        #expect(schema.validate(signed) == [])
    }

    @Test(.enabled(if: ExternalTool.shouldRun("xmllint"), "needs xmllint"))
    func signedFacturaValidatesWithXmllint() throws {
        let directory = ProcessRunner.temporaryDirectory("folio-xml")
        let path = try Fixtures.write(try Fixtures.sign(.sri), "signed.xml", in: directory)
        let xmllint = try #require(ExternalTool.path("xmllint"))
        let result = try ProcessRunner.run([xmllint, "--nonet", "--noout", "--schema", Fixtures.facturaXSD, path])
        #expect(result.status == 0, "\(result.stderr)")
    }
}

extension UnsafeMutablePointer where Pointee == xmlNode {
    /// Replaces the children with one text node holding `text` verbatim (no entity parsing).
    func setText(_ text: String) {
        while let child = pointee.children {
            xmlUnlinkNode(child)
            xmlFreeNode(child)
        }
        let length = Int32(text.utf8.count)
        let node = text.withCString { xmlNewDocTextLen(pointee.doc, $0, length) }
        if let node { xmlAddChild(self, node) }
    }
}
