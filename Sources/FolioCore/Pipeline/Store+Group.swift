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
    ///
    /// With `rollingBack`, the whole group is rolled back at the end instead (a batch's dry run:
    /// each mutation sees the ones before it, so it shows the numbers it would really get).
    public func group<T>(rollingBack: Bool = false, _ body: () throws(FolioError) -> T) throws(FolioError) -> (value: T, warnings: [String]) {
        precondition(grouped == nil, "groups do not nest")
        try connection.begin(.write)
        grouped = GroupState()
        let value: T
        do throws(FolioError) { value = try body() } catch {
            connection.rollback()
            discard(grouped?.staged ?? [])
            grouped = nil
            throw error
        }
        let staged = grouped?.staged ?? []
        grouped = nil
        if rollingBack {
            connection.rollback()
            discard(staged)
            return (value, [])
        }
        do throws(FolioError) { try connection.commit() } catch {
            connection.rollback()
            discard(staged)
            throw error
        }
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
