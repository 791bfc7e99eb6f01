internal import COpenSSL

// DER (de)serialisation through OpenSSL's i2d_* / d2i_* function pairs.

/// Serialises an OpenSSL object with an `i2d_*`-style function (called once to size, once to write).
func derEncode(_ encode: (UnsafeMutablePointer<UnsafeMutablePointer<UInt8>?>?) -> Int32,
               what: String) throws(CryptoError) -> [UInt8] {
    let length = encode(nil)
    guard length > 0 else { throw CryptoError.openssl("cannot DER-encode \(what)") }
    var out = [UInt8](repeating: 0, count: Int(length))
    let written = out.withUnsafeMutableBufferPointer { buffer -> Int32 in
        var cursor: UnsafeMutablePointer<UInt8>? = buffer.baseAddress
        return encode(&cursor)
    }
    guard written == length else { throw CryptoError.openssl("cannot DER-encode \(what)") }
    return out
}

/// Parses DER with a `d2i_*`-style function, requiring that it consumes every byte.
func derDecode(_ der: [UInt8], what: String, free: (OpaquePointer) -> Void,
               _ decode: (UnsafeMutablePointer<UnsafePointer<UInt8>?>, Int) -> OpaquePointer?) throws(CryptoError) -> OpaquePointer {
    guard !der.isEmpty else { throw CryptoError.invalidInput("empty \(what)") }
    var consumed = 0
    let object = der.withUnsafeBufferPointer { buffer -> OpaquePointer? in
        var cursor: UnsafePointer<UInt8>? = buffer.baseAddress
        let result = decode(&cursor, buffer.count)
        if let cursor, let base = buffer.baseAddress { consumed = cursor - base }
        return result
    }
    guard let object else { throw CryptoError.openssl("cannot parse \(what) DER", kind: .invalidInput) }
    guard consumed == der.count else {
        free(object)
        throw CryptoError.invalidInput("\(what) DER has \(der.count - consumed) trailing bytes")
    }
    return object
}
