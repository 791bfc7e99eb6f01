import Foundation
import Testing
@testable import FolioCLI
import FolioCore
import FolioSupport

/// A row with an id, two free-text columns and a time: what `TableLayout` may cut and what not.
struct LayoutRow: Presentable {
    var id: String
    var name: String
    var note: String
    var code: String
    var at: Timestamp
    var json: JSONValue { .object([JSONMember("id", .string(id))]) }
    static var columns: [Column<LayoutRow>] {
        [Column("ID") { $0.id }, Column(text: "NAME") { $0.name }, Column(text: "NOTE") { $0.note },
         Column("CODE") { $0.code }, Column(time: "AT") { $0.at }]
    }
}

@Suite("terminal tables fit the terminal")
struct TableLayoutTests {
    let now = Timestamp(rfc3339: "2026-11-22T08:00:00Z")!
    let id = "ten_01M8QJWBWXYKKQ3NAYA7Y78RQV"
    let longName = "Ana Foods International Trading Company of the Andes and the Coast"

    func render(_ people: [LayoutRow], terminal: Bool = true, width: Int?) -> [String] {
        let renderer = Renderer(format: .table, quiet: false, terminal: terminal, width: width, color: false, now: now)
        return String(decoding: renderer.page(people, nextCursor: nil), as: UTF8.self).split(separator: "\n").map(String.init)
    }

    func person(_ name: String, note: String = "short", code: String = "pending_verification") -> LayoutRow {
        LayoutRow(id: id, name: name, note: note, code: code, at: Timestamp(rfc3339: "2026-11-22T07:00:00Z")!)
    }

    @Test("the widest free-text column is cut with … so that every line fits; ids, codes and times stay whole")
    func cutsWidestFreeText() {
        let lines = render([person(longName), person("Bob")], width: 100)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 100 }, "\(lines)")
        #expect(lines[1].contains("…"))
        #expect(!lines[1].contains(longName))
        #expect(lines[1].contains(id) && lines[1].contains("pending_verification") && lines[1].contains("1 hour ago"))
        #expect(lines[1].contains("short"), "the narrower free-text column keeps its text")
        #expect(lines[2].contains("Bob "))
        // Columns stay aligned: CODE starts at the same column on every line.
        let starts = lines.map { $0.range(of: "pending_verification")?.lowerBound.utf16Offset(in: $0) }
        #expect(starts[1] == starts[2])
        #expect(lines[0].range(of: "CODE")?.lowerBound.utf16Offset(in: lines[0]) == starts[1])
    }

    @Test("two long free-text columns shrink together once the widest is down to the other")
    func shrinkTogether() {
        let note = String(repeating: "n", count: 40)
        let lines = render([person(longName, note: note)], width: 110)
        #expect(DisplayWidth.of(lines[1]) <= 110)
        // 110 - 68 (id, code, time, gaps) leaves 42: 21 each.
        #expect(lines[1].contains(String(longName.prefix(20)) + "…  "), "\(lines[1])")
        #expect(lines[1].contains(String(repeating: "n", count: 20) + "…  "), "\(lines[1])")
    }

    @Test("when ids, codes and times alone are wider than the terminal, they are not cut: free text goes down to 10")
    func neverCutsValues() {
        let lines = render([person(longName)], width: 40)
        #expect(lines[1].contains(id) && lines[1].contains("pending_verification"))
        #expect(lines[1].contains("Ana Foods…"), "\(lines[1])")   // 10 columns: the floor
    }

    @Test("a table that fits is not cut, and piped output is never cut whatever the width")
    func noCutWhenItFits() {
        #expect(render([person(longName)], width: 300)[1].contains(longName))
        #expect(render([person(longName)], terminal: false, width: 40)[0].contains(longName))
        #expect(render([person(longName)], width: nil)[1].contains(longName))
    }

    @Test("a recorded result keeps which columns are free text, so that a replay on a terminal is cut the same way")
    func recordedFreeText() throws {
        let presented = Presented(list: [person(longName)], nextCursor: nil)
        #expect(presented.freeText == [false, true, true, false, false])
        #expect(Presented(recorded: presented.recorded) == presented)
        // A record from before: no column may be cut.
        var old = presented
        old.freeText = [false, false, false, false, false]
        let bytes = Array(String(decoding: presented.recorded, as: UTF8.self)
            .replacingOccurrences(of: #","freeText":[1,2]"#, with: "").utf8)
        #expect(Presented(recorded: bytes) == old)
    }

    @Test("wide characters count two columns: a CJK name is aligned and cut by what the terminal shows")
    func wideCharacters() {
        #expect(DisplayWidth.of("北京食品") == 8)
        #expect(DisplayWidth.of("é") == 1 && DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.truncated("北京食品有限公司", to: 6) == "北京…")
        let lines = render([person("北京食品有限公司北京食品有限公司"), person("Bob")], width: 100)
        let columns = lines.map { line -> Int? in
            guard let range = line.range(of: "short") ?? line.range(of: "NOTE") else { return nil }
            return DisplayWidth.of(String(line[..<range.lowerBound]))
        }
        #expect(Set(columns).count == 1, "\(lines)")
    }

    @Test("a layout fixed by a first part keeps its widths for later parts, cutting their longer free text to the room it kept")
    func streamedLayout() {
        let renderer = Renderer(format: .table, quiet: false, terminal: true, width: 200, color: false, now: now)
        let first = Presented(list: [person("Bob"), person("Carla")], nextCursor: nil)
        var layout = renderer.layout(for: first, header: true, textRoom: 30)
        let head = renderer.table(first, header: true, layout: &layout)
        let later = renderer.table(Presented(list: [person(longName)], nextCursor: nil), header: false, layout: &layout)
        let lines = (head + later).split(separator: "\n").map(String.init)
        let starts = lines.map { ($0.range(of: "short") ?? $0.range(of: "NOTE"))?.lowerBound.utf16Offset(in: $0) }
        #expect(Set(starts).count == 1, "\(lines)")
        #expect(lines.last?.contains(String(longName.prefix(29)) + "…") == true, "\(lines)")
        // With less room to spare, later parts still fit the terminal.
        let narrow = Renderer(format: .table, quiet: false, terminal: true, width: 90, color: false, now: now)
        var tight = narrow.layout(for: first, header: true, textRoom: 30)
        let line = narrow.table(Presented(list: [person(longName)], nextCursor: nil), header: false, layout: &tight)
        #expect(DisplayWidth.of(line) == 90, "\(line)")
    }
}
