import CommandLineKit
import FolioCore
import FolioSupport

/// `folio exports create`
enum ExportsCreate: LeafCommand {
    /// What `--include` may add to the archive.
    enum Inclusion: String, CaseIterable, Sendable { case ride }

    static let include: OptionKey<Inclusion?> = .choice("include", value: "part",
                                                        help: "Also put this in the archive: ride, each document's RIDE as a PDF.")
    static let allTime: OptionKey<Bool> = .flag(
        "all-time", help: "Export documents of every date (without it, --from or --to is required).")

    static let spec = Command(
        "create", abstract: "Write a ZIP archive of the documents the filters keep.",
        discussion: "The filters are those of 'documents list' (every one given must hold); --tenant or --issuer names "
            + "whose documents. A date range (--from, --to) or --all-time is required, so that a whole history is never "
            + "exported by accident. The archive holds documents/ACCESSKEY.xml (the stored signed bytes), with "
            + "--include ride ride/ACCESSKEY.pdf, then index.csv (a row per document) and manifest.json (tenant, filters, "
            + "counts, sums, each file's size and SHA-256). It is written beside its final name in the store's exports/ "
            + "and renamed when complete: an interrupted export leaves no archive and no record. Its SHA-256 is recorded "
            + "with the export. No matching document gives an empty, valid archive.",
        options: DocumentFilterOptions.specs + [allTime.option, include.option],
        examples: [
            Example("folio exports create --tenant ana@example.com --from 2026-03-01 --to 2026-03-31 --include ride -o json"),
            Example("folio exports create --tenant ana@example.com --issuer iss_… --status signed --all-time"),
        ])

    static func options(_ inv: Invocation, _ context: CommandContext) throws(FolioError) -> ExportRequest {
        ExportRequest(filter: DocumentFilterOptions.filter(inv), includeRide: inv[include] == .ride, allTime: inv[allTime])
    }

    static func run(_ request: ExportRequest, _ context: CommandContext) throws {
        let console = context.console
        let showsProgress = !context.globals.quiet && console.stderrIsTerminal
        let job = Exports.create(request) { done, total in
            if showsProgress { console.status("exporting: \(done) of \(total)") }
        }
        defer { console.clearStatus() }
        do {
            try context.perform(job.mutation, present: { Presented(one: $0) }) { export in
                console.clearStatus()
                if export.documentCount == 0 { return "no document matches: \(export.id) is an empty archive" }
                return "exported \(export.documentCount) document\(export.documentCount == 1 ? "" : "s") to \(export.id) (\(export.size) bytes)"
            }
        } catch {
            if let store = try? context.openStore() { job.abandon(store: store) }
            throw error
        }
        job.finished()
    }
}
