internal import COpenSSL

/// An owned in-memory `BIO`. Input bytes are copied in (unlike `BIO_new_mem_buf`, which would
/// borrow a Swift buffer beyond its lifetime).
final class MemoryBIO {
    let raw: OpaquePointer

    init() throws(CryptoError) {
        guard let bio = BIO_new(BIO_s_mem()) else { throw CryptoError.openssl("BIO_new failed") }
        raw = bio
    }

    convenience init(_ bytes: [UInt8]) throws(CryptoError) {
        try self.init()
        var offset = 0
        while offset < bytes.count {
            let chunk = min(bytes.count - offset, Int(Int32.max))
            let written = bytes.withUnsafeBufferPointer { BIO_write(raw, $0.baseAddress! + offset, Int32(chunk)) }
            guard written == Int32(chunk) else { throw CryptoError.openssl("BIO_write failed") }
            offset += chunk
        }
    }

    deinit { BIO_free(raw) }

    /// Everything written to the BIO so far.
    func bytes() -> [UInt8] {
        var pointer: UnsafeMutablePointer<CChar>? = nil
        let length = folio_BIO_get_mem_data(raw, &pointer)
        guard length > 0, let pointer else { return [] }
        return pointer.withMemoryRebound(to: UInt8.self, capacity: length) {
            Array(UnsafeBufferPointer(start: $0, count: length))
        }
    }

    func string() -> String { String(decoding: bytes(), as: UTF8.self) }
}
