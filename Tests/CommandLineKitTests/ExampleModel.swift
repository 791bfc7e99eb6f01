import CommandLineKit

/// A small model shaped like folio's, shared by the tests.
enum ExampleModel {
    static let tiers = ["trial", "starter", "pro", "enterprise"]
    static let formats = ["table", "json", "jsonl", "csv", "id"]
    /// Choices that shells mistreat when unquoted: `*` globs, `:` splits bash's words.
    static let scopes = ["*", "audit:read", "documents:*", "documents:read", "documents:write", "keys:read", "tenants:read"]

    static let globals: [Option] = [
        Option("store", value: "path", kind: .path, env: "FOLIO_STORE", help: "The store directory."),
        Option("output", short: "o", value: "format", kind: .choice(formats), default: "table",
               env: "FOLIO_OUTPUT", help: "Output format."),
        Option("actor", value: "name", env: "FOLIO_ACTOR", help: "Who is acting, for the audit log."),
        Option("idempotency-key", value: "key", help: "Replay the first result for the same key and arguments."),
        Option("dry-run", help: "Validate and show what would change; write nothing."),
        Option("yes", short: "y", help: "Skip the confirmation of a destructive command."),
        Option("no-color", env: "NO_COLOR", help: "No ANSI colour."),
        Option("quiet", short: "q", help: "Print nothing but the result's id(s)."),
        Option("trace", help: "Internal tracing.", hidden: true),
    ]

    static let tenants = Command("tenants", abstract: "Register and manage tenants.", subcommands: [
        Command("register", abstract: "Register a new tenant.",
                discussion: "Creates the tenant on the trial tier unless --tier says otherwise.\n\nA verification e-mail is written to the outbox.",
                options: [
                    Option("email", value: "email", required: true, help: "The contact e-mail address."),
                    Option("tier", value: "tier", kind: .choice(tiers), default: "trial", help: "The plan tier."),
                    Option("language", short: "l", value: "code", kind: .choice(["es", "en"]), help: "The language of e-mails."),
                    Option("seats", value: "n", kind: .integer(1...500), help: "How many seats."),
                ],
                arguments: [Argument("name", help: "The tenant's display name.")],
                examples: [Example("folio tenants register acme --email ops@acme.test", "Register a tenant on the trial tier"),
                           Example("folio tenants register beta --email b@beta.test --tier pro")]),
        Command("list", abstract: "List tenants.", options: [
            Option("limit", value: "n", kind: .integer(1...200), default: "50", help: "How many per page."),
            Option("tier", value: "tier", kind: .choice(tiers), help: "Only tenants on this tier."),
        ]),
        Command("show", abstract: "Show one tenant.",
                arguments: [Argument("tenant", help: "The tenant id or e-mail.", kind: .dynamic("tenants"))]),
        Command("purge", abstract: "Remove test data.", hidden: true),
    ])

    static let keys = Command("keys", abstract: "Mint, list and revoke API keys.", subcommands: [
        Command("mint", abstract: "Mint a scoped API key.", options: [
            Option("tenant", value: "tenant", kind: .dynamic("tenants"), required: true, help: "The tenant that owns the key."),
            Option("scope", short: "s", value: "scope", kind: .choice(scopes), repeated: true, help: "A scope the key grants."),
            Option("expires-in", value: "days", kind: .integer(1...365), help: "Days until the key expires."),
        ]),
        Command("revoke", abstract: "Revoke keys.", arguments: [
            Argument("key", help: "Key ids to revoke.", repeated: true, kind: .dynamic("keys")),
        ], destructive: "Asks before revoking a production key."),
    ])

    static let issuers = Command("issuers", abstract: "Manage issuers and their certificates.", subcommands: [
        Command("cert", abstract: "Manage signing certificates.", subcommands: [
            Command("generate", abstract: "Generate a self-signed test certificate.", options: [
                Option("issuer", value: "ruc",
                       kind: .custom("RUC", { $0.count == 13 && $0.allSatisfy(\.isNumber) ? nil : "expected 13 digits" }),
                       required: true, help: "The issuer's RUC."),
                Option("days", value: "n", kind: .integer(nil), default: "365", help: "Validity in days."),
            ]),
            Command("import", abstract: "Import a PKCS#12 certificate.", arguments: [
                Argument("file", help: "The .p12 file.", kind: .path),
            ]),
        ]),
    ])

    static let store = Command("store", abstract: "Inspect and back up the store.", subcommands: [
        Command("backup", abstract: "Copy the store to PATH.", arguments: [Argument("path", help: "Where to write.", kind: .path)]),
        Command("info", abstract: "Show where the store is."),
    ])

    static let documents = Command("documents", abstract: "Create and inspect documents.", subcommands: [
        Command("show", abstract: "Show a document.", arguments: [
            Argument("id", help: "The document id.", kind: .dynamic("documents")),
            Argument("part", help: "Which part to show.", optional: true, kind: .choice(["xml", "pdf"])),
        ]),
        Command("copy", abstract: "Copy documents.", arguments: [
            Argument("source", help: "Documents to copy.", repeated: true),
            Argument("destination", help: "Where to copy them."),
        ]),
    ])

    static let root = Command("folio", abstract: "Administer the Folio e-invoicing platform.",
                              discussion: "Noun, then verb: folio <noun> <verb> [arguments] [options].",
                              subcommands: [tenants, keys, issuers, store, documents,
                                            Command("init", abstract: "Create a new store."),
                                            Command("__complete", abstract: "Answer the completion scripts.", arguments: [
                                                Argument("kind", help: "What to complete."),
                                                Argument("prefix", help: "The word so far.", optional: true),
                                            ], hidden: true)])

    static let exitStatuses = [ExitStatus(0, "Success."), ExitStatus(2, "Wrong use."), ExitStatus(130, "Interrupted.")]

    static let manual = Manual(
        destructivePolicy: "A destructive command asks on a terminal and needs --yes otherwise.",
        environment: [ManualItem("FOLIO_MASTER_KEY", "The master key, instead of master.key."),
                      ManualItem("FOLIO_STORE", "Listed already, through --store: not listed twice.")],
        files: [ManualItem("folio.db", "The database."), ManualItem("master.key", "The master key.")])

    static let program = Program(name: "folio", version: "1.2.0", root: root, globalOptions: globals,
                                 exitStatuses: exitStatuses, manual: manual,
                                 dynamicCompletion: DynamicCompletion(command: "__complete", forwardedOptions: ["store"]))
}
