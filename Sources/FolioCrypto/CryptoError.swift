internal import COpenSSL

/// A failure in FolioCrypto. `message` is human text; for OpenSSL failures it ends with the text of
/// OpenSSL's error queue (which is drained when the error is made, so no stale entries leak into
/// the next failure).
public struct CryptoError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, for callers that react differently (e.g. ask for the password again).
    public enum Kind: Sendable, Equatable {
        /// OpenSSL reported a failure (details in `message`).
        case openssl
        /// The input is malformed or out of range (bad key length, unparsable DER/PEM, …).
        case invalidInput
        /// A PKCS#12 password did not match (MAC check failed, or decryption failed without a MAC).
        case wrongPassword
        /// No certificate in a PKCS#12 file matches its private key (or it holds no private key).
        case noMatchingKey
        /// An authentication tag or signature did not verify.
        case verificationFailed
    }

    public let kind: Kind
    public let message: String

    public init(kind: Kind, message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }

    /// An error of `kind` whose message is `context` followed by the drained OpenSSL error queue.
    static func openssl(_ context: String, kind: Kind = .openssl) -> CryptoError {
        let queue = OpenSSLErrorQueue.drain()
        let text = queue.isEmpty ? context : "\(context): \(queue.map(\.text).joined(separator: "; "))"
        return CryptoError(kind: kind, message: text)
    }

    static func invalidInput(_ message: String) -> CryptoError {
        OpenSSLErrorQueue.clear()
        return CryptoError(kind: .invalidInput, message: message)
    }
}

/// Reading and clearing OpenSSL's thread-local error queue.
enum OpenSSLErrorQueue {
    struct Entry {
        let code: UInt
        let text: String
        var library: Int32 { ERR_GET_LIB(code) }
        var reason: Int32 { ERR_GET_REASON(code) }
    }

    /// Removes and returns every queued error, oldest first, with OpenSSL's extra data text.
    static func drain() -> [Entry] {
        var entries: [Entry] = []
        while true {
            var data: UnsafePointer<CChar>? = nil
            var flags: Int32 = 0
            let code = ERR_get_error_all(nil, nil, nil, &data, &flags)
            if code == 0 { break }
            var buffer = [CChar](repeating: 0, count: 256)
            ERR_error_string_n(code, &buffer, buffer.count)
            var text = String(decoding: buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) },
                              as: UTF8.self)
            if let data, flags & ERR_TXT_STRING != 0, data.pointee != 0 {
                text += " (\(String(cString: data)))"
            }
            entries.append(Entry(code: code, text: text))
        }
        return entries
    }

    /// Forgets queued errors, after a failure that is reported without OpenSSL's text (or expected).
    static func clear() { ERR_clear_error() }
}
