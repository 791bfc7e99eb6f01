import CommandLineKit
import Testing

@Suite struct ParseErrorTests {
    @Test func helpAnywhere() throws {
        for line in ["--help", "-h", "tenants --help", "tenants register -h", "-o json tenants register --help",
                     "tenants register --tier gold --help", "keys mint -yh"] {
            #expect(helpText(try parse(line)) != nil, "\(line)")
        }
        #expect(try helpText(parse("tenants register --help")) == ExampleModel.program.help(for: ["tenants", "register"]))
        // A missing required option or value does not stop help.
        #expect(try helpText(parse("keys mint --help")) == ExampleModel.program.help(for: ["keys", "mint"]))
        #expect(try helpText(parse("keys mint --tenant --help")) == ExampleModel.program.help(for: ["keys", "mint"]))
        // After `--`, -h is a word.
        #expect(try invocation("keys revoke -- -h").arguments("key") == ["-h"])
    }

    @Test func helpCommand() throws {
        #expect(try helpText(parse("help")) == ExampleModel.program.help(for: []))
        #expect(try helpText(parse("help issuers cert generate")) == ExampleModel.program.help(for: ["issuers", "cert", "generate"]))
        let error = parseError("help tenants regster")
        #expect(error?.kind == .unknownCommand)
        #expect(error?.suggestion == "register")
    }

    @Test func version() throws {
        guard case .version(let text) = try parse("--version") else { Issue.record("no version"); return }
        #expect(text == "folio 1.2.0")
    }

    @Test func missingSubcommandListsThem() {
        let error = parseError("tenants")
        #expect(error?.kind == .missingSubcommand)
        #expect(error?.message == "'folio tenants' needs a subcommand: register, list, show")
        #expect(parseError("issuers cert -o json")?.kind == .missingSubcommand)
        #expect(parseError("")?.kind == .missingSubcommand)
    }

    @Test func leafRejectsExtraWords() {
        let error = parseError("tenants list extra")
        #expect(error?.kind == .unexpectedArgument)
        #expect(error?.message == "unexpected argument 'extra'")
        #expect(parseError("tenants show a b")?.kind == .unexpectedArgument)
    }

    @Test func unknownCommandSuggestsByEditDistance() {
        let error = parseError("tenant list")
        #expect(error?.kind == .unknownCommand)
        #expect(error?.suggestion == "tenants")
        #expect(parseError("tenants lsit")?.suggestion == "list")        // transposition
        #expect(parseError("issuers cert genrate")?.suggestion == "generate")
        #expect(parseError("ten")?.suggestion == "tenants")              // unique prefix
        #expect(parseError("zebra")?.suggestion == nil)                  // too far
        #expect(parseError("tenants purg")?.suggestion == nil)           // hidden: never suggested
    }

    @Test func unknownOptionSuggests() {
        let error = parseError("keys mint --tenant t --scop a")
        #expect(error?.kind == .unknownOption)
        #expect(error?.message == "unknown option '--scop'")
        #expect(error?.suggestion == "--scope")
        #expect(error?.option == "scop")
        #expect(parseError("tenants list --outptu json")?.suggestion == "--output")   // a global one
        #expect(parseError("tenants list --idem k")?.suggestion == "--idempotency-key") // prefix
        #expect(parseError("tenants list --wibble")?.suggestion == nil)
        #expect(parseError("tenants list --trac")?.suggestion == nil)   // hidden
        let short = parseError("tenants list -x")
        #expect(short?.message == "unknown option '-x'")
    }

    @Test func renderedText() {
        let error = parseError("keys mint --tenant t --scop a")
        #expect(error?.render() == """
            error: unknown option '--scop'
            did you mean '--scope'?
            usage: folio keys mint --tenant <tenant> [options]
            see 'folio keys mint --help'

            """)
        let noSuggestion = parseError("tenants show")
        #expect(noSuggestion?.render() == """
            error: missing argument <tenant>
            usage: folio tenants show [options] <tenant>
            see 'folio tenants show --help'

            """)
    }
}
