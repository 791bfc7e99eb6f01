import CommandLineKit
import FolioCore
import FolioSupport

/// `folio keys scan`
enum KeysScan: LeafCommand {
    static let revoke: OptionKey<Bool> = .flag("revoke", help: "Revoke the active keys found (reason: leaked).")
    static let paths: ArgumentKey<[String]> = .repeated("path", help: "Files or directories to scan.", kind: .path)

    static let spec = Command(
        "scan", abstract: "Find API keys in files; report (and with --revoke, revoke) the live ones.",
        discussion: "Walks the files below each path (skipping .git and binary files, i.e. a NUL byte in the "
            + "first 8 KiB; symbolic links are not followed; a file larger than 64 MiB is named in a warning and not "
            + "read), finds strings of the pattern "
            + "folio_(test|live)_ + 36 base62 characters, checks each checksum offline, and looks the rest up by "
            + "hash. Each finding shows file:line, key id, tenant and state (active, revoked, expired, unknown, "
            + "bad_checksum) and only the key's displayed start, never the secret. --revoke revokes the active "
            + "ones with reason 'leaked' (audited). Exit 0 when no active key remains, 6 when an active key was "
            + "found and not revoked.",
        options: [revoke.option],
        arguments: [paths.argument],
        examples: [Example("folio keys scan ./repo"), Example("folio keys scan ./repo --revoke --yes -o json")],
        destructive: "With --revoke, asks before revoking the active keys it found.")

    struct Options {
        var paths: [String]
        var revoke: Bool
    }

    static func options(_ inv: Invocation, _ context: CommandContext) throws(FolioError) -> Options {
        Options(paths: inv[paths], revoke: inv[revoke])
    }

    static func run(_ options: Options, _ context: CommandContext) throws {
        let found = try Keys.findCandidates(in: options.paths)
        for file in found.tooLarge {
            context.console.warn("'\(file)' was not scanned: it is larger than \(Keys.scanFileLimit >> 20) MiB, the limit for one file")
        }
        var findings: [KeyFinding] = []
        if options.revoke {
            for c in found.candidates { context.fingerprintInput(Array("\(c.file):\(c.line):\(c.hash ?? c.start)".utf8)) }
            try context.perform(Keys.scanAndRevoke(found.candidates), confirming: { result in
                let keys = Set(result.filter(\.revokedNow).compactMap(\.keyId))
                guard !keys.isEmpty else { return nil }
                let places = result.filter(\.revokedNow).prefix(3).map { "\($0.file):\($0.line)" }.joined(separator: ", ")
                return "Revoke the \(keys.count) active key(s) found (\(places)\(keys.count > 3 ? ", …" : ""))? "
                    + "Clients using them stop working at once."
            }, present: { result in
                findings = result
                return Presented(list: result, nextCursor: nil)
            }) { result in "scanned; revoked \(result.filter(\.revokedNow).count) active key(s)" }
            if context.globals.dryRun { return }
        } else {
            findings = try Keys.scan(found.candidates, store: try context.openStore(), now: context.now)
            context.console.out(context.renderer.page(findings, nextCursor: nil))
        }
        let active = findings.filter { $0.state == .active }
        guard !active.isEmpty else { return }
        let places = active.prefix(3).map { "\($0.file):\($0.line)" }.joined(separator: ", ")
        throw ReportedFailure(FolioError(.unauthorized, "\(active.count) active key(s) found (\(places))",
                                         hint: "revoke them with 'folio keys scan --revoke', then mint new ones",
                                         details: [JSONMember("active", .int(active.count))]))
    }
}
