import FolioCrypto
import FolioSupport

/// A key that passed the offline checks of `ApiKeyFormat.parse`: right prefix, length,
/// alphabet and checksum. Whether it exists is for the store to say.
public struct ParsedApiKey: Sendable, Equatable {
    public let environment: Environment
    /// SHA-256 of the whole key, lowercase hex: what the store keeps and looks up.
    public let hash: String
    /// The displayed start (`folio_test_AbCd`): safe to print.
    public let start: String
}

/// Why a string is not a key, found without any store lookup.
public enum KeyFormatProblem: String, Sendable, Error {
    /// Not `folio_test_`/`folio_live_` followed by 36 base62 characters (truncated, extended,
    /// wrong prefix, stray characters).
    case malformed
    /// The right shape, but the last 6 characters are not the CRC32 of the 30 before them:
    /// a typo, or a character changed.
    case badChecksum = "bad_checksum"
}

/// The API key format of DESIGN §6: `folio_test_`/`folio_live_`, 30 base62 characters of
/// OpenSSL randomness, then 6 base62 characters of the CRC32 (zlib) of those 30, big-endian,
/// left-padded with `0`, alphabet `0-9A-Za-z`. The store keeps only the SHA-256 of the whole
/// key and its displayed start (prefix + 4 characters).
public enum ApiKeyFormat {
    public static let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".utf8)
    public static let randomLength = 30
    public static let checksumLength = 6
    public static let prefixLength = 11                  // "folio_test_"
    public static let startLength = prefixLength + 4     // "folio_test_AbCd"
    public static let keyLength = prefixLength + randomLength + checksumLength

    public static func prefix(for environment: Environment) -> String {
        environment == .production ? "folio_live_" : "folio_test_"
    }

    /// A new key for `environment`.
    public static func generate(_ environment: Environment) -> String {
        let body = randomBase62(count: randomLength)
        return prefix(for: environment) + String(decoding: body, as: UTF8.self) + checksum(of: body)
    }

    /// `count` base62 characters from `source` (OpenSSL's RNG). Bytes ≥ 248 are rejected and
    /// redrawn so that `byte % 62` is uniform: 248 = 4 × 62, keeping no modulo bias.
    public static func randomBase62(count: Int, source: (Int) -> [UInt8] = SecureRandom.bytes) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(count)
        while out.count < count {
            for byte in source(count - out.count + 8) where byte < 248 && out.count < count {
                out.append(alphabet[Int(byte % 62)])
            }
        }
        return out
    }

    /// `value` in base62, most significant digit first, left-padded with `0` to `width`.
    public static func base62(_ value: UInt32, width: Int) -> String {
        var digits = [UInt8](repeating: alphabet[0], count: width)
        var v = UInt64(value)
        var i = width - 1
        while v > 0 && i >= 0 {
            digits[i] = alphabet[Int(v % 62)]
            v /= 62
            i -= 1
        }
        return String(decoding: digits, as: UTF8.self)
    }

    /// The 6-character checksum of the random part: CRC32 in base62 (62^6 > 2^32, so it fits).
    public static func checksum(of random: [UInt8]) -> String {
        base62(CRC32.checksum(random), width: checksumLength)
    }

    /// SHA-256 of the whole key as lowercase hex.
    public static func hash(_ key: String) -> String { Hex.encode(Digest.sha256(Array(key.utf8))) }

    static func isBase62(_ byte: UInt8) -> Bool {
        (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
    }

    /// Checks `text` offline: shape, then checksum. Never consults the store.
    public static func parse(_ text: String) -> Result<ParsedApiKey, KeyFormatProblem> {
        let bytes = Array(text.utf8)
        guard bytes.count == keyLength else { return .failure(.malformed) }
        let environment: Environment
        if bytes.starts(with: Array("folio_test_".utf8)) { environment = .sandbox }
        else if bytes.starts(with: Array("folio_live_".utf8)) { environment = .production }
        else { return .failure(.malformed) }
        let rest = bytes[prefixLength...]
        guard rest.allSatisfy(isBase62) else { return .failure(.malformed) }
        let random = Array(rest.prefix(randomLength))
        let given = Array(rest.suffix(checksumLength))
        guard ConstantTime.equals(Array(checksum(of: random).utf8), given) else { return .failure(.badChecksum) }
        return .success(ParsedApiKey(environment: environment, hash: hash(text),
                                     start: String(decoding: bytes.prefix(startLength), as: UTF8.self)))
    }

    /// Whether `text` has the shape of a displayed start (`folio_test_AbCd`), which commands
    /// accept as a handle.
    public static func isDisplayedStart(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == startLength,
              bytes.starts(with: Array("folio_test_".utf8)) || bytes.starts(with: Array("folio_live_".utf8)) else { return false }
        return bytes[prefixLength...].allSatisfy(isBase62)
    }
}
