import CommandLineKit
import FolioCore

/// `folio keys verify`
enum KeysVerify: LeafCommand {
    static let keyFile: OptionKey<String?> = .string("key-file", value: "path", kind: .path,
                                                     help: "A file holding the key ('-' for stdin).")
    static let scopes: OptionKey<[String]> = .repeated("scope", value: "scope", kind: .choice(Scopes.catalogue),
                                                       help: "A scope the key must grant (repeatable).")
    /// Declared only to refuse it: a secret on the command line leaks.
    static let refusedKey: ArgumentKey<String?> = .optional(
        "key", help: "Refused: pass the key on stdin, with --key-file, or in FOLIO_KEY.")

    static let spec = Command(
        "verify", abstract: "Check an API key as the API would: exit 0 if valid, 6 or 8 with the reason.",
        discussion: "The key is read from --key-file, else from the environment variable FOLIO_KEY, else from "
            + "stdin; never from the command line, where process lists and shell history keep it (a key given "
            + "as an argument is refused). A malformed key or a bad checksum is rejected before any lookup "
            + "(reason malformed or bad_checksum). Outcomes: valid (0); not_found, revoked, expired, "
            + "tenant_suspended (6, unauthorized); missing_scope (6, forbidden); rate_limited (8, with "
            + "retryAfter seconds). The result body (valid, reason, keyId, tenantId, environment, scopes, "
            + "retryAfter) goes to stdout for every outcome, the error to stderr.\n\n"
            + "A check counts against the key's rate limit (a fixed window per key, in one BEGIN IMMEDIATE "
            + "transaction, so parallel checks never lose a count) and a valid one records last use. This is "
            + "usage bookkeeping, not an administrative change: it writes no audit entry and no event, and "
            + "takes neither --idempotency-key nor --dry-run.",
        options: [keyFile.option, scopes.option],
        arguments: [refusedKey.argument],
        examples: [
            Example("printf %s \"$KEY\" | folio keys verify --scope documents:read"),
            Example("FOLIO_KEY=\"$KEY\" folio keys verify -o json"),
        ])

    struct Options {
        var text: String
        var scopes: [String]
    }

    static func options(_ inv: Invocation, _ context: CommandContext) throws(FolioError) -> Options {
        if inv[refusedKey] != nil {
            throw FolioError(.usage, "a key on the command line is refused: process lists and shell history would keep it",
                             hint: "pipe it on stdin (printf %s \"$KEY\" | folio keys verify), use --key-file PATH, or set FOLIO_KEY")
        }
        if context.globals.idempotencyKey != nil || context.globals.dryRun {
            throw FolioError(.usage, "keys verify is usage bookkeeping, not an administrative change: it takes neither --idempotency-key nor --dry-run")
        }
        let bytes: [UInt8]
        let path = inv[keyFile]
        if path == nil, let env = context.environment["FOLIO_KEY"], !env.isEmpty {
            bytes = Array(env.utf8)
        } else {
            bytes = try context.readInput(path: path, limit: .apiKey, field: keyFile.option.long)
        }
        return Options(text: String(decoding: bytes, as: UTF8.self).trimmingSpaces, scopes: inv[scopes])
    }

    static func run(_ options: Options, _ context: CommandContext) throws {
        let outcome: KeyVerification
        switch ApiKeyFormat.parse(options.text) {
        case .failure(let problem): outcome = Keys.rejection(problem)
        case .success(let parsed):
            outcome = try Keys.verify(parsed, scopes: options.scopes, store: try context.openStore(), now: context.now)
        }
        context.console.out(context.renderer.one(outcome))
        if let error = outcome.error { throw ReportedFailure(error) }
    }
}
