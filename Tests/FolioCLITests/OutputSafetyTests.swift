import Testing
@testable import FolioCLI
import FolioCore
import FolioSupport

/// Issue 11 items 5, 6 and 8 at the output layer: CSV cells neutralised against formula
/// injection, terminal tables showing control characters instead of obeying them, quoted
/// values in messages capped, and key-shaped text redacted on stderr.
@Suite("output safety")
struct OutputSafetyTests {
    let now = Timestamp(rfc3339: "2026-11-22T08:00:00Z")!

    func rendered(_ format: OutputFormat, _ texts: [String], terminal: Bool = false) -> String {
        let rows = texts.enumerated().map { Row(id: "r_\($0.offset)", text: $0.element, at: now) }
        let renderer = Renderer(format: format, quiet: false, terminal: terminal, color: false, now: now)
        return String(decoding: renderer.page(rows, nextCursor: nil), as: UTF8.self)
    }

    @Test("csv: cells starting with = + - @ tab or CR get a leading quote; others, and the header, do not")
    func csvNeutralised() {
        let text = rendered(.csv, ["=1+2", "+1", "-1", "@A1", "\tx", "\ry", "a=b", "", "ok"])
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines[0] == "id,text,at")
        #expect(lines[1] == "r_0,'=1+2,2026-11-22T08:00:00Z")
        #expect(lines[2] == "r_1,'+1,2026-11-22T08:00:00Z")
        #expect(lines[3] == "r_2,'-1,2026-11-22T08:00:00Z")
        #expect(lines[4] == "r_3,'@A1,2026-11-22T08:00:00Z")
        #expect(lines[5] == "r_4,'\tx,2026-11-22T08:00:00Z")
        #expect(text.contains("r_5,\"'\ry\","))
        #expect(lines.contains("r_6,a=b,2026-11-22T08:00:00Z"))
        #expect(lines.contains("r_7,,2026-11-22T08:00:00Z"))
    }

    @Test("a terminal table shows stored control characters and bidi overrides as \\u{…}")
    func terminalTable() {
        let text = rendered(.table, ["\u{1B}]8;;http://evil\u{7}x", "abc\u{202E}fed", "\u{9B}31m"], terminal: true)
        #expect(!text.contains("\u{1B}") && !text.contains("\u{202E}") && !text.contains("\u{9B}"))
        #expect(text.contains("\\u{1B}]8;;http://evil\\u{7}x"))
        #expect(text.contains("abc\\u{202E}fed"))
    }

    @Test("messages: a quoted value is cut at 80 characters; apostrophes inside words open nothing")
    func quotedValues() {
        let long = String(repeating: "x", count: 200)
        #expect(MessageText.safe("no tenant '\(long)'; a tenant is named by its id") ==
                "no tenant '\(String(repeating: "x", count: 80))…'; a tenant is named by its id")
        let oneil = "o'neil" + String(repeating: "y", count: 100) + "@example.com"
        let capped = MessageText.safe("'\(oneil)' is not a valid e-mail address: the issuer's name")
        #expect(capped == "'\(oneil.prefix(80))…' is not a valid e-mail address: the issuer's name")
        let prose = "the issuer's name and the tenant's name " + String(repeating: "z", count: 100)
        #expect(MessageText.safe(prose) == prose)
        #expect(MessageText.safe(String(repeating: "w ", count: 5000)).count == MessageText.messageLimit + 1)
        #expect(MessageText.safe("bad '\u{1B}[2J'\nhint") == "bad '\\u{1B}[2J'\nhint")
        #expect(MessageText.value(String(repeating: "k", count: 500)).count == 81)
    }

    @Test("stderr shortens every key-shaped run to its displayed start; stdout is left alone")
    func redaction() {
        let key = "folio_live_" + String(repeating: "A1b2", count: 9)
        #expect(SecretRedaction.redact("x \(key) y \(key)") == "x folio_live_A1b2… y folio_live_A1b2…")
        #expect(SecretRedaction.redact("folio_test_AbCd… and folio_test_AbCd") == "folio_test_AbCd… and folio_test_AbCd")
        #expect(SecretRedaction.redact("'\(key.dropLast(10))'") == "'folio_live_A1b2…'")
        #expect(SecretRedaction.redact("{\"m\":\"\(key)\"}") == "{\"m\":\"folio_live_A1b2…\"}")
        let (streams, captured) = IOStreams.buffered()
        let console = Console(streams: streams)
        console.err("error: \(key)\n")
        console.out("secret \(key)\n")
        #expect(captured.stderrText == "error: folio_live_A1b2…\n")
        #expect(captured.stdoutText == "secret \(key)\n")
    }
}
