import FolioCrypto
import FolioSupport
import Synchronization

/// The id prefixes of DESIGN §6: a type prefix, then a ULID.
public enum IDPrefix: String, Sendable, CaseIterable {
    case tenant = "ten_", issuer = "iss_", key = "key_", document = "doc_", export = "exp_"
    case webhook = "whe_", event = "evt_", attempt = "att_", notification = "ntf_", audit = "aud_"
}

/// ULIDs: 48 bits of milliseconds then 80 random bits, in Crockford base32, so ids sort by
/// creation time and serve as pagination cursors.
public enum ULID {
    static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ".utf8)

    public static func make(milliseconds: UInt64, random: [UInt8]) -> String {
        precondition(random.count == 10)
        var out = [UInt8](repeating: 0, count: 26)
        var t = milliseconds
        for i in stride(from: 9, through: 0, by: -1) {
            out[i] = alphabet[Int(t & 31)]
            t >>= 5
        }
        // 80 random bits → 16 characters of 5 bits.
        var acc: UInt32 = 0
        var bits = 0
        var index = 10
        for byte in random {
            acc = (acc << 8) | UInt32(byte)
            bits += 8
            while bits >= 5 {
                bits -= 5
                out[index] = alphabet[Int((acc >> UInt32(bits)) & 31)]
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether `text` is `prefix` followed by a well-formed ULID.
    public static func isValid(_ text: String, prefix: IDPrefix) -> Bool {
        guard text.hasPrefix(prefix.rawValue) else { return false }
        let body = text.utf8.dropFirst(prefix.rawValue.utf8.count)
        return body.count == 26 && body.allSatisfy { alphabet.contains($0) }
    }
}

/// Makes the ids of one command: ULIDs whose time comes from the command's clock (so a fixed
/// clock in tests fixes it too) and that sort in the order they were made, also within one
/// millisecond: the random part of the previous id plus one (the ULID spec's monotonic mode).
public final class IDGenerator: Sendable {
    let clock: any Clock
    private let state = Mutex(MonotonicState())

    public init(clock: any Clock) { self.clock = clock }

    /// A new id with `prefix`.
    public func make(_ prefix: IDPrefix) -> String {
        let now = UInt64(max(0, clock.milliseconds()))
        return prefix.rawValue + state.withLock { $0.next(milliseconds: now) }
    }
}

struct MonotonicState {
    var milliseconds: UInt64 = 0
    var random: [UInt8] = []

    mutating func next(milliseconds now: UInt64) -> String {
        if now <= milliseconds, !random.isEmpty, MonotonicState.increment(&random) {
            return ULID.make(milliseconds: milliseconds, random: random)
        }
        milliseconds = max(now, milliseconds)
        random = SecureRandom.bytes(10)
        return ULID.make(milliseconds: milliseconds, random: random)
    }

    /// Adds one to a big-endian number; false when it overflowed (then fresh randomness is used).
    static func increment(_ bytes: inout [UInt8]) -> Bool {
        for i in bytes.indices.reversed() {
            bytes[i] &+= 1
            if bytes[i] != 0 { return true }
        }
        return false
    }
}
