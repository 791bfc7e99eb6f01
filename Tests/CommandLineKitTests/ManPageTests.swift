import CommandLineKit
import FolioTestSupport
import Foundation
import Testing

@Suite struct ManPageTests {
    let program = ExampleModel.program

    @Test func oneProgramPageAndOnePerVisibleCommand() {
        let names = program.manPages().map(\.fileName)
        #expect(names.first == "folio.1")
        for expected in ["folio-tenants.1", "folio-tenants-register.1", "folio-keys-mint.1",
                         "folio-issuers-cert-generate.1", "folio-store-backup.1"] {
            #expect(names.contains(expected), "\(expected)")
        }
        #expect(!names.contains("folio-tenants-purge.1"))
        #expect(Set(names).count == names.count)
    }

    @Test func programPageSections() throws {
        let page = try #require(program.manPages().first { $0.fileName == "folio.1" }).content
        for macro in [".Dt FOLIO 1", ".Sh NAME", ".Sh SYNOPSIS", ".Sh DESCRIPTION", ".Sh OPTIONS",
                      ".Sh ENVIRONMENT", ".Sh EXIT STATUS", ".Sh SEE ALSO",
                      ".It Ev FOLIO_OUTPUT", ".It Ev NO_COLOR", ".It Fl o , Fl \\-output Ar format",
                      ".It 130", ".Xr folio\\-tenants\\-register 1"] {
            #expect(page.contains(macro + "\n") || page.contains(macro + " "), "\(macro)")
        }
        #expect(!page.contains("trace"))
        #expect(!page.contains("\n\n"), "blank lines are not allowed in mdoc")
    }

    @Test func leafPageSections() throws {
        let page = try #require(program.manPages().first { $0.fileName == "folio-tenants-register.1" }).content
        let order = [".Sh NAME", ".Sh SYNOPSIS", ".Sh DESCRIPTION", ".Sh OPTIONS", ".Sh EXAMPLES", ".Sh SEE ALSO"]
        let positions = order.compactMap { page.range(of: $0)?.lowerBound }
        #expect(positions.count == order.count)
        #expect(positions == positions.sorted())
        #expect(page.contains(".Nm folio\\-tenants\\-register\n.Nd Register a new tenant\n"))
        #expect(page.contains(".Fl \\-email Ar email\n"))
        #expect(page.contains("$ folio tenants register acme --email ops@acme.test\n"))
    }

    @Test func textIsEscaped() throws {
        let odd = Command("odd", abstract: "Odd text.", discussion: ".starts with a dot\n'and a quote\nback\\slash",
                          options: [Option("say", value: "words", help: "Say \"it\".")])
        let program = Program(name: "tool", version: "1", root: Command("tool", abstract: "A tool.", subcommands: [odd]),
                              globalOptions: [])
        let page = try #require(program.manPages().first { $0.fileName == "tool-odd.1" }).content
        #expect(page.contains("\n\\&.starts with a dot\n\\&'and a quote\nback\\eslash\n"))
    }

    /// mandoc's own checker, at warning level, on every page; also a render to be sure the
    /// output carries the text.
    @Test(.enabled(if: ExternalTool.shouldRun("mandoc"), "needs mandoc"))
    func mandocLintIsClean() throws {
        let dir = ProcessRunner.temporaryDirectory("clk-man")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let mandoc = ExternalTool.path("mandoc") ?? "/usr/bin/mandoc"
        let odd = Command("odd", abstract: "Odd text.", discussion: ".starts with a dot\n\n'and a quote\nback\\slash")
        let extra = Program(name: "tool", version: "1", root: Command("tool", abstract: "A tool.", subcommands: [odd]),
                            globalOptions: [])
        for page in program.manPages() + extra.manPages() {
            let path = "\(dir)/\(page.fileName)"
            try page.content.write(toFile: path, atomically: true, encoding: .utf8)
            let lint = try ProcessRunner.run([mandoc, "-T", "lint", "-W", "warning", path])
            #expect(lint.status == 0 && lint.stdout.isEmpty && lint.stderr.isEmpty,
                    "\(page.fileName): \(lint.stdout)\(lint.stderr)")
        }
        let rendered = try ProcessRunner.run([mandoc, "-T", "ascii", "\(dir)/folio-keys-mint.1"])
        #expect(rendered.status == 0, "\(rendered.stderr)")
        // Undo overstriking (bold is "X\bX", underline "_\bX").
        var plain = ""
        for scalar in rendered.stdout.unicodeScalars {
            if scalar == "\u{8}" { _ = plain.unicodeScalars.popLast() } else { plain.unicodeScalars.append(scalar) }
        }
        #expect(plain.contains("folio keys mint --tenant tenant [options]"), "\(plain)")
        #expect(plain.contains("folio-keys-mint - Mint a scoped API key"), "\(plain)")
    }
}
