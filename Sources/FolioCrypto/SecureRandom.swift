internal import COpenSSL

/// Cryptographically secure random bytes from OpenSSL's DRBG.
public enum SecureRandom {
    /// `count` random bytes. Traps only if the RNG fails (no entropy source): carrying on with
    /// predictable keys or nonces would be worse than stopping.
    public static func bytes(_ count: Int) -> [UInt8] {
        precondition(count >= 0, "negative byte count")
        var out = [UInt8](repeating: 0, count: count)
        var offset = 0
        while offset < count {
            let chunk = Swift.min(count - offset, Int(Int32.max))
            let ok = out.withUnsafeMutableBufferPointer { RAND_bytes($0.baseAddress! + offset, Int32(chunk)) }
            precondition(ok == 1, "RAND_bytes failed: \(OpenSSLErrorQueue.drain().map(\.text))")
            offset += chunk
        }
        return out
    }
}
