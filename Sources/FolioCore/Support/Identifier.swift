import FolioCrypto
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

    public static func generate(_ prefix: IDPrefix) -> String {
        prefix.rawValue + monotonic.next(milliseconds: currentMilliseconds())
    }

    /// Ids made by one process sort in the order they were made, also within one millisecond:
    /// the random part of the previous id plus one (the ULID spec's monotonic mode).
    private static let monotonic = MonotonicULID()

    /// Whether `text` is `prefix` followed by a well-formed ULID.
    public static func isValid(_ text: String, prefix: IDPrefix) -> Bool {
        guard text.hasPrefix(prefix.rawValue) else { return false }
        let body = text.utf8.dropFirst(prefix.rawValue.utf8.count)
        return body.count == 26 && body.allSatisfy { alphabet.contains($0) }
    }
}

#if canImport(Glibc)
import Glibc
#endif

func currentMilliseconds() -> UInt64 {
    var ts = timespec()
    clock_gettime(CLOCK_REALTIME, &ts)
    return UInt64(ts.tv_sec) * 1000 + UInt64(ts.tv_nsec) / 1_000_000
}

/// The state of monotonic ULID generation, behind a lock (commands may run work on threads).
final class MonotonicULID: Sendable {
    private struct State {
        var milliseconds: UInt64 = 0
        var random: [UInt8] = []
    }
    private let state = Mutex(State())

    func next(milliseconds now: UInt64) -> String {
        state.withLock { last in
            if now <= last.milliseconds, !last.random.isEmpty, MonotonicULID.increment(&last.random) {
                return ULID.make(milliseconds: last.milliseconds, random: last.random)
            }
            last.milliseconds = max(now, last.milliseconds)
            last.random = SecureRandom.bytes(10)
            return ULID.make(milliseconds: last.milliseconds, random: last.random)
        }
    }

    /// Adds one to a big-endian number; false when it overflowed (then fresh randomness is used).
    private static func increment(_ bytes: inout [UInt8]) -> Bool {
        for i in bytes.indices.reversed() {
            bytes[i] &+= 1
            if bytes[i] != 0 { return true }
        }
        return false
    }
}
