import FolioCrypto

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
        prefix.rawValue + make(milliseconds: currentMilliseconds(), random: SecureRandom.bytes(10))
    }

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
