internal import COpenSSL

/// AES-256-GCM authenticated encryption, for secrets at rest (private keys, webhook secrets).
///
/// Sealed format: 12-byte random nonce || ciphertext || 16-byte tag. Random 96-bit nonces are safe
/// for far more messages under one key than Folio will ever seal.
public enum AESGCM {
    public static let keyByteCount = 32
    public static let nonceByteCount = 12
    public static let tagByteCount = 16

    /// Encrypts and authenticates `plaintext` (and authenticates `aad`) under a 32-byte key.
    public static func seal(_ plaintext: [UInt8], key: [UInt8], aad: [UInt8] = []) throws(CryptoError) -> [UInt8] {
        try checkKey(key)
        let nonce = SecureRandom.bytes(nonceByteCount)
        let context = try CipherContext(key: key, nonce: nonce, encrypt: true)
        try context.authenticate(aad)
        var out = nonce
        out += try context.update(plaintext)
        try context.finish()
        out += try context.tag()
        return out
    }

    /// Decrypts the output of `seal`. Throws `.verificationFailed` when the tag does not match
    /// (wrong key, wrong `aad`, or tampered data) and `.invalidInput` when `sealed` is too short.
    public static func open(_ sealed: [UInt8], key: [UInt8], aad: [UInt8] = []) throws(CryptoError) -> [UInt8] {
        try checkKey(key)
        guard sealed.count >= nonceByteCount + tagByteCount else {
            throw CryptoError.invalidInput("AES-GCM sealed data is too short (\(sealed.count) bytes)")
        }
        let nonce = Array(sealed[..<nonceByteCount])
        let ciphertext = Array(sealed[nonceByteCount..<(sealed.count - tagByteCount)])
        let tag = Array(sealed[(sealed.count - tagByteCount)...])
        let context = try CipherContext(key: key, nonce: nonce, encrypt: false)
        try context.authenticate(aad)
        var plaintext = try context.update(ciphertext)
        try context.setTag(tag)
        do {
            try context.finish()
        } catch {
            // Never hand out unauthenticated plaintext.
            wipe(&plaintext)
            OpenSSLErrorQueue.clear()
            throw CryptoError(kind: .verificationFailed, message: "AES-GCM authentication failed (wrong key or tampered data)")
        }
        return plaintext
    }

    private static func checkKey(_ key: [UInt8]) throws(CryptoError) {
        guard key.count == keyByteCount else {
            throw CryptoError.invalidInput("AES-256-GCM needs a \(keyByteCount)-byte key, got \(key.count)")
        }
    }

    static func wipe(_ bytes: inout [UInt8]) {
        bytes.withUnsafeMutableBytes { if let base = $0.baseAddress { OPENSSL_cleanse(base, $0.count) } }
    }
}

/// An owned `EVP_CIPHER_CTX` set up for AES-256-GCM.
private final class CipherContext {
    let raw: OpaquePointer
    let encrypt: Bool

    init(key: [UInt8], nonce: [UInt8], encrypt: Bool) throws(CryptoError) {
        guard let ctx = EVP_CIPHER_CTX_new() else { throw CryptoError.openssl("EVP_CIPHER_CTX_new failed") }
        raw = ctx
        self.encrypt = encrypt
        let cipher = EVP_aes_256_gcm()
        let ok = encrypt
            ? EVP_EncryptInit_ex(ctx, cipher, nil, nil, nil) == 1
                && folio_EVP_CIPHER_CTX_set_gcm_ivlen(ctx, Int32(nonce.count)) == 1
                && EVP_EncryptInit_ex(ctx, nil, nil, key, nonce) == 1
            : EVP_DecryptInit_ex(ctx, cipher, nil, nil, nil) == 1
                && folio_EVP_CIPHER_CTX_set_gcm_ivlen(ctx, Int32(nonce.count)) == 1
                && EVP_DecryptInit_ex(ctx, nil, nil, key, nonce) == 1
        guard ok else { throw CryptoError.openssl("AES-GCM initialisation failed") }
    }

    deinit { EVP_CIPHER_CTX_free(raw) }

    /// Feeds additional authenticated data (not encrypted).
    func authenticate(_ aad: [UInt8]) throws(CryptoError) {
        guard !aad.isEmpty else { return }
        _ = try update(aad, output: false)
    }

    /// Encrypts or decrypts `input`; GCM is a stream mode, so output length equals input length.
    func update(_ input: [UInt8], output: Bool = true) throws(CryptoError) -> [UInt8] {
        guard !input.isEmpty else { return [] }
        var out = [UInt8](repeating: 0, count: output ? input.count : 0)
        var failed = false
        var produced = 0
        input.withUnsafeBufferPointer { inBuffer in
            out.withUnsafeMutableBufferPointer { outBuffer in
                var offset = 0
                // The C length is an int: process huge inputs in chunks.
                while offset < inBuffer.count && !failed {
                    let chunk = min(inBuffer.count - offset, 1 << 30)
                    var written: Int32 = 0
                    let target = output ? outBuffer.baseAddress! + produced : nil
                    let ok = encrypt
                        ? EVP_EncryptUpdate(raw, target, &written, inBuffer.baseAddress! + offset, Int32(chunk))
                        : EVP_DecryptUpdate(raw, target, &written, inBuffer.baseAddress! + offset, Int32(chunk))
                    if ok != 1 { failed = true }
                    if output { produced += Int(written) }
                    offset += chunk
                }
            }
        }
        guard !failed, !output || produced == input.count else { throw CryptoError.openssl("AES-GCM update failed") }
        return out
    }

    func finish() throws(CryptoError) {
        var scratch = [UInt8](repeating: 0, count: 32)
        var written: Int32 = 0
        let ok = encrypt ? EVP_EncryptFinal_ex(raw, &scratch, &written) : EVP_DecryptFinal_ex(raw, &scratch, &written)
        guard ok == 1 else { throw CryptoError.openssl("AES-GCM final failed") }
    }

    func tag() throws(CryptoError) -> [UInt8] {
        var tag = [UInt8](repeating: 0, count: AESGCM.tagByteCount)
        guard folio_EVP_CIPHER_CTX_get_gcm_tag(raw, Int32(tag.count), &tag) == 1 else {
            throw CryptoError.openssl("cannot read the AES-GCM tag")
        }
        return tag
    }

    func setTag(_ tag: [UInt8]) throws(CryptoError) {
        var copy = tag
        guard folio_EVP_CIPHER_CTX_set_gcm_tag(raw, Int32(copy.count), &copy) == 1 else {
            throw CryptoError.openssl("cannot set the AES-GCM tag")
        }
    }
}
