import Testing
import FolioXML

@Suite struct XMLElementSnapshotTests {
    @Test func copiesNamesNamespacesAttributesTextAndChildren() throws {
        let xml = #"<factura id="comprobante" version="1.1.0"><a x="1 &amp; 2">uno<b/>dos<![CDATA[<tres>]]></a>"#
            + #"<ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:SignedInfo/></ds:Signature>"#
            + #"<a>&#193;&lt;</a><!-- nota --><?pi x?></factura>"#
        let root = try XMLDocument(bytes: Array(xml.utf8)).rootSnapshot
        #expect(root.name == "factura")
        #expect(root.namespaceURI == "")
        #expect(root.attributes.map(\.name) == ["id", "version"])
        #expect(root.attribute("version") == "1.1.0")
        #expect(root.attribute("nada") == nil)
        #expect(root.children.map(\.name) == ["a", "Signature", "a"])
        let first = try #require(root.child("a"))
        #expect(first.attribute("x") == "1 & 2")
        #expect(first.text == "unodos<tres>")  // own text only, CDATA included, the child's none
        #expect(first.children.map(\.name) == ["b"])
        #expect(root.children("a").map(\.text) == ["unodos<tres>", "Á<"])
        #expect(root.child("Signature") == nil)  // not in the empty namespace
        let signature = try #require(root.child("Signature", namespaceURI: "http://www.w3.org/2000/09/xmldsig#"))
        #expect(signature.children.map(\.namespaceURI) == ["http://www.w3.org/2000/09/xmldsig#"])
        #expect(root.path("a", "b")?.name == "b")
        #expect(root.path("a", "c") == nil)
    }

    @Test func outlivesItsDocument() throws {
        let snapshot = try XMLDocument(bytes: Array("<r><v>0.06</v></r>".utf8)).rootSnapshot
        #expect(snapshot.path("v")?.text == "0.06")
    }
}
