import CommandLineKit
import Testing

@Suite struct ParsingTests {
    @Test func nestedSubcommandsLongAndShortOptions() throws {
        let inv = try invocation("issuers cert generate --issuer 1790012345001 --days=30")
        #expect(inv.path == ["issuers", "cert", "generate"])
        #expect(inv.value("issuer") == "1790012345001")
        #expect(inv.value("days") == "30")
        #expect(inv.source("days") == .commandLine)
    }

    @Test func shortOptionValueForms() throws {
        #expect(try invocation("tenants list -o json").value("output") == "json")
        #expect(try invocation("tenants list -ojson").value("output") == "json")
        #expect(try invocation("tenants list -o=csv").value("output") == "csv")
        #expect(try invocation("tenants list --output=jsonl").value("output") == "jsonl")
        #expect(try invocation("tenants list --output id").value("output") == "id")
    }

    @Test func combinedShortFlagsAndTrailingValue() throws {
        let inv = try invocation("tenants list -yq")
        #expect(inv.flag("yes") && inv.flag("quiet"))
        #expect(!inv.flag("dry-run"))
        let withValue = try invocation("tenants list -yqo csv")
        #expect(withValue.flag("yes") && withValue.flag("quiet"))
        #expect(withValue.value("output") == "csv")
    }

    @Test func repeatedOptionsKeepOrder() throws {
        let inv = try invocation("keys mint --tenant t1 --scope documents:write -s keys:read --scope=audit:read")
        #expect(inv.values("scope") == ["documents:write", "keys:read", "audit:read"])
        #expect(inv.value("scope") == "audit:read")
        #expect(try invocation("keys mint --tenant t1").values("scope") == [])
    }

    @Test func nonRepeatableOptionGivenTwiceLastWins() throws {
        let inv = try invocation("tenants list --limit 5 --limit 7 -o json -o csv")
        #expect(inv.value("limit") == "7")
        #expect(inv.values("limit") == ["7"])
        #expect(inv.value("output") == "csv")
    }

    @Test func positionalsOptionalAndRepeated() throws {
        let show = try invocation("documents show doc_1")
        #expect(show.argument("id") == "doc_1")
        #expect(show.argument("part") == nil)
        #expect(try invocation("documents show doc_1 pdf").argument("part") == "pdf")
        let revoke = try invocation("keys revoke k1 k2 k3")
        #expect(revoke.arguments("key") == ["k1", "k2", "k3"])
        #expect(revoke.argument("key") == "k1")
        // A repeated positional leaves the words that later required ones need.
        let copy = try invocation("documents copy a b c dest")
        #expect(copy.arguments("source") == ["a", "b", "c"])
        #expect(copy.argument("destination") == "dest")
        #expect(parseError("keys revoke")?.kind == .missingArgument)
        #expect(parseError("documents copy only")?.kind == .missingArgument)
    }

    @Test func doubleDashEndsOptions() throws {
        let inv = try invocation("keys revoke -- --not-an-option -y")
        #expect(inv.arguments("key") == ["--not-an-option", "-y"])
        #expect(!inv.flag("yes"))
        // A value that looks like an option must be attached.
        #expect(try invocation("keys mint --tenant=-odd").value("tenant") == "-odd")
        #expect(parseError("keys mint --tenant --scope x")?.kind == .missingValue)
        #expect(parseError("keys mint --tenant")?.kind == .missingValue)
    }

    @Test func singleDashIsAPositional() throws {
        #expect(try invocation("tenants show -").argument("tenant") == "-")
    }

    @Test func defaultsAndSources() throws {
        let inv = try invocation("tenants register acme --email a@acme.test")
        #expect(inv.value("tier") == "trial")
        #expect(inv.source("tier") == .defaultValue)
        #expect(inv.value("output") == "table")
        #expect(inv.value("language") == nil)
        #expect(inv.source("language") == .absent)
        #expect(inv.argument("name") == "acme")
    }

    @Test func environmentPrecedence() throws {
        let env = ["FOLIO_OUTPUT": "json", "FOLIO_ACTOR": "ci-bot"]
        let fromEnv = try invocation("tenants list", env: env)
        #expect(fromEnv.value("output") == "json")
        #expect(fromEnv.source("output") == .environment("FOLIO_OUTPUT"))
        #expect(fromEnv.value("actor") == "ci-bot")
        let fromLine = try invocation("tenants list -o csv", env: env)
        #expect(fromLine.value("output") == "csv")
        #expect(fromLine.source("output") == .commandLine)
        // An empty variable counts as unset.
        #expect(try invocation("tenants list", env: ["FOLIO_OUTPUT": ""]).source("output") == .defaultValue)
        let bad = parseError("tenants list", env: ["FOLIO_OUTPUT": "xml"])
        #expect(bad?.kind == .invalidValue)
        #expect(bad?.message == "invalid value 'xml' for --output (from FOLIO_OUTPUT): expected one of table, json, jsonl, csv, id")
    }

    @Test(arguments: [("1", true), ("yes", true), ("true", true), ("", false), ("0", false),
                      ("false", false), ("FALSE", false)])
    func flagEnvironmentFollowsNoColor(value: String, on: Bool) throws {
        let inv = try invocation("tenants list", env: ["NO_COLOR": value])
        #expect(inv.flag("no-color") == on)
        #expect(inv.source("no-color") == (on ? .environment("NO_COLOR") : .absent))
    }

    @Test func typedValidationNamesTheOption() {
        let tier = parseError("tenants register acme --email a@b.c --tier gold")
        #expect(tier?.kind == .invalidValue)
        #expect(tier?.option == "tier")
        #expect(tier?.message == "invalid value 'gold' for --tier: expected one of trial, starter, pro, enterprise")
        let seats = parseError("tenants register acme --email a@b.c --seats 900")
        #expect(seats?.message == "invalid value '900' for --seats: expected a whole number from 1 to 500")
        #expect(parseError("tenants register acme --email a@b.c --seats many")?.message
            == "invalid value 'many' for --seats: expected a whole number")
        let ruc = parseError("issuers cert generate --issuer 12")
        #expect(ruc?.message == "invalid value '12' for --issuer: expected 13 digits")
        let part = parseError("documents show d1 html")
        #expect(part?.message == "invalid value 'html' for <part>: expected one of xml, pdf")
        #expect(parseError("tenants list --yes=1")?.kind == .invalidValue)
    }

    @Test func negativeNumbersArePositionalsOrValues() throws {
        #expect(try invocation("keys revoke -5").arguments("key") == ["-5"])
        #expect(try invocation("issuers cert generate --issuer 1790012345001 --days -3").value("days") == "-3")
    }

    @Test func requiredOptions() {
        let error = parseError("keys mint --scope audit:read")
        #expect(error?.kind == .missingOption)
        #expect(error?.option == "tenant")
        #expect(error?.message == "missing required option '--tenant <tenant>'")
        #expect(error?.usage == "usage: folio keys mint --tenant <tenant> [options]")
        #expect(error?.helpCommand == "folio keys mint --help")
    }

    @Test func globalOptionsAnywhere() throws {
        for line in ["-o json tenants list", "tenants -o json list", "tenants list -o json",
                     "--output=json -y tenants list", "tenants list --output json --yes"] {
            let inv = try invocation(line)
            #expect(inv.path == ["tenants", "list"], "\(line)")
            #expect(inv.value("output") == "json", "\(line)")
        }
        #expect(try invocation("--store /tmp/s keys mint --tenant t").value("store") == "/tmp/s")
    }

    @Test func hiddenThingsStillParse() throws {
        #expect(try invocation("tenants purge --trace").flag("trace"))
    }
}
