import Foundation
import Testing
import FolioTestSupport
import FolioCore
import FolioSupport

@Suite("documents: create, show, xml, verify, decode-key")
struct DocumentsTests {
    @Test("the tour: create from examples/invoice.json, show by id and key, exact xml, verify, decode-key")
    func tour() throws {
        let folio = try FolioHarness()
        let (tenant, issuer) = try folio.makeIssuer()
        let created = try folio.json(["documents", "create", "--issuer", issuer, "--file", RepoPaths.examples + "/invoice.json"])
        let id = try #require(created["id"] as? String)
        let key = try #require(created["accessKey"] as? String)
        #expect(created["status"] as? String == "signed")
        #expect(created["tenantId"] as? String == tenant)
        #expect(created["number"] as? String == "001-001-000000001")
        #expect(created["total"] as? String == "546.22")
        #expect(created["environment"] as? Int == 1)
        #expect(key.count == 49 && key.hasPrefix("22112026" + "01" + "1790011674001" + "1" + "001001" + "000000001"))

        #expect(try folio.json(["documents", "show", key])["id"] as? String == id)
        #expect(try folio.json(["documents", "show", id])["accessKey"] as? String == key)

        // The exact stored bytes, compared with what SQLite's C API reads.
        let xml = try folio.run(["documents", "xml", key])
        #expect(xml.status == 0)
        let storedHex = try folio.sqlite("SELECT hex(signed_xml) FROM documents WHERE id = '\(id)'")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(xml.stdoutData.map { String(format: "%02X", $0) }.joined() == storedHex)
        #expect(xml.stdout.contains(#"<factura id="comprobante" version="1.1.0">"#))
        #expect(xml.stdout.contains("<claveAcceso>\(key)</claveAcceso>"))

        let verified = try folio.json(["documents", "verify", key])
        #expect(verified["valid"] as? Bool == true)
        #expect(verified["referenceCount"] as? Int == 3)
        #expect(verified["signatureAlgorithm"] as? String == "http://www.w3.org/2000/09/xmldsig#rsa-sha1")

        let decoded = try folio.json(["documents", "decode-key", key])
        #expect(decoded["ruc"] as? String == "1790011674001")
        #expect(decoded["sequential"] as? Int == 1)
        #expect(decoded["date"] as? String == "2026-11-22")
        #expect(decoded["checkDigitValid"] as? Bool == true)

        // The event and the audit entry were written with the document.
        #expect(try folio.sqlite("SELECT count(*) FROM events WHERE type = 'document.signed' AND target_id = '\(id)'")
            .hasPrefix("1"))
        #expect(try folio.sqlite("SELECT count(*) FROM audit_log WHERE action = 'document.create' AND target_id = '\(id)'")
            .hasPrefix("1"))
        #expect(try folio.run(["audit", "verify"]).status == 0)
    }

    @Test("decode-key: a wrong check digit prints the fields and exits 3; a short key is validation_failed")
    func decodeKeyCheckDigit() throws {
        let folio = try FolioHarness()
        let good = "2211202601179001167400110010010000000014918651214"
        let bad = String(good.dropLast()) + String((Int(String(good.last!))! + 1) % 10)
        let result = try folio.run(["documents", "decode-key", bad, "-o", "json"])
        #expect(result.status == 3)
        let body = try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
        #expect(body["checkDigitValid"] as? Bool == false)
        #expect(body["expectedCheckDigit"] as? Int == 4)
        #expect(body["ruc"] as? String == "1790011674001")
        #expect(result.stderr.contains(#""field":"checkDigit""#))
        #expect(try folio.run(["documents", "decode-key", "12345"]).status == 3)
        #expect(try folio.run(["documents", "decode-key", good]).status == 0)
    }

    @Test("a JSON-lines batch: one result per line in jsonl; a bad line is reported with its number and takes no sequential")
    func batch() throws {
        let folio = try FolioHarness()
        let (_, issuer) = try folio.makeIssuer()
        let lines = [invoiceLine(1), invoiceLine(2, extra: #","qty":"2""#), "", invoiceLine(3)].joined(separator: "\n") + "\n"
        let result = try folio.run(["documents", "create", "--issuer", issuer, "--file", "-", "-o", "jsonl"], stdin: lines)
        #expect(result.status == 3)
        #expect(result.stderr.contains("line 2"))
        #expect(result.stderr.contains(#""field":"items[0].qty""#))
        let out = result.stdout.split(separator: "\n")
        #expect(out.count == 2)
        let numbers = try out.map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])["sequential"] as? Int }
        #expect(numbers == [1, 2])
        // The whole examples/batch.jsonl goes through as a json list.
        let list = try folio.json(["documents", "create", "--issuer", issuer, "--file", RepoPaths.examples + "/batch.jsonl"])
        #expect((list["items"] as? [[String: Any]])?.compactMap { $0["sequential"] as? Int } == [3, 4, 5])
    }

    @Test("a batch larger than one commit group: a bad line in the second group takes no number; every document has its audit entry and event")
    func batchAcrossGroups() throws {
        let folio = try FolioHarness()
        let (_, issuer) = try folio.makeIssuer()
        let count = 205   // groups of 100: lines 1–100, 101–200, 201–205
        let lines = (1...count).map { $0 == 150 ? invoiceLine($0, extra: #","qty":"2""#) : invoiceLine($0) }
        let result = try folio.run(["documents", "create", "--issuer", issuer, "--file", "-", "-o", "id"],
                                   stdin: lines.joined(separator: "\n") + "\n")
        #expect(result.status == 3)
        #expect(result.stderr.contains("line 150"))
        #expect(result.stdout.split(separator: "\n").count == count - 1)
        #expect(try folio.storedSequentials() == Array(1...(count - 1)))
        #expect(try folio.sqliteValue("SELECT count(*) FROM audit_log WHERE action = 'document.create'") == "\(count - 1)")
        #expect(try folio.sqliteValue("SELECT count(*) FROM events WHERE type = 'document.signed'") == "\(count - 1)")
        #expect(try folio.run(["audit", "verify"]).status == 0)
    }

    @Test("4 processes × 10 documents at once: sequentials 1…40, no gap, no duplicate")
    func concurrentSequentials() throws {
        let folio = try FolioHarness()
        let (_, issuer) = try folio.makeIssuer()
        let batch = (1...10).map { invoiceLine($0) }.joined(separator: "\n") + "\n"
        let file = folio.store + "/../batch.jsonl"
        try batch.write(toFile: file, atomically: true, encoding: .utf8)
        let statuses = DocumentsMutex([Int32]())
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            let status = (try? folio.run(["documents", "create", "--issuer", issuer, "--file", file, "-o", "id"]).status) ?? -1
            statuses.withLock { $0.append(status) }
        }
        #expect(statuses.withLock { $0 } == [0, 0, 0, 0])
        #expect(try folio.storedSequentials() == Array(1...40))
        #expect(try folio.sqlite("SELECT count(DISTINCT access_key) FROM documents").hasPrefix("40"))
    }

    @Test("4 processes × 150-line batches at once (signed ahead, many for numbers another process takes first): sequentials 1…600, each XML carrying its own, every signature valid")
    func concurrentBatchesSignedAhead() throws {
        let folio = try FolioHarness()
        let (_, issuer) = try folio.makeIssuer()
        let file = folio.store + "/../batch.jsonl"
        try ((1...150).map { invoiceLine($0) }.joined(separator: "\n") + "\n").write(toFile: file, atomically: true, encoding: .utf8)
        let statuses = DocumentsMutex([Int32]())
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            let status = (try? folio.run(["documents", "create", "--issuer", issuer, "--file", file, "-o", "id"]).status) ?? -1
            statuses.withLock { $0.append(status) }
        }
        #expect(statuses.withLock { $0 } == [0, 0, 0, 0])
        #expect(try folio.storedSequentials() == Array(1...600))
        // A document signed for a number another process took first was signed again for its own.
        let mismatched = try folio.sqliteValue("""
            SELECT count(*) FROM documents
            WHERE substr(access_key, 31, 9) != printf('%09d', sequential)
               OR instr(CAST(signed_xml AS TEXT), '<secuencial>' || printf('%09d', sequential) || '</secuencial>') = 0
               OR instr(CAST(signed_xml AS TEXT), '<claveAcceso>' || access_key || '</claveAcceso>') = 0
            """)
        #expect(mismatched == "0")
        let now = Timestamp(seconds: TestClock.verificationTime)
        for row in try folio.sqlite("SELECT sequential, hex(signed_xml) FROM documents").split(separator: "\n") {
            let parts = row.split(separator: "|")
            let bytes = try #require(Hex.decode(String(parts[1])))
            let report = Documents.verify(bytes, source: String(parts[0]), now: now)
            #expect(report.valid, "document \(parts[0]): \(report.failures)")
        }
    }

    @Test("--profile modern signs with RSA-SHA256 and verifies")
    func modernProfile() throws {
        let folio = try FolioHarness()
        let (_, issuer) = try folio.makeIssuer()
        let doc = try folio.createDocument(issuer, invoiceLine(1), ["--profile", "modern"])
        #expect(doc["profile"] as? String == "modern")
        let report = try folio.json(["documents", "verify", try #require(doc["id"] as? String)])
        #expect(report["signatureAlgorithm"] as? String == "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256")
        #expect(report["valid"] as? Bool == true)
    }
}

/// A tiny lock for collecting results from concurrent threads in tests.
final class DocumentsMutex<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()
    init(_ value: Value) { self.value = value }
    func withLock<R>(_ body: (inout Value) -> R) -> R {
        lock.lock()
        defer { lock.unlock() }
        return body(&value)
    }
}
