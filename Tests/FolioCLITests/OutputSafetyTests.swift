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
        #expect(MessageText.value(String(repeating: "k", count: 500)).count == 81)
    }

}
