import Foundation
@testable import CommandLineKit
import Testing

@Suite struct HelpTests {
    let program = ExampleModel.program

    @Test func leafHelpHasEverySection() {
        let text = program.help(for: ["tenants", "register"])
        #expect(text.hasPrefix("Register a new tenant.\n\nUSAGE: folio tenants register --email <email> [options] <name>\n"))
        let order = ["USAGE:", "Creates the tenant", "ARGUMENTS:", "OPTIONS:", "GLOBAL OPTIONS:", "EXAMPLES:"]
        let positions = order.map { text.range(of: $0)?.lowerBound }
        #expect(!positions.contains(nil), "missing a section in:\n\(text)")
        let found = positions.compactMap { $0 }
        #expect(found == found.sorted(), "sections out of order")
        #expect(text.contains("  <name>"))
        #expect(text.contains("--tier <tier>"))
        // Notes may be wrapped across lines; compare with runs of blanks collapsed.
        let flat = text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
        #expect(flat.contains("The plan tier. (one of: trial, starter, pro, enterprise) (default: trial)"))
        #expect(flat.contains("Output format. (one of: table, json, jsonl, csv, id) (default: table) (env: FOLIO_OUTPUT)"))
        #expect(text.contains("-l, --language <code>"))
        #expect(text.contains("  # Register a tenant on the trial tier\n  $ folio tenants register acme --email ops@acme.test\n"))
        #expect(!text.contains("SUBCOMMANDS:"))
    }

    @Test func groupHelpListsSubcommandsAndHidesHidden() {
        let text = program.help(for: ["tenants"])
        #expect(text.contains("SUBCOMMANDS:"))
        for name in ["register", "list", "show"] { #expect(text.contains("  \(name) ")) }
        #expect(text.contains("Register a new tenant."))
        #expect(!text.contains("purge"))
        #expect(!text.contains("--trace"))
        #expect(text.contains("USAGE: folio tenants <subcommand> [options]"))
    }

    @Test func rootHelpShowsVersionOption() {
        let text = program.help(for: [])
        #expect(text.contains("--version"))
        #expect(!program.help(for: ["tenants"]).contains("--version"))
    }

    @Test func helpIsAVerbAtEveryLevel() throws {
        #expect(helpText(try parse("help keys mint")) == program.help(for: ["keys", "mint"]))
        #expect(helpText(try parse("keys help mint")) == program.help(for: ["keys", "mint"]))
        #expect(helpText(try parse("keys help")) == program.help(for: ["keys"]))
        #expect(helpText(try parse("issuers cert help generate")) == program.help(for: ["issuers", "cert", "generate"]))
        #expect(helpText(try parse("issuers help cert")) == program.help(for: ["issuers", "cert"]))
        #expect(helpText(try parse("-o json keys help mint --tenant x")) == program.help(for: ["keys", "mint"]))
        // After a group the subcommand named must exist; after a leaf, 'help' is an argument.
        #expect(parseError("keys help nope")?.kind == .unknownCommand)
        #expect(try invocation("tenants show help").arguments("tenant") == ["help"])
        // A group's help says how to ask for more.
        #expect(program.help(for: ["keys"]).contains("Run 'folio keys help <subcommand>'"))
    }

    @Test func unknownPathFallsBackToLongestPrefix() {
        #expect(program.help(for: ["tenants", "nope"]) == program.help(for: ["tenants"]))
    }

    @Test func everyHelpPageFitsIn100Columns() {
        let long = Command("long", abstract: "A command with a long text.",
                           discussion: String(repeating: "wrapping words are wrapped ", count: 30),
                           options: [Option("a-really-long-option-name-for-testing", value: "placeholder-value",
                                            help: String(repeating: "help text ", count: 40))])
        let wide = Program(name: "folio", version: "1", root: Command("folio", abstract: "x", subcommands: [long]),
                           globalOptions: ExampleModel.globals)
        var pages = [wide.help(for: ["long"])]
        pages += [[], ["tenants"], ["tenants", "register"], ["keys", "mint"], ["issuers", "cert", "generate"]]
            .map { program.help(for: $0) }
        for page in pages {
            for line in page.split(separator: "\n") {
                #expect(line.count <= 100, "too wide: \(line)")
                #expect(!line.hasSuffix(" "), "trailing blank: \(line)")
            }
        }
        // The long label puts its text on the next line, and the text is not lost.
        let text = pages[0]
        #expect(text.contains("--a-really-long-option-name-for-testing <placeholder-value>\n"))
        #expect(text.split(separator: " ").filter { $0 == "help" || $0 == "help\n" }.count >= 40)
    }

    @Test func helpWrapsAtTheWidthAskedBetweenWords() {
        for width in [40, 60, 80] {
            let text = program.help(for: ["tenants", "register"], width: width)
            for line in text.split(separator: "\n") { #expect(line.count <= width, "width \(width): \(line)") }
        }
        // A narrow page puts every description under its label.
        #expect(program.help(for: ["tenants", "register"], width: 40).contains("  -l, --language <code>\n"))
        #expect(TextWrap.helpWidth(terminalColumns: nil) == 80)
        #expect(TextWrap.helpWidth(terminalColumns: 57) == 57)
        #expect(TextWrap.helpWidth(terminalColumns: 300) == 100)
        #expect(TextWrap.helpWidth(terminalColumns: 5) == 20)
    }

    @Test func longExamplesContinueOnTheNextLineOutsideQuotes() {
        let command = #"folio tenants register --email ana@example.com --name "Ana Foods del Ecuador" --tier trial"#
        let lines = Program.exampleLines(command, width: 40).split(separator: "\n").map(String.init)
        #expect(lines.count > 1)
        #expect(lines.dropLast().allSatisfy { $0.hasSuffix(" \\") && $0.count <= 40 }, "\(lines)")
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("      ") })
        #expect(lines.contains { $0.contains(#""Ana Foods del Ecuador""#) }, "a quoted word is not broken: \(lines)")
        // Joined as the shell joins continuations, it is the command again.
        let joined = lines.map { $0.hasSuffix(" \\") ? String($0.dropLast(2)) : $0 }
            .map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(joined == "$ " + command)
        #expect(Program.exampleLines("folio --version", width: 40) == "  $ folio --version\n")
    }

