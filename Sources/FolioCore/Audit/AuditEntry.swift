import FolioCrypto
import FolioSupport

/// One row of the append-only audit log: who did what to which target, when, with what outcome.
/// Never holds a secret.
public struct AuditEntry: Sendable {
    public var seq: Int64
    public var id: String
    public var time: Timestamp
    public var actor: String
    public var command: String
    public var action: String
    public var targetId: String?
    public var tenantId: String?
    public var outcome: String
    public var details: JSONValue
    /// The stored text of `details` and `time`, exactly as hashed (verification must not
    /// depend on re-serialising).
    var rawDetails: String
    var rawTime: String

    init(seq: Int64, id: String, time: Timestamp, actor: String, command: String, action: String,
         targetId: String?, tenantId: String?, outcome: String, details: JSONValue,
         rawDetails: String? = nil, rawTime: String? = nil) {
        self.seq = seq
        self.id = id
        self.time = time
        self.actor = actor
        self.command = command
        self.action = action
        self.targetId = targetId
        self.tenantId = tenantId
        self.outcome = outcome
        self.details = details
        self.rawDetails = rawDetails ?? details.compactText()
        self.rawTime = rawTime ?? time.rfc3339
    }

    /// The chain hash: SHA-256 over the previous row's hash and every field of this row.
    func chainHash(previous: String) -> String {
        AuditLink(seq: seq, id: id, time: rawTime, actor: actor, command: command, action: action, targetId: targetId,
                  tenantId: tenantId, outcome: outcome, details: rawDetails, prevHash: previous, hash: "")
            .chainHash(previous: previous)
    }

    /// The hash the first row chains to.
    static let genesisHash = String(repeating: "0", count: 64)
}

/// One audit row as stored, each hashed field as its stored text: what verification reads, so
/// that it depends on no parsing (a row edited into an unreadable time or details is reported
/// as a broken link, not a read error) and on no re-serialising.
struct AuditLink {
    var seq: Int64
    var id: String
    var time: String
    var actor: String
    var command: String
    var action: String
    var targetId: String?
    var tenantId: String?
    var outcome: String
    var details: String
    var prevHash: String
    var hash: String

    /// What `hash` must be when the row is as written, chained to `previous`: SHA-256 over
    /// `previous` and every field, as a compact JSON array (unambiguous: no field can bleed
    /// into the next).
    func chainHash(previous: String) -> String {
        let fields: [JSONValue] = [
            .string(previous), .number(String(seq)), .string(id), .string(time), .string(actor),
            .string(command), .string(action), targetId.map(JSONValue.string) ?? .null,
            tenantId.map(JSONValue.string) ?? .null, .string(outcome), .string(details),
        ]
        return Hex.encode(Digest.sha256(Array(JSONValue.array(fields).compactText().utf8)))
    }
}
