import FolioSupport

/// A string of the key pattern found in a file, checked offline. It holds the key's hash and
/// displayed start, never the key itself.
public struct KeyCandidate: Sendable, Equatable {
    public var file: String
    public var line: Int
    public var start: String
    /// SHA-256 of the key; nil when its checksum is wrong (then it is not looked up).
    public var hash: String?
}

/// What a key found in a file is: a key of this store in one of its states, a well-formed key
/// this store does not know, or a string whose checksum is wrong.
public enum KeyFindingState: String, Sendable, CaseIterable {
    case active, revoked, expired, unknown
    case badChecksum = "bad_checksum"
}

/// One line of a key scan's report.
public struct KeyFinding: Sendable {
    public var file: String
    public var line: Int
    public var start: String
    public var state: KeyFindingState
    public var keyId: String?
    public var tenantId: String?
    /// Whether this scan revoked it (`--revoke`).
    public var revokedNow: Bool

    public var json: JSONValue {
        .object([
            JSONMember("file", .string(file)),
            JSONMember("line", .int(line)),
            JSONMember("start", .string(start)),
            JSONMember("state", .string(state.rawValue)),
            JSONMember("keyId", keyId.map(JSONValue.string) ?? .null),
            JSONMember("tenantId", tenantId.map(JSONValue.string) ?? .null),
            JSONMember("revoked", .bool(revokedNow)),
        ])
    }
}

extension Keys {
    /// The largest file a scan reads: each file is read whole, so this bounds its memory.
    public static let scanFileLimit = 64 << 20

    /// Finds every string of the pattern `folio_(test|live)_[0-9A-Za-z]{36}` (not part of a
    /// longer run of base62 characters) in the text files below `paths`, and checks each
    /// checksum offline. Binary files and `.git` are skipped; returns the skipped binaries too,
    /// and apart from them the files not read because they are larger than `scanFileLimit`,
    /// which the caller must not pass over in silence.
    public static func findCandidates(in paths: [String]) throws(FolioError)
        -> (candidates: [KeyCandidate], skipped: [String], tooLarge: [String]) {
        var candidates: [KeyCandidate] = []
        var skipped: [String] = []
        var tooLarge: [String] = []
        for file in try FileWalker.files(under: paths) {
            let bytes: [UInt8]
            do throws(FileSystemError) { bytes = try FileSystem.readFile(file, limit: scanFileLimit) } catch {
                if error.isTooLarge { tooLarge.append(file) } else { skipped.append(file) }
                continue
            }
            if FileWalker.isBinary(bytes) { skipped.append(file); continue }
            candidates += candidatesIn(bytes, file: file)
        }
        return (candidates, skipped, tooLarge)
    }

    static func candidatesIn(_ bytes: [UInt8], file: String) -> [KeyCandidate] {
        let folio = Array("folio_".utf8), test = Array("test_".utf8), live = Array("live_".utf8)
        var out: [KeyCandidate] = []
        var line = 1
        var i = 0
        let body = ApiKeyFormat.randomLength + ApiKeyFormat.checksumLength
        while i < bytes.count {
            if bytes[i] == 10 { line += 1; i += 1; continue }
            guard bytes[i] == 0x66, i + ApiKeyFormat.keyLength <= bytes.count,
                  bytes[i..<(i + 6)].elementsEqual(folio),
                  bytes[(i + 6)..<(i + 11)].elementsEqual(test) || bytes[(i + 6)..<(i + 11)].elementsEqual(live) else {
                i += 1
                continue
            }
            var end = i + ApiKeyFormat.prefixLength
            while end < bytes.count, ApiKeyFormat.isBase62(bytes[end]) { end += 1 }
            if end - (i + ApiKeyFormat.prefixLength) == body {
                let text = String(decoding: bytes[i..<end], as: UTF8.self)
                let start = String(text.prefix(ApiKeyFormat.startLength))
                switch ApiKeyFormat.parse(text) {
                case .success(let parsed): out.append(KeyCandidate(file: file, line: line, start: start, hash: parsed.hash))
                case .failure: out.append(KeyCandidate(file: file, line: line, start: start, hash: nil))
                }
            }
            i = end
        }
        return out
    }

    static func finding(_ c: KeyCandidate, tx: StoreTransaction, now: Timestamp) throws(FolioError) -> (KeyFinding, ApiKey?) {
        var finding = KeyFinding(file: c.file, line: c.line, start: c.start, state: .badChecksum, keyId: nil,
                                 tenantId: nil, revokedNow: false)
        guard let hash = c.hash else { return (finding, nil) }
        guard let key = try tx.apiKey(hash: hash, now: now) else {
            finding.state = .unknown
            return (finding, nil)
        }
        finding.state = KeyFindingState(key.status)
        finding.keyId = key.id
        finding.tenantId = key.tenantId
        return (finding, key)
    }

    /// Looks the candidates up by hash (read only).
    public static func scan(_ candidates: [KeyCandidate], store: Store, now: Timestamp) throws(FolioError) -> [KeyFinding] {
        try store.read { tx throws(FolioError) in
            var out: [KeyFinding] = []
            for c in candidates { out.append(try finding(c, tx: tx, now: now).0) }
            return out
        }
    }

    /// Looks the candidates up and revokes the active ones with reason `leaked`, in one
    /// mutation (audited and evented per key).
    public static func scanAndRevoke(_ candidates: [KeyCandidate]) -> Mutation<[KeyFinding]> {
        Mutation { tx, ctx throws(FolioError) in
            var change = Change([KeyFinding]())
            var revoked: [String: Bool] = [:]
            for c in candidates {
                let (found, key) = try finding(c, tx: tx, now: ctx.now)
                var f = found
                if let key, key.status == .active {
                    if revoked[key.id] == nil {
                        let done = try revoke(key, reason: "leaked", tx: tx, ctx: ctx)
                        change.audit.append(done.audit)
                        change.events.append(done.event)
                        revoked[key.id] = true
                    }
                    f.state = .revoked
                    f.revokedNow = true
                }
                change.result.append(f)
            }
            return change
        }
    }
}

extension KeyFindingState {
    /// The state of a key of this store.
    init(_ status: KeyStatus) {
        switch status {
        case .active: self = .active
        case .revoked: self = .revoked
        case .expired: self = .expired
        }
    }
}
