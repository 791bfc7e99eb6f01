import FolioSupport

/// What a killed export can leave in `exports/`: a temporary archive (`.exp_….zip.tmp`), or an
/// archive renamed into place whose row never committed. Each is locked (`FileLock`) by the
/// process writing it until its row commits, so a file found unlocked and without a row has no
/// writer left: the next export or prune removes it. Files that are not Folio's are left alone.
enum ExportLeftovers {
    static func remove(_ store: Store) {
        for name in FileSystem.names(in: store.exportsDirectory) {
            let id: String
            if name.hasPrefix(".exp_") && name.hasSuffix(".zip.tmp") {
                id = String(name.dropFirst().dropLast(".zip.tmp".count))
            } else if name.hasPrefix("exp_") && name.hasSuffix(".zip") {
                id = String(name.dropLast(".zip".count))
            } else { continue }
            guard ULID.isValid(id, prefix: .export) else { continue }
            let path = store.exportsDirectory + "/" + name
            guard let lock = FileLock.tryLock(path) else { continue }
            defer { lock.release() }
            let row: Export?
            do throws(FolioError) { row = try store.read { tx throws(FolioError) in try tx.export(id: id) } } catch {
                continue   // the store could not be read: leave it
            }
            // No row: a killed run's. A temporary file beside a completed archive, or the file of
            // a pruned export whose deletion was cut short, goes too.
            if let row, !name.hasPrefix("."), row.status == .completed { continue }
            FileSystem.remove(path)
        }
    }
}
