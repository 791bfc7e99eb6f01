import Foundation
import FolioTestSupport
import Testing
@testable import FolioXML

@Suite struct XMLDocumentTests {
    @Test func parseErrorCarriesLine() throws {
        let error = #expect(throws: XMLError.self) { try XMLDocument(bytes: Array("<a>\n<b>\n</a>".utf8)) }
        #expect(error?.line == 3)
        #expect(error?.message.isEmpty == false)
    }

    @Test func refusesEntityDeclarations() {
        let xml = "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><a>&e;</a>"
        #expect(throws: XMLError.self) { try XMLDocument(bytes: Array(xml.utf8)) }
    }

    /// Inclusive C14N of a subtree keeps the namespaces it inherits from ancestors and sorts them
    /// before attributes (spec example shape, C14N 1.0 §2.4 / §3.7).
    @Test func subtreeInheritsAncestorNamespaces() throws {
        let xml = #"<a xmlns="urn:d" xmlns:x="urn:x" xmlns:y="urn:y"><!-- c --><b z="1" id="t"><x:c/>t&amp;</b></a>"#
        let document = try XMLDocument(bytes: Array(xml.utf8))
        let b = try #require(document.root.childElements.first)
        let canonical = String(decoding: try document.canonicalize(element: b), as: UTF8.self)
        #expect(canonical == #"<b xmlns="urn:d" xmlns:x="urn:x" xmlns:y="urn:y" id="t" z="1"><x:c></x:c>t&amp;</b>"#)
    }

    /// Exclusive C14N renders only visibly used namespaces, plus the InclusiveNamespaces PrefixList.
    @Test func exclusiveCanonicalizationHonoursPrefixList() throws {
        let xml = #"<a xmlns:x="urn:x" xmlns:y="urn:y"><b><x:c/></b></a>"#
        let document = try XMLDocument(bytes: Array(xml.utf8))
        let b = document.root.childElements[0]
        let plain = C14NMethod(mode: .exclusive10, withComments: false)
        #expect(String(decoding: try document.canonicalize(element: b, method: plain), as: UTF8.self)
            == #"<b><x:c xmlns:x="urn:x"></x:c></b>"#)
        let listed = C14NMethod(mode: .exclusive10, withComments: false, inclusivePrefixes: ["y"])
        #expect(String(decoding: try document.canonicalize(element: b, method: listed), as: UTF8.self)
            == #"<b xmlns:y="urn:y"><x:c xmlns:x="urn:x"></x:c></b>"#)
    }

    @Test func excludedSubtreeIsLeftOut() throws {
        let xml = #"<r id="x"><keep>1</keep><drop><deep/></drop><keep>2</keep></r>"#
        let document = try XMLDocument(bytes: Array(xml.utf8))
        let drop = document.root.childElements[1]
        let canonical = String(decoding: try document.canonicalize(element: document.root, excluding: drop), as: UTF8.self)
        #expect(canonical == #"<r id="x"><keep>1</keep><keep>2</keep></r>"#)
    }

    /// Whole-document C14N agrees with xmllint's, an independent command-line implementation.
    @Test(.enabled(if: ExternalTool.shouldRun("xmllint"), "needs xmllint"))
    func wholeDocumentMatchesXmllint() throws {
        let xml = """
        <?xml version="1.0" encoding="ISO-8859-1"?>
        <!-- top -->
        <doc xmlns:b="urn:b" xmlns:a="urn:a" b:attr='x "y"' a:attr="\t" empty=""><e1   /><![CDATA[<x>&]]>\r\n<?pi data?></doc>
        """
        let bytes = Array(xml.utf8)  // ASCII only, so the declared Latin-1 is harmless
        let document = try XMLDocument(bytes: bytes)
        let directory = ProcessRunner.temporaryDirectory("folio-xml")
        let path = try Fixtures.write(bytes, "doc.xml", in: directory)
        let xmllint = try #require(ExternalTool.path("xmllint"))
        // xmllint --c14n is inclusive C14N 1.0 *with* comments.
        let result = try ProcessRunner.run([xmllint, "--nonet", "--c14n", path])
        #expect(result.status == 0)
        #expect(try document.canonicalize(withComments: true) == Array(result.stdoutData))
        let withoutComments = result.stdout.replacingOccurrences(of: "<!-- top -->\n", with: "")
        #expect(try document.canonicalize() == Array(withoutComments.utf8))
    }

    @Test func serializeRoundTrips() throws {
        let document = try XMLDocument(bytes: Fixtures.facturaBytes)
        let again = try XMLDocument(bytes: document.serialize())
        #expect(try again.canonicalize() == document.canonicalize())
        #expect(String(decoding: document.serialize().prefix(5), as: UTF8.self) == "<?xml")
    }

    @Test func schemaAcceptsValidAndNamesErrors() throws {
        let schema = try XMLSchema(path: Fixtures.facturaXSD)
        #expect(schema.validate(Fixtures.facturaBytes) == [])
        let broken = Fixtures.tamper(Fixtures.facturaBytes, "<ruc>1790012345001</ruc>", "<ruc>17900</ruc>")
        let errors = schema.validate(broken)
        #expect(!errors.isEmpty)
        #expect(errors.contains { $0.contains("ruc") })
    }

    @Test func missingSchemaThrows() {
        #expect(throws: XMLError.self) { try XMLSchema(path: "/nonexistent/schema.xsd") }
    }

    @Test func dateTimeFormatsAndParses() {
        #expect(XMLDateTime.format(0) == "1970-01-01T00:00:00Z")
        #expect(XMLDateTime.format(1_795_429_200, offsetMinutes: -300) == "2026-11-23T05:20:00-05:00")
        #expect(XMLDateTime.parse("2026-11-23T05:20:00-05:00") == 1_795_429_200)
        #expect(XMLDateTime.parse("2026-11-23T10:20:00Z") == 1_795_429_200)
        #expect(XMLDateTime.parse("2026-11-23T10:20:00.123+00:00") == 1_795_429_200)
        #expect(XMLDateTime.parse("1960-02-29T00:00:00Z") == -310_521_600)
        #expect(XMLDateTime.parse("2026-11-23 10:20:00") == nil)
        #expect(XMLDateTime.parse("2026-13-01T00:00:00Z") == nil)
        for t: Int64 in [-86_401, 951_782_400, 4_102_444_799] {
            #expect(XMLDateTime.parse(XMLDateTime.format(t, offsetMinutes: 330)) == t)
        }
    }
}
