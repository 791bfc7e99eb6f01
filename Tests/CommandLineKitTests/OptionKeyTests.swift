import CommandLineKit
import Testing

/// A small program declared with typed keys only: every kind of key, read back through
/// `invocation[key]` after a real parse.
enum KeyModel {
    enum Plan: String, CaseIterable, Sendable { case trial, starter, pro }
    enum Color: String, CaseIterable, Sendable { case red, green }

    static let hours = ValueConversion<Int>(type: "hours", problem: "expected hours like 12h") { text in
        guard text.hasSuffix("h"), let n = Int(text.dropLast()), n >= 0 else { return nil }
        return n
    }

    static let name: OptionKey<String?> = .string("name", value: "name", env: "KM_NAME", help: "A name.")
    static let email: OptionKey<String> = .required("email", value: "email", help: "The e-mail.")
    static let point: OptionKey<String> = .string("point", value: "nnn", default: "001", help: "The point.")
    static let force: OptionKey<Bool> = .flag("force", short: "f", env: "KM_FORCE", help: "Force it.")
    static let days: OptionKey<Int> = .integer("days", value: "n", range: 1...30, default: 7, env: "KM_DAYS", help: "Days.")
    static let scopes: OptionKey<[String]> = .repeated("scope", short: "s", value: "scope", kind: .choice(["a", "b", "c"]),
                                                       env: "KM_SCOPE", help: "A scope.")
    static let plan: OptionKey<Plan> = .choice("plan", value: "plan", default: .trial, env: "KM_PLAN", help: "The plan.")
    static let color: OptionKey<Color?> = .choice("color", value: "color", help: "A color.")
    static let wait: OptionKey<Int?> = .custom("wait", value: "duration", as: hours, help: "How long to wait.")
    static let grace: OptionKey<Int> = .custom("grace", value: "duration", as: hours, default: "2h", help: "The grace.")

    static let target: ArgumentKey<String> = .string("target", help: "What to act on.", kind: .dynamic("targets"))
    static let level: ArgumentKey<Plan> = .choice("level", help: "The level.")
    static let extra: ArgumentKey<String?> = .optional("extra", help: "Something more.")
    static let files: ArgumentKey<[String]> = .repeated("file", help: "Files.", optional: true, kind: .path)

    static let run = Command("run", abstract: "Run.",
                             options: [name.option, email.option, point.option, force.option, days.option, scopes.option,
                                       plan.option, color.option, wait.option, grace.option],
                             arguments: [target.argument, level.argument, extra.argument])
    static let copy = Command("copy", abstract: "Copy.", options: [email.option], arguments: [target.optional.argument, files.argument])
    static let program = Program(name: "km", version: "1", root: Command("km", abstract: "Keys.", subcommands: [run, copy]),
                                 globalOptions: [])

    static func invocation(_ line: String, env: [String: String] = [:]) throws -> Invocation {
        let words = line.split(separator: " ").map(String.init)
        guard case .run(let invocation) = try program.parse(words, environment: env) else { throw HelperFailure() }
        return invocation
    }

    static func error(_ line: String, env: [String: String] = [:]) -> ParseError? {
        do {
            _ = try program.parse(line.split(separator: " ").map(String.init), environment: env)
            return nil
        } catch {
            return error
        }
    }
}

@Suite struct OptionKeyTests {
    typealias M = KeyModel

    @Test func everyKindReadsWhatWasGiven() throws {
        let inv = try M.invocation("run t1 pro --name Ana --email a@b.c --point 002 -f --days 30 -s a --scope=c "
                                   + "--plan starter --color green --wait 12h --grace 0h")
        #expect(inv[M.name] == "Ana")
        #expect(inv[M.email] == "a@b.c")
        #expect(inv[M.point] == "002")
        #expect(inv[M.force])
        #expect(inv[M.days] == 30)
        #expect(inv[M.scopes] == ["a", "c"])
        #expect(inv[M.plan] == .starter)
        #expect(inv[M.color] == .green)
        #expect(inv[M.wait] == 12)
        #expect(inv[M.grace] == 0)
        #expect(inv[M.target] == "t1")
        #expect(inv[M.level] == .pro)
        #expect(inv[M.extra] == nil)
        #expect(inv.source(M.plan) == .commandLine)
    }

