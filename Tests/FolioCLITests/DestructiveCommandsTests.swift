import Foundation
import Testing
@testable import FolioCLI
import CommandLineKit
import FolioTestSupport

/// Issue 12 item 4: one policy for destructive commands. Whatever revokes, suspends, promotes or
/// cuts a production key's life short asks on a terminal, needs --yes otherwise, exits 2 and
/// changes nothing when declined; and the list of them comes from the command model.
@Suite("destructive commands: one policy")
struct DestructiveCommandsTests {
    /// A store with ana@example.com in production (tier starter, her issuer from --ruc) holding
    /// a production key `live` whose secret is `liveSecret`; cy@example.com verified on tier
    /// starter, still in the sandbox; bob@example.com on trial with the sandbox key `sandbox`.
    struct World {
        let folio: InProcessFolio
        let live: String
        let liveSecret: String
        let sandbox: String
    }

    static func world() throws -> World {
        let folio = try InProcessFolio()
        for (email, extra) in [("ana@example.com", ["--ruc", "1790011674001"]), ("cy@example.com", [])] {
            try #require(folio.run(["tenants", "register", "--email", email, "--tier", "starter"] + extra).status == 0)
            try #require(folio.run(["tenants", "verify", email, "--force"]).status == 0)
        }
        try #require(folio.run(["tenants", "promote", "ana@example.com", "--yes"]).status == 0)
        let live = try #require(folio.run(["keys", "mint", "--tenant", "ana@example.com", "-o", "json"]).json)
        try #require(folio.run(["tenants", "register", "--email", "bob@example.com"]).status == 0)
        let sandbox = try #require(folio.run(["keys", "mint", "--tenant", "bob@example.com", "-o", "json"]).json)
        return World(folio: folio, live: try #require(live["id"] as? String), liveSecret: try #require(live["secret"] as? String),
                     sandbox: try #require(sandbox["id"] as? String))
    }

    /// One field of `folio ARGS -o json`.
    static func field(_ world: World, _ args: [String], _ name: String) -> String? {
        world.folio.run(args + ["-o", "json"]).json?[name] as? String
    }

    /// A destructive command, and what shows whether it did its work.
    struct Case: CustomStringConvertible, Sendable {
        let description: String
        let arguments: @Sendable (World) throws -> [String]
        /// A value that the command changes.
        let probe: @Sendable (World) -> String?
    }

    static let cases: [Case] = [
        Case(description: "tenants suspend", arguments: { _ in ["tenants", "suspend", "ana@example.com", "--reason", "unpaid"] },
             probe: { field($0, ["tenants", "show", "ana@example.com"], "status") }),
        Case(description: "tenants promote", arguments: { _ in ["tenants", "promote", "cy@example.com"] },
             probe: { field($0, ["tenants", "show", "cy@example.com"], "environment") }),
        Case(description: "keys rotate (production)", arguments: { ["keys", "rotate", $0.live] },
             probe: { field($0, ["keys", "show", $0.live], "rotatedTo") ?? "none" }),
        Case(description: "keys revoke (production)", arguments: { ["keys", "revoke", $0.live] },
             probe: { field($0, ["keys", "show", $0.live], "status") }),
        Case(description: "keys revoke --all", arguments: { _ in ["keys", "revoke", "--tenant", "ana@example.com", "--all"] },
             probe: { $0.folio.run(["keys", "list", "--tenant", "ana@example.com", "--status", "active", "-o", "id"]).stdout }),
        Case(description: "keys scan --revoke", arguments: { world in
                 let file = world.folio.store + "/../leak.env"
                 try "KEY=\(world.liveSecret)\n".write(toFile: file, atomically: true, encoding: .utf8)
                 return ["keys", "scan", file, "--revoke"]
             }, probe: { field($0, ["keys", "show", $0.live], "status") }),
    ]

    @Test("the model marks exactly the destructive commands; help and folio(1) list them from it")
    func marked() throws {
        let program = FolioApp.program
        var marked: [String] = []
        func walk(_ command: Command, _ path: [String]) {
            if command.destructive != nil { marked.append(path.joined(separator: " ")) }
            for sub in command.subcommands { walk(sub, path + [sub.name]) }
        }
        walk(program.root, [])
        #expect(marked.sorted() == ["documents pdf", "exports download", "exports prune", "keys revoke", "keys rotate", "keys scan", "store rotate-master-key", "tenants promote",
                                    "tenants suspend", "webhooks delete"])
        let page = try #require(program.manPages().first { $0.fileName == "folio.1" }).content
        let section = try #require(page.components(separatedBy: ".Sh DESTRUCTIVE COMMANDS\n").last?
            .components(separatedBy: "\n.Sh ").first)
        for path in marked {
            #expect(section.contains(".It Nm folio Cm \(path)\n"), "\(path)")
            #expect(program.help(for: path.split(separator: " ").map(String.init)).contains("\nDESTRUCTIVE:\n"), "\(path)")
        }
        #expect(section.contains("--yes") && section.contains("exits 2"))
        #expect(!program.help(for: ["keys", "mint"]).contains("DESTRUCTIVE"))
    }

    @Test("without a terminal and without --yes: exit 2 naming --yes, nothing changed", arguments: cases)
    func refusedWithoutTerminal(_ command: Case) throws {
        let world = try Self.world()
        let before = command.probe(world)
        let result = world.folio.run(try command.arguments(world))
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("stdin is not a terminal") && result.stderr.contains("--yes"), "\(result.stderr)")
        #expect(command.probe(world) == before)
    }

    @Test("on a terminal: asks; 'n' exits 2 and changes nothing, 'y' does it", arguments: cases)
    func askedOnTerminal(_ command: Case) throws {
        let world = try Self.world()
        let arguments = try command.arguments(world)
        let before = command.probe(world)
        let declined = world.folio.run(arguments, stdin: "n\n", terminal: true)
        #expect(declined.status == 2, "\(declined.stderr)")
        #expect(declined.stderr.contains(" [y/N] ") && declined.stderr.contains("cancelled; nothing was changed"))
        #expect(command.probe(world) == before)
        let accepted = world.folio.run(arguments, stdin: "y\n", terminal: true)
        #expect(accepted.status == 0, "\(accepted.stderr)")
        #expect(command.probe(world) != before)
    }

    @Test("--yes goes on without a terminal; --dry-run never asks", arguments: cases)
    func yesAndDryRun(_ command: Case) throws {
        let world = try Self.world()
        let arguments = try command.arguments(world)
        let before = command.probe(world)
        let dry = world.folio.run(arguments + ["--dry-run"])
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(!dry.stderr.contains("[y/N]"))
        #expect(command.probe(world) == before)
        #expect(world.folio.run(arguments + ["--yes"]).status == 0)
        #expect(command.probe(world) != before)
    }

    @Test("a destructive command that cannot succeed fails with its own error before anything is asked")
    func failuresComeFirst() throws {
        let world = try Self.world()
        let folio = world.folio
        _ = folio.run(["keys", "revoke", world.sandbox])
        let cases: [([String], Int32)] = [
            (["tenants", "promote", "bob@example.com", "--force"], 7),        // trial tier
            (["tenants", "promote", "ana@example.com"], 5),                   // already in production
            (["tenants", "suspend", "ana@example.com", "--reason", "   "], 3),
            (["tenants", "suspend", "nobody@example.com", "--reason", "x"], 4),
            (["keys", "rotate", world.sandbox], 5),                          // revoked
            (["keys", "revoke", "--tenant", "nobody@example.com", "--all"], 4),
        ]
        for (args, status) in cases {
            let result = folio.run(args, terminal: true)
            #expect(result.status == status, "\(args): \(result.stderr)")
            #expect(!result.stderr.contains("[y/N]"), "\(args) asked: \(result.stderr)")
        }
    }

    @Test("what ends no production key goes on without asking")
    func sandboxIsNotAsked() throws {
        let world = try Self.world()
        let folio = world.folio
        let rotated = folio.run(["keys", "rotate", world.sandbox, "-o", "json"])
        #expect(rotated.status == 0, "\(rotated.stderr)")
        let next = try #require(rotated.json?["id"] as? String)
        // A sandbox key's default grace is none: the old key has expired.
        #expect(Self.field(world, ["keys", "show", world.sandbox], "status") == "expired")
        #expect(folio.run(["keys", "revoke", next]).status == 0)
        // --all asks whatever the environment, as it revokes many keys at once; with none left
        // to revoke there is nothing to ask about.
        #expect(folio.run(["keys", "revoke", "--tenant", "bob@example.com", "--all"]).status == 2)
        #expect(folio.run(["keys", "revoke", "--tenant", "bob@example.com", "--all", "--yes"]).status == 0)
        #expect(folio.run(["keys", "revoke", "--tenant", "bob@example.com", "--all"]).status == 0)
        let clean = folio.store + "/../clean.txt"
        try "nothing here\n".write(toFile: clean, atomically: true, encoding: .utf8)
        #expect(folio.run(["keys", "scan", clean, "--revoke"]).status == 0)
    }

    @Test("keys rotate: a production key's old secret keeps working 24h by default; the question says until when")
    func productionGrace() throws {
        let world = try Self.world()
        let asked = world.folio.run(["keys", "rotate", world.live, "-o", "json"], stdin: "y\n", terminal: true)
        #expect(asked.status == 0, "\(asked.stderr)")
        #expect(asked.stderr.contains("Rotate the production key folio_live_"), "\(asked.stderr)")
        #expect(asked.stderr.contains("Its secret stops working in 1d, at "), "\(asked.stderr)")
        let created = try #require(Self.seconds(asked.json?["createdAt"] as? String))
        let ends = try #require(Self.seconds(Self.field(world, ["keys", "show", world.live], "expiresAt")))
        #expect(ends - created == 86_400)

        let other = try #require(world.folio.run(["keys", "mint", "--tenant", "ana@example.com", "-o", "json"]).json?["id"] as? String)
        let now = world.folio.run(["keys", "rotate", other, "--grace", "0s"], stdin: "y\n", terminal: true)
        #expect(now.stderr.contains("Its secret stops working at once."), "\(now.stderr)")
        #expect(Self.field(world, ["keys", "show", other], "status") == "expired")
    }

    @Test("an idempotent replay needs no second confirmation; a change that fails still fails")
    func idempotentReplay() throws {
        let world = try Self.world()
        let folio = world.folio
        let suspend = ["tenants", "suspend", "ana@example.com", "--reason", "unpaid", "--idempotency-key", "s-1"]
        #expect(folio.run(suspend).status == 2)
        #expect(folio.run(suspend + ["--yes"]).status == 0)
        let replay = folio.run(suspend)
        #expect(replay.status == 0, "\(replay.stderr)")
        #expect(replay.stderr.contains("replayed the result of idempotency key 's-1'"))
        // A new key: the dry run's failure (already suspended) is the answer.
        let again = folio.run(["tenants", "suspend", "ana@example.com", "--reason", "unpaid", "--idempotency-key", "s-2"])
        #expect(again.status == 5, "\(again.stderr)")
    }

    private static func seconds(_ text: String?) -> Int64? {
        guard let text, let date = ISO8601DateFormatter().date(from: text) else { return nil }
        return Int64(date.timeIntervalSince1970)
    }
}
