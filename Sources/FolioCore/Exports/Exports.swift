import FolioCrypto
import FolioSupport

/// The export service: archives of a tenant's documents in `exports/`, their rows, pruning.
///
/// An archive is built with no write transaction open, inside one read transaction (a snapshot:
/// documents written meanwhile are not half in it), under a temporary name beside its final
/// one (`.exp_….zip.tmp`), fsynced and renamed into place; only then does one mutation write
/// its row, audit entry and `export.completed` event. A kill at any moment leaves no partial
/// archive under a final name and no row for an archive that is not complete. What a kill
/// can leave — a temporary file, or an archive renamed just before its row committed — is
/// removed by the next export or prune (`ExportLeftovers`); `store check` does not look at them.
public enum Exports {
    /// The tier that includes exports (DESIGN §6).
    public static let requiredTier = Tier.growth

    /// The mutation of `exports create`. `progress` gets (documents written, documents) as the
    /// archive grows. The archive is built by the mutation's slow part (`Mutation.init(ahead:)`);
    /// a dry run counts the documents and writes no file. Call `ExportJob.abandon` when the
    /// mutation fails, so an archive renamed before a failed COMMIT does not stay.
    public static func create(_ request: ExportRequest, progress: @escaping (Int, Int) -> Void = { _, _ in }) -> ExportJob {
        let job = ExportJob()
        job.mutation = Mutation(ahead: { store, ctx throws(FolioError) -> Export in
            try request.checkPeriod()
            let query = try DocumentListQuery(checking: request.filter)
            if !ctx.dryRun { ExportLeftovers.remove(store) }
            let id = ctx.ids.make(.export)
            job.id = id
            return try build(request, query: query, id: id, store: store, ctx: ctx, job: job, progress: progress)
        }, body: { prepared, tx, ctx throws(FolioError) in
            guard let export = prepared else {
                throw FolioError(.conflict, "the export was not built before its record was written; nothing was exported",
                                 hint: "run the same command again")
            }
            // The tenant may have changed tier while the archive was written.
            guard let tenant = try tx.tenant(id: export.tenantId) else { throw .notFound("no tenant '\(export.tenantId)'") }
            try PlanGate.require(requiredTier, for: "exports", tenant: tenant, environment: tenant.environment, now: ctx.now)
            if !ctx.dryRun { try tx.insertExport(export) }
            let details = JSONValue.object([JSONMember("documents", .int(export.documentCount)),
                                            JSONMember("sha256", .string(export.sha256)), JSONMember("total", .string(export.total))])
            return Change(export, audit: [AuditRecord(action: "export.create", targetId: export.id, tenantId: export.tenantId,
                                                      details: details)],
                          events: [DomainEvent(type: .exportCompleted, tenantId: export.tenantId, targetId: export.id,
                                               payload: export.json)])
        })
        return job
    }

    /// Resolves the filter, checks the tier and writes the archive (not in a dry run).
    static func build(_ request: ExportRequest, query checked: DocumentListQuery, id: String, store: Store, ctx: MutationContext,
                      job: ExportJob, progress: (Int, Int) -> Void) throws(FolioError) -> Export {
        try store.read { tx throws(FolioError) -> Export in
            var query = checked
            let issuer = try request.filter.issuer.map { (h: String) throws(FolioError) -> Issuer in
                try Issuers.find(h, in: tx, now: Timestamp(seconds: 0))
            }
            let tenant: Tenant
            if let handle = request.filter.tenant { tenant = try Tenants.find(handle, in: tx) } else if let issuer {
                guard let found = try tx.tenant(id: issuer.tenantId) else { throw .server("issuer \(issuer.id) names a missing tenant") }
                tenant = found
            } else {
                throw .validation("an export holds one tenant's documents: name the tenant or one of its issuers",
                                  field: "filter.tenant", remedy: .nameExportTenant)
            }
            try PlanGate.require(requiredTier, for: "exports", tenant: tenant, environment: tenant.environment, now: ctx.now)
            query.tenantId = tenant.id
            query.issuerId = issuer?.id
            let filters = request.filtersJSON(tenantId: tenant.id, issuerId: issuer?.id)
            let keys = try tx.documentKeys(query)
            var export = Export(id: id, tenantId: tenant.id, status: .completed, filters: filters, includeRide: request.includeRide,
                                documentCount: keys.count, fileCount: 0, subtotal: "", tax: "", total: "", sha256: "", size: 0,
                                createdAt: ctx.now, prunedAt: nil)
            if ctx.dryRun {
                var tally = ExportTally()
                for i in 0..<keys.count { if let d = try tx.document(id: keys.id(i)) { try tally.add(d) } }
                export.subtotal = tally.money(tally.subtotal)
                export.tax = tally.money(tally.tax)
                export.total = tally.money(tally.total)
                export.fileCount = keys.count * (request.includeRide ? 2 : 1) + 2
                return export
            }
            let paths = ExportPaths(store: store, id: id)
            var writer = try ExportArchiveWriter(path: paths.temporary, documents: keys.count)
            job.lock = FileLock.tryLock(paths.temporary)
            do throws(FolioError) {
                let steps = keys.count * (request.includeRide ? 2 : 1)
                var done = 0
                for i in 0..<keys.count {
                    guard let (document, xml) = try tx.documentWithXML(id: keys.id(i)) else { throw .server("document \(keys.id(i)) vanished") }
                    try writer.addDocument(document, xml: xml)
                    done += 1
                    try step(done, of: steps, ctx: ctx, progress: progress)
                }
                if request.includeRide {
                    for i in 0..<keys.count {
                        guard let (document, xml) = try tx.documentWithXML(id: keys.id(i)) else { throw .server("document \(keys.id(i)) vanished") }
                        try writer.addRide(document, pdf: try Documents.pdf(xml, field: "document").pdf)
                        done += 1
                        try step(done, of: steps, ctx: ctx, progress: progress)
                    }
                }
                try writer.finish(manifestHead: [
                    JSONMember("format", .string(ExportManifest.format)), JSONMember("version", .int(ExportManifest.version)),
                    JSONMember("tenant", .string(tenant.id)), JSONMember("filters", filters),
                ]) { i in i < keys.count ? "documents/\(keys.accessKey(i)).xml" : "ride/\(keys.accessKey(i - keys.count)).pdf" }
                let tally = writer.tally
                export.subtotal = tally.money(tally.subtotal)
                export.tax = tally.money(tally.tax)
                export.total = tally.money(tally.total)
                export.fileCount = writer.fileCount
                try paths.publish()
                guard let digest = SHA256Stream.file(paths.final), let size = FileSystem.size(paths.final) else {
                    throw .server("cannot read back the archive \(paths.final)")
                }
                export.sha256 = Hex.encode(digest)
                export.size = size
                return export
            } catch {
                writer.pipeline.close()
                job.abandon(store: store)
                throw error
            }
        }
    }