    @Test func absentValuesAreNilEmptyOffOrTheOneDefault() throws {
        let inv = try M.invocation("run t1 trial --email a@b.c")
        #expect(inv[M.name] == nil)
        #expect(!inv[M.force])
        #expect(inv[M.scopes] == [])
        #expect(inv[M.color] == nil)
        #expect(inv[M.wait] == nil)
        // Each default is declared once, in the key: the spec shows it and reading returns it.
        #expect(inv[M.point] == "001" && M.point.option.defaultValue == "001")
        #expect(inv[M.days] == 7 && M.days.option.defaultValue == "7")
        #expect(inv[M.plan] == .trial && M.plan.option.defaultValue == "trial")
        #expect(inv[M.grace] == 2 && M.grace.option.defaultValue == "2h")
        #expect(inv.source(M.days) == .defaultValue)
        #expect(inv.source(M.name) == .absent)
        let help = M.program.help(for: ["run"]).split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
        #expect(help.contains("The plan. (one of: trial, starter, pro) (default: trial) (env: KM_PLAN)"))
        #expect(help.contains("Days. (from 1 to 30) (default: 7)"))
        #expect(help.contains("The grace. (hours) (default: 2h)"))
    }

    @Test func environmentFallbacks() throws {
        let env = ["KM_NAME": "Env", "KM_FORCE": "1", "KM_DAYS": "3", "KM_SCOPE": "b", "KM_PLAN": "pro"]
        let inv = try M.invocation("run t1 trial --email a@b.c", env: env)
        #expect(inv[M.name] == "Env")
        #expect(inv[M.force])
        #expect(inv[M.days] == 3)
        #expect(inv[M.scopes] == ["b"])
        #expect(inv[M.plan] == .pro)
        #expect(inv.source(M.plan) == .environment("KM_PLAN"))
        // The command line wins over the environment; "0" and "false" turn a flag off.
        #expect(try M.invocation("run t1 trial --email a@b.c --plan starter", env: env)[M.plan] == .starter)
        #expect(!(try M.invocation("run t1 trial --email a@b.c", env: ["KM_FORCE": "false"])[M.force]))
        #expect(!(try M.invocation("run t1 trial --email a@b.c", env: ["KM_FORCE": "0"])[M.force]))
        // The environment is checked like the command line.
        #expect(M.error("run t1 trial --email a@b.c", env: ["KM_PLAN": "gold"])?.kind == .invalidValue)
    }

    @Test func choicesComeFromTheEnumsCasesInOrder() throws {
        #expect(choices(M.plan.option.kind) == ["trial", "starter", "pro"])
        #expect(choices(M.color.option.kind) == ["red", "green"])
        #expect(choices(M.level.argument.kind) == ["trial", "starter", "pro"])
        let error = M.error("run t1 trial --email a@b.c --plan gold")
        #expect(error?.kind == .invalidValue)
        #expect(error?.message.contains("expected one of trial, starter, pro") == true)
        #expect(M.error("run t1 gold --email a@b.c")?.kind == .invalidValue)
    }

    @Test func theParserChecksWhatTheKeysConvert() throws {
        #expect(M.error("run t1 trial")?.kind == .missingOption)
        #expect(M.error("run t1 trial --email a@b.c --days 31")?.kind == .invalidValue)
        let wait = M.error("run t1 trial --email a@b.c --wait soon")
        #expect(wait?.kind == .invalidValue)
        #expect(wait?.message.contains("expected hours like 12h") == true)
        #expect(M.error("run t1 trial --email a@b.c -s d")?.kind == .invalidValue)
        #expect(M.error("run --email a@b.c")?.kind == .missingArgument)
    }

    @Test func positionalKeys() throws {
        let inv = try M.invocation("run t1 starter more --email a@b.c")
        #expect(inv[M.target] == "t1")
        #expect(inv[M.level] == .starter)
        #expect(inv[M.extra] == "more")
        // `.optional` of a required key: the same name, help and kind, and nil when left out.
        let optional = M.target.optional
        #expect(optional.argument.name == "target" && optional.argument.help == "What to act on.")
        #expect(optional.argument.optional)
        guard case .dynamic("targets") = optional.argument.kind else {
            Issue.record("the kind of the optional copy is \(optional.argument.kind)")
            return
        }
        #expect(try M.invocation("copy --email a@b.c")[optional] == nil)
        let copy = try M.invocation("copy t2 x y --email a@b.c")
        #expect(copy[optional] == "t2")
        #expect(copy[M.files] == ["x", "y"])
        #expect(try M.invocation("copy --email a@b.c")[M.files] == [])
    }

    private func choices(_ kind: ValueKind) -> [String]? {
        if case .choice(let choices) = kind { return choices }
        return nil
    }

    @Test func aKeyBuiltByHandReadsWithItsOwnClosure() throws {
        let upper = OptionKey<String?>(Option("name", value: "name", help: "A name.")) { $0.value("name")?.uppercased() }
        #expect(try M.invocation("run t1 trial --email a@b.c --name ana")[upper] == "ANA")
    }
}
