/// A resource that a write transaction holds alone from the moment it asks until it ends: one
/// for each place whose correctness rests on no other writer reading the same value between
/// this transaction's read and its commit. On SQLite that is true of every write transaction
/// (one writer per database, see `SQLiteConnection.lock`); a backend with concurrent writers
/// takes a real lock here (PostgreSQL: `pg_advisory_xact_lock` on a hash of `name`, or
/// `SELECT … FOR UPDATE` of the row), so each place asks before it reads.
enum StoreLock: Hashable, Sendable {
    /// The head of the audit chain: the next row's seq and prev_hash come from the last row.
    case auditChainHead
    /// The sequential counter of one issuer, document type and series: no gap, no duplicate.
    case sequentialSeries(issuerId: String, documentType: String, series: String)
    /// The rate-limit window of one API key, named by the key's SHA-256 because the lock is
    /// taken before the key's row is read (and the hash is what finds the row).
    case rateLimitWindow(keyHash: String)
    /// One idempotency key: from looking for its record to storing it, one claimant.
    case idempotencyKey(String)
    /// The master key's check value: a rotation replaces it and re-seals every secret; a
    /// mutation that seals under the key it opened holds it from checking the value to commit.
    case masterKey

    /// A stable name of the resource (what an advisory lock would hash), e.g. `audit-chain-head`.
    var name: String {
        switch self {
        case .auditChainHead: return "audit-chain-head"
        case .sequentialSeries(let issuer, let type, let series): return "sequential:\(issuer):\(type):\(series)"
        case .rateLimitWindow(let hash): return "rate-limit:\(hash)"
        case .idempotencyKey(let key): return "idempotency:\(key)"
        case .masterKey: return "master-key"
        }
    }
}
