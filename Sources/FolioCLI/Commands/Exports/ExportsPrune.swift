import CommandLineKit
import FolioCore
import FolioSupport

/// `folio exports prune`
enum ExportsPrune: LeafCommand {
    static let olderThan: OptionKey<Int64?> = .custom(
        "older-than", value: "duration", as: KeysCommands.duration,
        help: "Required: delete the archives of exports made longer ago than this (90d, 12h).")
    static let tenant: OptionKey<String?> = .string("tenant", value: "tenant", kind: TenantsCommands.handleKind,
                                                    help: "Only this tenant's exports.")

    static let spec = Command(
        "prune", abstract: "Delete the archives of old exports, keeping their records as pruned.",
        discussion: "Each export made before now minus --older-than loses its archive; its row stays, status pruned, with "
            + "its SHA-256, so what was exported stays on record. Leftovers of an interrupted export are removed too.",
        options: [olderThan.option, tenant.option],
        examples: [Example("folio exports prune --older-than 90d --yes"),
                   Example("folio exports prune --older-than 30d --tenant ana@example.com --dry-run")],
        destructive: "Asks when there are archives to delete, saying how many and how large.")

    struct Options {
        var seconds: Int64
        var tenant: String?
    }

    static func options(_ inv: Invocation, _ context: CommandContext) throws(FolioError) -> Options {
        guard let seconds = inv[olderThan] else {
            throw FolioError(.usage, "missing --older-than", hint: "say how old an export must be to go, e.g. --older-than 90d")
        }
        return Options(seconds: seconds, tenant: inv[tenant])
    }

    static func run(_ options: Options, _ context: CommandContext) throws {
        let mutation = Exports.prune(olderThan: options.seconds, tenant: options.tenant)
        var pruned: ExportPruning?
        try context.perform(mutation, confirming: { result in
            result.exports.isEmpty ? nil
                : "Delete the archives of \(result.exports.count) exports made before \(result.cutoff.rfc3339) (\(result.bytes) bytes)?"
        }, present: { result in
            pruned = result
            return Presented(document: result, rows: result.exports)
        }) { result in
            result.exports.isEmpty ? "no export is older than that" : "pruned \(result.exports.count) exports (\(result.bytes) bytes)"
        }
        if !context.globals.dryRun, let pruned { Exports.removeArchives(of: pruned, store: try context.openStore()) }
    }
}
