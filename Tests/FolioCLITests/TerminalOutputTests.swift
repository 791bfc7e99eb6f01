import Testing
@testable import FolioCLI
import CommandLineKit
import FolioTestSupport

/// What a person at a terminal sees, given `transcript` (stdout and stderr interleaved as
/// written): carriage returns and backspaces move the cursor back over what is on the line, as
/// a terminal does, so a status line that was blanked is gone and one that was not shows.
func screen(_ transcript: String) -> [String] {
    var lines: [[Unicode.Scalar]] = [[]]
    var column = 0
    for scalar in transcript.unicodeScalars {
        switch scalar {
        case "\n":
            lines.append([])
            column = 0
        case "\r": column = 0
        case "\u{8}": column = max(column - 1, 0)
        default:
            if column < lines[lines.count - 1].count {
                lines[lines.count - 1][column] = scalar
            } else {
                lines[lines.count - 1].append(scalar)
            }
            column += 1
        }
    }
    return lines.map { line in
        var text = String(String.UnicodeScalarView(line))
        while text.last == " " { text.removeLast() }
        return text
    }.filter { !$0.isEmpty }
}

@Suite("output on a terminal: fitted tables, notes for empty and cut lists, help at the terminal's width")
struct TerminalOutputTests {
    let longName = "Ana Foods International Trading Company of the Andes and the Pacific Coast"

    @Test("a terminal table is cut to the terminal's width at the name; piped, the name is whole")
    func tableFitsTerminal() throws {
        let folio = try InProcessFolio()
        #expect(folio.run(["tenants", "register", "--email", "ana@example.com", "--name", longName]).status == 0)
        let shown = folio.run(["tenants", "list", "--no-color"], terminal: true, width: 120)
        let lines = shown.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { DisplayWidth.of(String($0)) <= 120 }, "\(shown.stdout)")
        // 120 columns less 103 for the rest: the name gets 17.
        #expect(shown.stdout.contains("  Ana Foods Intern…  "), "\(shown.stdout)")
        #expect(shown.stdout.contains("ana@example.com") && shown.stdout.contains("pending_verification"))
        let piped = folio.run(["tenants", "list"])
        #expect(piped.stdout.contains(longName))
    }

    @Test("an empty list on a terminal says so on stderr; piped, or as JSON, it prints no note")
    func emptyList() throws {
        let folio = try InProcessFolio()
        let shown = folio.run(["tenants", "list"], terminal: true, width: 80)
        #expect(shown.status == 0)
        #expect(shown.stdout.isEmpty, "no header without rows: \(shown.stdout)")
        #expect(shown.stderr == "no tenants match\n")
        #expect(folio.run(["audit", "list", "--action", "key.revoke"], terminal: true, width: 80).stderr == "no audit entries match\n")
        let piped = folio.run(["tenants", "list"])
        #expect(piped.status == 0 && piped.stdout.isEmpty && piped.stderr.isEmpty)
        let json = folio.run(["tenants", "list", "-o", "json"], terminal: true, width: 80)
        #expect(json.stderr.isEmpty && json.stdout.contains("\"items\": []"))
        #expect(folio.run(["tenants", "list", "-q"], terminal: true, width: 80).stderr.isEmpty)
    }

    @Test("a page that stops at --limit while more exist says so once on stderr, piped too; not with -q, json or --all")
    func limitNote() throws {
        let folio = try InProcessFolio()
        for email in ["a@example.com", "b@example.com"] {
            #expect(folio.run(["tenants", "register", "--email", email]).status == 0)
        }
        let first = try #require(folio.run(["tenants", "list", "-q"]).stdout.split(separator: "\n").first.map(String.init))
        let piped = folio.run(["tenants", "list", "--limit", "1"])
        #expect(piped.stdout.split(separator: "\n").count == 1)
        #expect(piped.stderr == "more tenants match: --cursor \(first) for the next page, or --all for every page\n")
        #expect(folio.run(["tenants", "list", "--limit", "1", "-o", "jsonl"]).stderr == piped.stderr)
        #expect(folio.run(["tenants", "list", "--limit", "1"], terminal: true, width: 200).stderr == piped.stderr)
        #expect(folio.run(["tenants", "list", "--limit", "1", "-q"]).stderr.isEmpty)
        #expect(folio.run(["tenants", "list", "--limit", "1", "-o", "json"]).stderr.isEmpty)
        #expect(folio.run(["tenants", "list", "--all"]).stderr.isEmpty)
        #expect(folio.run(["tenants", "list", "--limit", "2"]).stderr.isEmpty)
    }

    @Test("help wraps between words at the terminal's width; piped, at a fixed 80 columns")
    func helpFitsTerminal() throws {
        let folio = try InProcessFolio(initialize: false)
        // The words, without the line continuations of examples broken over lines.
        let words = { (text: String) in text.split(whereSeparator: { $0 == " " || $0 == "\n" }).filter { $0 != "\\" } }
        let wide = FolioApp.program.help(for: ["documents", "create"], width: 1_000)
        for width in [50, 64, 80] {
            let shown = folio.run(["documents", "create", "--help"], terminal: true, width: width)
            #expect(shown.status == 0)
            #expect(shown.stdout.split(separator: "\n").allSatisfy { $0.count <= width }, "width \(width):\n\(shown.stdout)")
            #expect(words(shown.stdout) == words(wide), "no word is broken or lost at width \(width)")
            #expect(shown.stdout.contains(" \\\n      "), "a long example goes on after a line continuation")
        }
        let piped = folio.run(["documents", "create", "--help"])
        #expect(piped.stdout.split(separator: "\n").allSatisfy { $0.count <= TextWrap.fixedWidth }, "\(piped.stdout)")
        #expect(piped.stdout == folio.run(["help", "documents", "create"], terminal: true, width: nil).stdout,
                "a terminal of unknown width gets the fixed width")
        #expect(folio.run(["--help"], terminal: true, width: 300).stdout.split(separator: "\n").allSatisfy { $0.count <= 100 })
    }
}
