internal import COpenSSL

/// The message digests Folio uses: SHA-1 (required by SRI's XAdES profile) and SHA-256.
public enum DigestAlgorithm: Sendable {
    case sha1, sha256

    /// OpenSSL's built-in `EVP_MD` (static, never freed).
    var evpMD: OpaquePointer {
        switch self {
        case .sha1: return EVP_sha1()
        case .sha256: return EVP_sha256()
        }
    }

    /// Digest length in bytes.
    public var byteCount: Int {
        switch self {
        case .sha1: return 20
        case .sha256: return 32
        }
    }
}

/// One-shot hashing and HMAC through OpenSSL.
public enum Digest {
    public static func sha256(_ data: [UInt8]) -> [UInt8] { hash(data, .sha256) }

    public static func sha1(_ data: [UInt8]) -> [UInt8] { hash(data, .sha1) }

    /// OpenSSL's low-level one-shot digests, not EVP: see `folio_sha256` in the COpenSSL shim
    /// for why (start-up cost of EVP's first fetch, and a fetch on every call).
    public static func hash(_ data: [UInt8], _ algorithm: DigestAlgorithm) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: algorithm.byteCount)
        let ok = data.withNonNullBytes { pointer, count in
            out.withUnsafeMutableBufferPointer { buffer in
                switch algorithm {
                case .sha1: return folio_sha1(pointer, count, buffer.baseAddress)
                case .sha256: return folio_sha256(pointer, count, buffer.baseAddress)
                }
            }
        }
        // Hashing memory can only fail if the library is broken.
        precondition(ok == 1, "SHA digest failed: \(OpenSSLErrorQueue.drain().map(\.text))")
        return out
    }

    public static func hmacSHA256(key: [UInt8], data: [UInt8]) -> [UInt8] {
        precondition(key.count <= Int(Int32.max), "HMAC key too long")
        var out = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        // A non-null key pointer matters: OpenSSL 3 treats a NULL key as "no key set" and fails.
        let result = key.withNonNullBytes { keyPointer, keyCount in
            data.withNonNullBytes { dataPointer, dataCount in
                HMAC(EVP_sha256(), keyPointer, Int32(keyCount), dataPointer, dataCount, &out, &length)
            }
        }
        precondition(result != nil, "HMAC failed: \(OpenSSLErrorQueue.drain().map(\.text))")
        return Array(out.prefix(Int(length)))
    }
}

extension Array where Element == UInt8 {
    /// Calls `body` with a pointer that is never NULL, even for an empty array: several OpenSSL
    /// functions reject NULL inputs although the length is zero.
    func withNonNullBytes<R>(_ body: (UnsafePointer<UInt8>, Int) -> R) -> R {
        if isEmpty {
            var zero: UInt8 = 0
            return withUnsafePointer(to: &zero) { body($0, 0) }
        }
        return withUnsafeBufferPointer { body($0.baseAddress!, $0.count) }
    }
}
