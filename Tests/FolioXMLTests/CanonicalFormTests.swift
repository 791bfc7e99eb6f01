import FolioCrypto
import Testing
@testable import FolioXML

/// The signer digests bytes it wrote instead of canonicalizing a parsed tree. These tests are the
/// canonicalization check DESIGN §1 asks for: every form the signer digests or signs must equal
/// libxml2's inclusive C14N of the same node in the finished document.
@Suite struct CanonicalFormTests {
    /// Values that exercise every escaping rule of C14N 1.0 in text and in attributes.
    static let awkward = "A & B <c> \"d\" 'e' ]]> ñandú € 𝄞\tTab\nLF\rCR end"

    /// An element in the shape of a factura, written by the writer, with awkward text and
    /// attributes given out of canonical order.
    static func written(indented: Bool) throws -> CanonicalXML {
        var w = CanonicalXMLWriter(indented: indented)
        w.open("factura", [("version", "1.1.0"), ("id", "comprobante")])
        w.element("razonSocial", awkward)
        w.element("vacio", "")
        w.open("infoAdicional")
        w.element("campoAdicional", awkward, [("nombre", awkward)])
        w.empty("detAdicional", [("valor", "x > y"), ("nombre", "<n>")])
        w.close()
        w.close()
        return try w.finish()
    }

    @Test(arguments: [false, true])
    func writerOutputIsItsOwnCanonicalForm(indented: Bool) throws {
        let canonical = try Self.written(indented: indented)
        let parsed = try XMLDocument(bytes: canonical.document)
        #expect(try parsed.canonicalize() == canonical.bytes)
        #expect(try XMLDocument(bytes: canonical.bytes).canonicalize() == canonical.bytes)
        #expect(canonical.rootID == "comprobante")
        // The parsed tree holds the values exactly (no normalization of tabs or newlines).
        #expect(parsed.root.child("razonSocial", "")?.textContent == Self.awkward)
        #expect(parsed.root.child("infoAdicional", "")?.child("campoAdicional", "")?.attribute("nombre") == Self.awkward)
    }

    @Test func writerRefusesNonCharactersQualifiedAttributesUnclosedElementsAndTwoRoots() {
        var w = CanonicalXMLWriter()
        w.element("a", "bell \u{7}")
        #expect(throws: XMLError.self) { try w.finish() }
        var open = CanonicalXMLWriter()
        open.open("a")
        #expect(throws: XMLError.self) { try open.finish() }
        var nonCharacter = CanonicalXMLWriter()
        nonCharacter.element("a", "x\u{FFFE}y")
        #expect(throws: XMLError.self) { try nonCharacter.finish() }
        var qualified = CanonicalXMLWriter()
        qualified.empty("a", [("xml:lang", "es")])
        #expect(throws: XMLError.self) { try qualified.finish() }
        var twoRoots = CanonicalXMLWriter()
        twoRoots.element("a", "1")
        twoRoots.element("b", "2")
        #expect(throws: XMLError.self) { try twoRoots.finish() }
    }

    /// A certificate whose issuer name needs escaping in XML text.
    static let awkwardCertificate: Certificate = try! Certificate.selfSigned(
        key: Fixtures.key, subject: [("O", "Ñandú & <Hijos>, \"S.A.\""), ("CN", "Firma > Folio")],
        notBefore: Fixtures.now - 86_400, days: 30)

    /// The inputs: the writer's own element, the plain fixture, the fixture with namespaces on
    /// the root, and one with a default namespace on the root.
    static func roots() throws -> [(String, CanonicalXML)] {
        func parsed(_ bytes: [UInt8]) throws -> CanonicalXML { try XAdESSigner.canonicalRoot(of: XMLDocument(bytes: bytes)) }
        let defaultNamespace = String(decoding: Fixtures.facturaBytes, as: UTF8.self).replacingOccurrences(
            of: #"<factura id="comprobante" version="1.1.0">"#,
            with: #"<factura xmlns="urn:folio:factura" xmlns:ds="urn:not-dsig" id="comprobante" version="1.1.0">"#)
        // libxml2 keeps a namespace URI's character reference unexpanded in its tree.
        let escapedURI = String(decoding: Fixtures.facturaBytes, as: UTF8.self).replacingOccurrences(
            of: #"<factura id="comprobante" version="1.1.0">"#,
            with: #"<factura xmlns:q="http://example.com/?a=1&amp;b=2" id="comprobante" version="1.1.0">"#)
        return [("written", try written(indented: true)),
                ("escaped namespace URI", try parsed(Array(escapedURI.utf8))),
                ("plain", try parsed(Fixtures.facturaBytes)),
                ("namespaced", try parsed(Fixtures.namespacedFacturaBytes)),
                ("default namespace", try parsed(Array(defaultNamespace.utf8)))]
    }

    @Test(arguments: SignatureProfile.allCases)
    func everyDigestedFormEqualsLibxml2C14N(profile: SignatureProfile) throws {
        let identity = try SigningIdentity(key: Fixtures.key, certificate: Self.awkwardCertificate)
        for (name, root) in try Self.roots() {
            let signed = try XAdESSigner.signature(root, identity: identity, profile: profile, signingTime: Fixtures.now)
            let document = try XMLDocument(bytes: signed.document)
            let signature = try #require(document.root.child("Signature", XMLDSig.ns), "\(name)")
            let signedInfo = try #require(signature.child("SignedInfo", XMLDSig.ns))
            let keyInfo = try #require(signature.child("KeyInfo", XMLDSig.ns))
            let properties = try #require(signature.child("Object", XMLDSig.ns)?
                .path(["QualifyingProperties", "SignedProperties"], XMLDSig.xadesNS))

            #expect(try document.canonicalize(element: document.root, excluding: signature) == signed.comprobante, "\(name)")
            #expect(try document.canonicalize(element: properties) == signed.signedProperties, "\(name)")
            #expect(try document.canonicalize(element: keyInfo) == signed.keyInfo, "\(name)")
            #expect(try document.canonicalize(element: signedInfo) == signed.signedInfo, "\(name)")

            let report = try XAdESVerifier.verify(signed.document, now: Fixtures.now)
            #expect(report.failures == [], "\(name)")
            #expect(report.valid, "\(name)")
        }
    }

    /// Inclusive C14N would copy xml:lang from the root into every signed part; Folio refuses
    /// such a root rather than sign something a verifier reads differently.
    @Test func rootWithXMLAttributeIsRefused() throws {
        let bytes = Array(#"<factura id="comprobante" xml:lang="es"><a>1</a></factura>"#.utf8)
        #expect(throws: XMLError.self) { try Fixtures.sign(.sri, bytes: bytes) }
    }
}
