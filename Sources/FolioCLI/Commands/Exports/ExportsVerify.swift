import CommandLineKit
import FolioCore
import FolioSupport

/// `folio exports verify`
enum ExportsVerify: LeafCommand {
    static let archive: ArgumentKey<String> = .string(
        "archive", help: "An export archive (a path), or an export id (exp_…) whose archive in the store is verified.",
        kind: .path)

    static let spec = Command(
        "verify", abstract: "Verify an export archive: structure, CRCs, manifest hashes, counts, sums and every signature.",
        discussion: "Checks the ZIP structure and every entry's CRC-32; that manifest.json lists every file with its size "
            + "and SHA-256, and counts and sums that index.csv agrees with; every signed XML inside as 'documents verify' "
            + "does; and that the archive is byte for byte what Folio writes for its entries. Given an export id, also "
            + "that the archive's SHA-256 is the one recorded. The first failure exits 10 (signature_invalid) naming it; "
            + "a file that is not a Folio export exits 3.",
        arguments: [archive.argument],
        examples: [Example("folio exports verify marzo.zip"), Example("folio exports verify exp_01JD…")])

    static func options(_ inv: Invocation, _ context: CommandContext) throws(FolioError) -> String {
        inv[archive]
    }

    static func run(_ target: String, _ context: CommandContext) throws {
        let report: ExportVerification
        if ULID.isValid(target, prefix: .export) && !FileSystem.exists(target) {
            let (export, path) = try Exports.archivePath(store: try context.openStore(), id: target)
            report = try Exports.verify(path: path, source: export.id, expected: export, now: context.now)
        } else {
            guard FileSystem.exists(target) else {
                throw FolioError.notFound("no file '\(target)'", hint: "name an archive file, or an export id (exp_…)")
            }
            guard !FileSystem.isDirectory(target) else {
                throw FolioError.validation("'\(target)' is a directory", field: archive.argument.name)
            }
            report = try Exports.verify(path: target, source: target, now: context.now)
        }
        context.console.out(context.renderer.render(Presented(one: report)))
        if !context.globals.quiet { context.console.note("\(report.source): valid, \(report.documents) document\(report.documents == 1 ? "" : "s")") }
    }
}
