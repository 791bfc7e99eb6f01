import CommandLineKit
import Testing

/// What help and the man pages render from `Command.destructive` and `Program.manual`.
@Suite struct ManualTests {
    let program = ExampleModel.program

    private func page(_ name: String) throws -> String {
        try #require(program.manPages().first { $0.fileName == name }).content
    }

    /// The text of section `title` of a page (up to the next `.Sh`).
    private func section(_ title: String, of page: String) -> String? {
        guard let start = page.range(of: ".Sh \(title)\n") else { return nil }
        let rest = page[start.upperBound...]
        return String(rest[..<(rest.range(of: "\n.Sh ")?.lowerBound ?? rest.endIndex)])
    }

    @Test func helpOfADestructiveCommandSaysWhenItAsks() {
        let text = program.help(for: ["keys", "revoke"])
        // Wrapped to the help's width: compare with the line breaks and their indent undone.
        let unwrapped = text.replacingOccurrences(of: "\n  ", with: " ")
        #expect(unwrapped.contains("DESTRUCTIVE: Asks before revoking a production key. A destructive command asks on a terminal"),
                "\(text)")
        // Between the description and the options, like the discussion it extends.
        let order = ["USAGE:", "DESTRUCTIVE:", "ARGUMENTS:", "OPTIONS:"].map { text.range(of: $0)?.lowerBound }
        #expect(!order.contains(nil) && order.compactMap { $0 } == order.compactMap { $0 }.sorted())
        #expect(!program.help(for: ["keys", "mint"]).contains("DESTRUCTIVE"))
    }

    @Test func programPageListsTheDestructiveCommandsFromTheModel() throws {
        let folio = try page("folio.1")
        let destructive = try #require(section("DESTRUCTIVE COMMANDS", of: folio))
        #expect(destructive.hasPrefix("A destructive command asks on a terminal and needs --yes otherwise.\n.Pp\n"))
        #expect(destructive.contains(".It Nm folio Cm keys revoke\nAsks before revoking a production key.\n"))
        // Only the marked one.
        #expect(destructive.components(separatedBy: ".It ").count == 2, "\(destructive)")
        // The command's own page says so too, and points at the list.
        let revoke = try #require(section("DESCRIPTION", of: try page("folio-keys-revoke.1")))
        #expect(revoke.contains("This command is destructive.\nAsks before revoking a production key.\n"))
        #expect(revoke.contains("See DESTRUCTIVE COMMANDS in\n.Xr folio 1 .\n"))
        #expect(!(try page("folio-keys-mint.1")).contains("destructive"))
    }

    @Test func programPageHasFilesAndEveryEnvironmentVariable() throws {
        let folio = try page("folio.1")
        let files = try #require(section("FILES", of: folio))
        #expect(files == ".Bl -tag -width Ds\n.It Pa folio.db\nThe database.\n.It Pa master.key\nThe master key.\n.El")
        let environment = try #require(section("ENVIRONMENT", of: folio))
        #expect(environment.contains(".It Ev FOLIO_MASTER_KEY\nThe master key, instead of master.key.\n"))
        // An option's variable is listed once, as the option's.
        #expect(environment.components(separatedBy: ".It Ev FOLIO_STORE\n").count == 2)
        #expect(!environment.contains("Listed already"))
        // In mdoc's order: ENVIRONMENT, FILES, EXIT STATUS.
        let order = [".Sh ENVIRONMENT", ".Sh FILES", ".Sh EXIT STATUS"].map { folio.range(of: $0)?.lowerBound }
        #expect(!order.contains(nil) && order.compactMap { $0 } == order.compactMap { $0 }.sorted())
    }

    @Test func aProgramWithoutManualTextRendersNoSuchSections() throws {
        let plain = Program(name: "tool", version: "1", root: Command("tool", abstract: "A tool.", subcommands: [
            Command("go", abstract: "Go.", destructive: "Always asks."),
        ]), globalOptions: [])
        let page = try #require(plain.manPages().first).content
        #expect(!page.contains(".Sh FILES") && !page.contains(".Sh ENVIRONMENT"))
        // The list still comes from the model; only the policy text is missing.
        #expect(page.contains(".Sh DESTRUCTIVE COMMANDS\nThe destructive commands are:\n"))
        #expect(plain.help(for: ["go"]).contains("DESTRUCTIVE:\n  Always asks.\n"))
    }
}
