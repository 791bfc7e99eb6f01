import Testing
@testable import FolioCLI
import FolioCore
import FolioSupport

struct Row: Presentable {
    var id: String
    var text: String
    var at: Timestamp
    var json: JSONValue { .object([JSONMember("id", .string(id)), JSONMember("text", .string(text))]) }
    static var columns: [Column<Row>] { [Column("ID") { $0.id }, Column("TEXT") { $0.text }, Column(time: "AT") { $0.at }] }
}

@Suite("renderer")
struct RendererTests {
    let now = Timestamp(rfc3339: "2026-11-22T08:00:00Z")!
    var rows: [Row] {
        [Row(id: "a_1", text: "plain", at: Timestamp(rfc3339: "2026-11-22T07:00:00Z")!),
         Row(id: "b_22", text: "tab\there, \"quoted\"", at: Timestamp(rfc3339: "2026-11-20T08:00:00Z")!)]
    }
    func renderer(_ format: OutputFormat, terminal: Bool = false) -> Renderer {
        Renderer(format: format, quiet: false, terminal: terminal, color: false, now: now)
    }

    @Test("a terminal table aligns columns under a header with relative times")
    func terminalTable() {
        let text = String(decoding: renderer(.table, terminal: true).page(rows, nextCursor: nil), as: UTF8.self)
        let lines = text.split(separator: "\n")
        #expect(lines[0].hasPrefix("ID    TEXT"))
        #expect(lines[1].contains("1 hour ago"))
        #expect(lines[2].contains("2 days ago"))
        #expect(lines[1].firstRange(of: "plain")?.lowerBound.utf16Offset(in: lines[1]) == 6)
    }

    @Test("a piped table is tab-separated with absolute times and no header")
    func pipedTable() {
        let text = String(decoding: renderer(.table).page(rows, nextCursor: nil), as: UTF8.self)
        #expect(text == "a_1\tplain\t2026-11-22T07:00:00Z\nb_22\ttab here, \"quoted\"\t2026-11-20T08:00:00Z\n")
    }

    @Test("csv quotes fields with commas and quotes and ends lines with CRLF")
    func csv() {
        let text = String(decoding: renderer(.csv).page(rows, nextCursor: nil), as: UTF8.self)
        #expect(text == "id,text,at\r\na_1,plain,2026-11-22T07:00:00Z\r\nb_22,\"tab\there, \"\"quoted\"\"\",2026-11-20T08:00:00Z\r\n")
    }

    @Test("json pages wrap items with nextCursor and hasMore; jsonl is one object a line")
    func json() {
        let page = String(decoding: renderer(.json).page(rows, nextCursor: "b_22"), as: UTF8.self)
        #expect(page.contains("\"nextCursor\": \"b_22\""))
        #expect(page.contains("\"hasMore\": true"))
        let lines = String(decoding: renderer(.jsonl).page(rows, nextCursor: nil), as: UTF8.self)
        #expect(lines == "{\"id\":\"a_1\",\"text\":\"plain\"}\n{\"id\":\"b_22\",\"text\":\"tab\\there, \\\"quoted\\\"\"}\n")
    }

    @Test("every DESIGN §4 code maps to its exit status")
    func exitStatuses() {
        let expected: [(ErrorCode, Int32)] = [(.serverError, 1), (.usage, 2), (.validationFailed, 3), (.notFound, 4),
            (.conflict, 5), (.idempotencyConflict, 5), (.invalidState, 5), (.unauthorized, 6), (.forbidden, 6),
            (.planTierRequired, 7), (.rateLimited, 8), (.storeUnavailable, 9), (.signatureInvalid, 10)]
        for (code, status) in expected { #expect(ErrorReporter.exitStatus(for: code) == status, "\(code)") }
    }
}