    private static func step(_ done: Int, of total: Int, ctx: MutationContext, progress: (Int, Int) -> Void) throws(FolioError) {
        if ctx.isCancelled() { throw FolioError.interrupted }
        if done % 100 == 0 || done == total { progress(done, total) }
    }

    public static func show(store: Store, id: String) throws(FolioError) -> Export {
        try store.read { tx throws(FolioError) in try find(id, in: tx) }
    }

    /// A page of exports, newest first, of one tenant or every one.
    public static func list(store: Store, tenant: String?, status: ExportStatus?, page: PageRequest) throws(FolioError) -> Page<Export> {
        if let cursor = page.cursor, !ULID.isValid(cursor, prefix: .export) {
            throw .validation("the cursor '\(cursor)' is not one this command gave out", field: "cursor", remedy: .restartList(sortedBy: nil))
        }
        return try store.read { tx throws(FolioError) in
            let tenantId = try tenant.map { (h: String) throws(FolioError) -> String in try Tenants.find(h, in: tx).id }
            return try tx.exports(tenantId: tenantId, status: status, after: page.cursor, limit: page.limit)
        }
    }

    /// The archive file of a completed export.
    public static func archivePath(store: Store, id: String) throws(FolioError) -> (export: Export, path: String) {
        let export = try show(store: store, id: id)
        guard export.status == .completed else {
            throw .invalidState("export \(export.id) was pruned at \(export.prunedAt?.rfc3339 ?? "?"); its archive is gone")
        }
        let path = store.exportsDirectory + "/" + export.fileName
        guard FileSystem.exists(path) else { throw .notFound("the archive of export \(export.id) is missing from \(path)") }
        return (export, path)
    }

    static func find(_ id: String, in tx: StoreTransaction) throws(FolioError) -> Export {
        guard ULID.isValid(id, prefix: .export) else {
            throw .validation("'\(id)' is not an export id (exp_ and 26 characters)", field: "export")
        }
        guard let found = try tx.export(id: id) else { throw .notFound("no export '\(id)'", remedy: .listExports) }
        return found
    }
}

/// The file of one export being made: its temporary name, its lock and its clean-up.
public final class ExportJob: @unchecked Sendable {
    public internal(set) var mutation: Mutation<Export>!
    /// The export's id once its slow part began.
    public internal(set) var id: String?
    var lock: FileLock?

    init() {}

    /// Removes the archive (temporary or renamed) of an export whose row was not written. Does
    /// nothing once the row exists.
    public func abandon(store: Store) {
        defer { lock?.release() }
        guard let id else { return }
        if (try? store.read({ tx throws(FolioError) in try tx.exportExists(id: id) })) == true { return }
        let paths = ExportPaths(store: store, id: id)
        FileSystem.remove(paths.temporary)
        FileSystem.remove(paths.final)
    }

    /// Drops the lock once the row committed.
    public func finished() { lock?.release() }
}

/// Where an export's archive is written and published.
struct ExportPaths {
    var temporary: String
    var final: String

    init(store: Store, id: String) {
        temporary = store.exportsDirectory + "/." + id + ".zip.tmp"
        final = store.exportsDirectory + "/" + id + ".zip"
    }

    /// Flushes the archive, renames it and syncs the directory, so that the archive and its
    /// name are on disk before its row.
    func publish() throws(FolioError) {
        do throws(FileSystemError) {
            try FileSystem.syncFile(temporary)
            try FileSystem.setMode(temporary, 0o600)
            try FileSystem.rename(temporary, final)
            try FileSystem.syncDirectory(FileSystem.parentDirectory(final))
        } catch { throw .storeFile(error) }
    }
}
