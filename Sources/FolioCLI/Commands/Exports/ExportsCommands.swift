import CommandLineKit
import FolioCore

/// `folio exports …`
enum ExportsCommands {
    static let group = CommandGroup(
        "exports", abstract: "Build, list, download, verify and prune ZIP archives of a tenant's documents.",
        discussion: "An export holds the signed XML of every document the filters of 'documents list' keep, optionally "
            + "their RIDEs, an index.csv and a manifest.json with each file's size and SHA-256. The same documents and "
            + "filters give the same bytes on any machine. Exports need the growth tier or above.",
        leaves: [ExportsCreate.self, ExportsList.self, ExportsShow.self, ExportsDownload.self, ExportsVerify.self,
                 ExportsPrune.self],
        examples: [
            Example("folio exports create --tenant ana@example.com --from 2026-03-01 --to 2026-03-31 --include ride -o json"),
            Example("folio exports download exp_01JD… -O marzo.zip"),
            Example("folio exports verify marzo.zip"),
        ])

    /// The export every per-export verb takes.
    static let handle: ArgumentKey<String> = .string("export", help: "The export: its id (exp_…).")
}
