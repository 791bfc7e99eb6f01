import FolioSupport

/// Who is acting and how: everything the pipeline needs besides the change itself.
public struct MutationContext: Sendable {
    public var actor: String
    /// The command path as typed, e.g. "tenants register" (for the audit log).
    public var command: String
    public var idempotencyKey: String?
    /// A stable digest of the command and its arguments: the same key with another fingerprint
    /// is an `idempotency_conflict`.
    public var fingerprint: String
    public var dryRun: Bool
    /// The command's "now": one instant for the whole change, from its clock.
    public var now: Timestamp
    /// Where the change's ids come from (the same clock).
    public var ids: IDGenerator
    /// Whether the work was asked to stop (a signal): asked just before COMMIT, and between the
    /// lines of a batch; a change asked to stop is rolled back.
    public var isCancelled: @Sendable () -> Bool
    /// In a batch, what the lines of the current group prepared so far expect to take (nil
    /// outside a batch): their work is prepared before the group's transaction, in line order.
    public var group: GroupForecast?

    public init(actor: String, command: String, idempotencyKey: String?, fingerprint: String, dryRun: Bool,
                now: Timestamp, ids: IDGenerator, isCancelled: @escaping @Sendable () -> Bool = { false }) {
        self.isCancelled = isCancelled
        self.actor = actor
        self.command = command
        self.idempotencyKey = idempotencyKey
        self.fingerprint = fingerprint
        self.dryRun = dryRun
        self.now = now
        self.ids = ids
    }
}

/// An audit entry a change asks the pipeline to write.
public struct AuditRecord: Sendable {
    public var action: String
    public var targetId: String?
    public var tenantId: String?
    public var outcome: String
    public var details: JSONValue
    public init(action: String, targetId: String?, tenantId: String?, outcome: String = "ok",
                details: JSONValue = .object([])) {
        self.action = action
        self.targetId = targetId
        self.tenantId = tenantId
        self.outcome = outcome
        self.details = details
    }
}

/// A domain event (the future webhook outbox) a change asks the pipeline to write.
public struct DomainEvent: Sendable {
    public var type: EventType
    public var tenantId: String?
    public var targetId: String?
    public var payload: JSONValue
    public init(type: EventType, tenantId: String?, targetId: String?, payload: JSONValue) {
        self.type = type
        self.tenantId = tenantId
        self.targetId = targetId
        self.payload = payload
    }
}

/// Work outside the database that belongs to a change, done only when it commits: files
/// staged before COMMIT under a temporary name and published after it.
public enum SideEffect: Sendable {
    /// A file for one of the store's folders.
    case file(StoreFile)
    /// An RFC 5322 message: a file in `outbox/`, or piped to `FOLIO_SENDMAIL` when that is set.
    case mail(OutgoingMail)
}

/// A file a change writes into the store's data directory.
public struct StoreFile: Sendable {
    public enum Folder: String, Sendable { case outbox, exports }
    public var folder: Folder
    /// The file's name in `folder` (no slashes).
    public var name: String
    public var bytes: [UInt8]
    public init(folder: Folder, name: String, bytes: [UInt8]) {
        self.folder = folder
        self.name = name
        self.bytes = bytes
    }
}

/// What a service's change produced: its result, and the audit entries, events and side
/// effects that must commit with it.
public struct Change<Result> {
    public var result: Result
    public var audit: [AuditRecord]
    public var events: [DomainEvent]
    public var sideEffects: [SideEffect]
    /// The exit status this result deserves (0 almost always; `keys scan` may say 6).
    public var exitStatus: Int32

    public init(_ result: Result, audit: [AuditRecord] = [], events: [DomainEvent] = [],
                sideEffects: [SideEffect] = [], exitStatus: Int32 = 0) {
        self.result = result
        self.audit = audit
        self.events = events
        self.sideEffects = sideEffects
        self.exitStatus = exitStatus
    }
}

/// A change to the store, as a value: the CLI hands it to `Store.perform`.
///
/// A change with slow work (generating an RSA key, opening a PKCS#12 file, signing) does it
/// ahead: `Store.perform` runs `prepare` before it takes the write lock, so that other writers
/// (every `keys verify` is one) do not wait for it. See `init(ahead:body:)`.
public struct Mutation<Result> {
    /// The slow part, run by the pipeline with no write transaction open; nil for most changes.
    let prepare: ((Store, MutationContext) throws(FolioError) -> Void)?
    let body: (StoreTransaction, MutationContext) throws(FolioError) -> Change<Result>

    public init(_ body: @escaping (StoreTransaction, MutationContext) throws(FolioError) -> Change<Result>) {
        self.prepare = nil
        self.body = body
    }

    /// A change whose slow part runs before the write transaction. `ahead` reads what it needs
    /// in its own read transactions (`store.read`) and does the slow work with no transaction
    /// open; what it makes is handed to `body`, inside the write transaction.
    ///
    /// What `ahead` read is a snapshot that another writer may have changed since, so `body`
    /// checks what the prepared work rests on against the current state, and redoes it (under
    /// the lock) when that changed. `body` gets nil when `ahead` did not run: the pipeline
    /// expected a replay of an idempotency key that was gone by the time it wrote, or the change
    /// runs inside another one (`mutation.body(tx, ctx)`); it then does everything itself. A
    /// failure of `ahead` is the change's failure, found without the write lock.
    public init<Prepared>(ahead: @escaping (Store, MutationContext) throws(FolioError) -> Prepared,
                          body: @escaping (Prepared?, StoreTransaction, MutationContext) throws(FolioError) -> Change<Result>) {
        let slot = PreparedSlot<Prepared>()
        self.prepare = { store, ctx throws(FolioError) in slot.value = try ahead(store, ctx) }
        self.body = { tx, ctx throws(FolioError) in
            // Taken, not read: a mutation performed again prepares again rather than reusing a
            // key or a signature that was stored already.
            let prepared = slot.value
            slot.value = nil
            return try body(prepared, tx, ctx)
        }
    }
}

/// Where a mutation's prepared work waits between `prepare` and `body`.
private final class PreparedSlot<Value> {
    var value: Value?
}

/// What `Store.perform` did: the change's result (first time or dry run), or the record of the
/// first call's result (a replay of an idempotency key), which the caller renders again.
public struct MutationOutcome<Result> {
    public enum Kind: Sendable { case performed, replayed, dryRun }
    public var kind: Kind
    /// The result, unless `kind` is `.replayed`.
    public var result: Result?
    /// The first call's recorded result, when `kind` is `.replayed`.
    public var recorded: [UInt8]?
    public var exitStatus: Int32
    /// Problems after commit that did not undo the change (e.g. sendmail failed; the message
    /// stayed in the outbox).
    public var warnings: [String]
}
