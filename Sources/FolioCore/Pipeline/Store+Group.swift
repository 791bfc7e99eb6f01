import FolioSupport

/// What a group of mutations has staged so far.
struct GroupState {
    var staged: [StagedFile] = []
}

extension Store {
    /// Runs several mutations in one write transaction (group commit). Inside `body`, every
    /// `perform` (and every read) is a savepoint of it: a mutation that fails is rolled back
    /// alone, with its audit entry, event and sequential, and the others go on; the ones that
    /// succeed become durable together when the group commits. Nothing of a group is visible to
    /// other processes, and no staged file is published, before that commit, so callers print
    /// a group's results only after `group` returns.
    ///
    /// A batch of invoices uses this to write each shared B-tree page once per group instead of
    /// once per invoice. Returns `body`'s value and the warnings of publishing staged files.
    public func group<T>(_ body: () throws(FolioError) -> T) throws(FolioError) -> (value: T, warnings: [String]) {
        precondition(grouped == nil, "groups do not nest")
        try connection.begin(.write)
        grouped = GroupState()
        let value: T
        do throws(FolioError) {
            value = try body()
            try connection.commit()
        } catch {
            connection.rollback()
            for file in grouped?.staged ?? [] { FileSystem.remove(file.temporaryPath) }
            grouped = nil
            throw error
        }
        let staged = grouped?.staged ?? []
        grouped = nil
        return (value, publish(staged))
    }

    /// One savepoint inside a group: released when `body` succeeds, rolled back when it throws.
    func savepoint<T>(_ body: (StoreTransaction) throws(FolioError) -> T) throws(FolioError) -> T {
        try connection.savepoint("folio_mutation")
        do throws(FolioError) {
            let value = try body(StoreTransaction(connection))
            try connection.release("folio_mutation")
            return value
        } catch {
            connection.rollback(to: "folio_mutation")
            try? connection.release("folio_mutation")
            throw error
        }
    }
}
