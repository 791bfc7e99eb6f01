import FolioCrypto
import FolioSupport

/// The key check value (KCV) of the master key: HMAC-SHA256 of a fixed label under the key,
/// kept in `meta` as `master_key_check`. It tells whether a key is the one the store's secrets
/// are sealed under without decrypting any of them, and without keeping anything that helps to
/// find the key: the key is 32 random bytes, and an HMAC output says nothing about its key.
///
/// `init` records it; migration 4 gives an older store the value `pending`, replaced by the
/// value of the key the next command opens (that key has been the store's key all along).
enum MasterKeyCheck {
    /// Its row in `meta`.
    static let metaName = "master_key_check"
    /// A store that predates check values, until a command opens its key.
    static let pending = "pending"
    /// The label, versioned: another scheme later gets another prefix in the stored value.
    private static let label = Array("folio master key check value, v1".utf8)
    private static let scheme = "hmac-sha256-v1:"

    /// The value recorded for `key`.
    static func value(of key: [UInt8]) -> String {
        scheme + Hex.encode(Digest.hmacSHA256(key: key, data: label))
    }

    /// Whether `stored` is the value of `key`, compared in constant time.
    static func matches(_ stored: String, key: [UInt8]) -> Bool {
        ConstantTime.equals(Array(stored.utf8), Array(value(of: key).utf8))
    }
}