    @Test func usageLines() {
        #expect(program.usage(for: ["keys", "mint"]) == "usage: folio keys mint --tenant <tenant> [options]")
        #expect(program.usage(for: ["keys", "revoke"]) == "usage: folio keys revoke [options] <key>...")
        #expect(program.usage(for: ["documents", "show"]) == "usage: folio documents show [options] <id> [<part>]")
        #expect(program.usage(for: []) == "usage: folio <subcommand> [options]")
    }

    @Test func renderingIsDeterministic() {
        let again = Program(name: "folio", version: "1.2.0", root: ExampleModel.root, globalOptions: ExampleModel.globals,
                            exitStatuses: ExampleModel.exitStatuses, manual: ExampleModel.manual,
                            dynamicCompletion: DynamicCompletion(command: "__complete", forwardedOptions: ["store"]))
        for path in [[], ["tenants", "register"], ["issuers", "cert"]] {
            #expect(program.help(for: path) == again.help(for: path))
        }
        for shell in Shell.allCases {
            #expect(program.completionScript(for: shell) == again.completionScript(for: shell))
        }
        #expect(program.manPages().map(\.content) == again.manPages().map(\.content))
    }
}

@Suite struct CanonicalDescriptionTests {
    @Test func stableAndSortedWithoutDefaults() throws {
        let a = try invocation("keys mint --tenant t1 -s tenants:read -s documents:read -y --idempotency-key k1",
                               env: ["FOLIO_ACTOR": "ci"])
        let b = try invocation("-y keys mint --idempotency-key k2 -s tenants:read --tenant t1 -s documents:read",
                               env: ["FOLIO_ACTOR": "ci"])
        let excluded: Set<String> = ["idempotency-key", "store", "no-color"]
        #expect(a.canonicalDescription(excluding: excluded) == b.canonicalDescription(excluding: excluded))
        #expect(a.canonicalDescription(excluding: excluded) == """
            command keys mint
            --actor=ci
            --scope=tenants:read
            --scope=documents:read
            --tenant=t1
            --yes

            """)
        // Defaults (output=table) are left out; excluded names are left out.
        #expect(!a.canonicalDescription(excluding: excluded).contains("output"))
        #expect(a.canonicalDescription(excluding: []).contains("--idempotency-key=k1\n"))
    }

    @Test func differentArgumentsDiffer() throws {
        let one = try invocation("documents copy a b dest").canonicalDescription(excluding: [])
        let two = try invocation("documents copy a b\\ndest").canonicalDescription(excluding: [])
        #expect(one.hasSuffix("<source>=a\n<source>=b\n<destination>=dest\n"))
        #expect(one != two)
        let withNewline = try ExampleModel.program.parse(["tenants", "show", "x\n<tenant>=y"], environment: [:])
        guard case .run(let inv) = withNewline else { Issue.record("no run"); return }
        #expect(inv.canonicalDescription(excluding: []) == "command tenants show\n<tenant>=x\\n<tenant>=y\n")
    }
}

@Suite struct SuggestionTests {
    let program = ExampleModel.program

    @Test func closeTyposOnly() {
        // Each typo is within the limit and names the intended command; far words get nothing.
        let cases: [(String, String?)] = [("tenant", "tenants"), ("tennats", "tenants"), ("kyes", "keys"),
                                          ("isuers", "issuers"), ("stor", "store"), ("inti", "init"),
                                          ("xyz", nil), ("invoices", nil), ("k", "keys")]
        for (typed, expected) in cases {
            let error = parseError(typed)
            #expect(error?.suggestion == expected, "\(typed)")
        }
    }

    @Test func ambiguousPrefixFallsBackToDistance() {
        // "d" prefixes only "documents" among visible root commands.
        #expect(parseError("d")?.suggestion == "documents")
        // "tenants re" : unique prefix of register.
        #expect(parseError("tenants re")?.suggestion == "register")
    }
}
