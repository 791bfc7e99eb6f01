import FolioSupport

/// What a prune did (or, in a dry run, would do).
public struct ExportPruning: Sendable {
    /// The exports whose archives are deleted, as they are after the prune.
    public var exports: [Export]
    /// Exports made before this are pruned.
    public var cutoff: Timestamp
    public var bytes: Int64 { exports.reduce(0) { $0 + $1.size } }
}

extension Exports {
    /// Marks every completed export made more than `seconds` ago (of one tenant, or all)
    /// pruned, with an audit entry and an `export.pruned` event each. The archives are deleted
    /// after the rows commit (`removeArchives`): a kill in between leaves files that the next
    /// export or prune removes, never a completed row without its archive.
    public static func prune(olderThan seconds: Int64, tenant: String?) -> Mutation<ExportPruning> {
        Mutation { tx, ctx throws(FolioError) in
            guard seconds > 0 else { throw .validation("the age must be more than 0", field: "olderThan") }
            let tenantId = try tenant.map { (h: String) throws(FolioError) -> String in try Tenants.find(h, in: tx).id }
            let cutoff = ctx.now.adding(seconds: -seconds)
            var pruned: [Export] = []
            var audit: [AuditRecord] = []
            var events: [DomainEvent] = []
            for var export in try tx.completedExports(before: cutoff, tenantId: tenantId) {
                try tx.markExportPruned(id: export.id, at: ctx.now)
                export.status = .pruned
                export.prunedAt = ctx.now
                pruned.append(export)
                audit.append(AuditRecord(action: "export.prune", targetId: export.id, tenantId: export.tenantId,
                                         details: .object([JSONMember("sha256", .string(export.sha256))])))
                events.append(DomainEvent(type: .exportPruned, tenantId: export.tenantId, targetId: export.id, payload: export.json))
            }
            return Change(ExportPruning(exports: pruned, cutoff: cutoff), audit: audit, events: events)
        }
    }

    /// Deletes the archives of pruned exports, and any leftover of a killed export.
    public static func removeArchives(of pruning: ExportPruning, store: Store) {
        for export in pruning.exports { FileSystem.remove(store.exportsDirectory + "/" + export.fileName) }
        ExportLeftovers.remove(store)
    }
}
