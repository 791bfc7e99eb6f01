internal import COpenSSL

/// A private key (in practice RSA), owning an `EVP_PKEY*`.
public final class PrivateKey: @unchecked Sendable {
    // @unchecked Sendable: the EVP_PKEY is never mutated after creation, and OpenSSL 3 allows
    // concurrent signing with one key.
    let raw: OpaquePointer

    /// Takes ownership of `raw` (one reference).
    init(owning raw: OpaquePointer) { self.raw = raw }

    deinit { EVP_PKEY_free(raw) }

    /// Generates a new RSA key with public exponent 65537.
    public static func generateRSA(bits: Int = 2048) throws(CryptoError) -> PrivateKey {
        guard (1024...16384).contains(bits) else {
            throw CryptoError.invalidInput("RSA key size must be 1024…16384 bits, got \(bits)")
        }
        guard let ctx = EVP_PKEY_CTX_new_from_name(nil, "RSA", nil) else {
            throw CryptoError.openssl("EVP_PKEY_CTX_new_from_name(RSA) failed")
        }
        defer { EVP_PKEY_CTX_free(ctx) }
        var key: OpaquePointer? = nil
        guard EVP_PKEY_keygen_init(ctx) == 1,
              folio_EVP_PKEY_CTX_set_rsa_keygen_bits(ctx, Int32(bits)) == 1,
              EVP_PKEY_generate(ctx, &key) == 1, let key else {
            throw CryptoError.openssl("RSA key generation failed")
        }
        return PrivateKey(owning: key)
    }

    /// Parses a private key from DER: unencrypted PKCS#8 (also accepts traditional PKCS#1 RSA).
    public convenience init(pkcs8DER: [UInt8]) throws(CryptoError) {
        let key = try derDecode(pkcs8DER, what: "private key", free: { EVP_PKEY_free($0) }) { cursor, count in
            d2i_AutoPrivateKey(nil, cursor, count)
        }
        self.init(owning: key)
    }

    /// Parses an unencrypted PEM private key (`PRIVATE KEY` or `RSA PRIVATE KEY`). An encrypted PEM
    /// fails instead of prompting on the terminal.
    public convenience init(pem: String) throws(CryptoError) {
        let bio = try MemoryBIO(Array(pem.utf8))
        guard let key = PEM_read_bio_PrivateKey(bio.raw, nil, noPasswordCallback, nil) else {
            throw CryptoError.openssl("cannot parse PEM private key", kind: .invalidInput)
        }
        self.init(owning: key)
    }

    /// Unencrypted PKCS#8 `PrivateKeyInfo` DER. It is secret: the caller encrypts it (AESGCM) before
    /// storing it.
    public func pkcs8DER() throws(CryptoError) -> [UInt8] {
        guard let info = EVP_PKEY2PKCS8(raw) else { throw CryptoError.openssl("EVP_PKEY2PKCS8 failed") }
        defer { PKCS8_PRIV_KEY_INFO_free(info) }
        return try derEncode({ i2d_PKCS8_PRIV_KEY_INFO(info, $0) }, what: "PKCS#8 private key")
    }

    /// Unencrypted PKCS#8 PEM (`-----BEGIN PRIVATE KEY-----`), e.g. for handing to external tools.
    public func pkcs8PEM() throws(CryptoError) -> String {
        let bio = try MemoryBIO()
        guard PEM_write_bio_PrivateKey(bio.raw, raw, nil, nil, 0, nil, nil) == 1 else {
            throw CryptoError.openssl("cannot write PEM private key")
        }
        return bio.string()
    }

    /// Signs `data` (hashing it with `digest`); for RSA keys with PKCS#1 v1.5 padding, as XML-DSig's
    /// rsa-sha1 / rsa-sha256 require.
    public func sign(_ data: [UInt8], digest: DigestAlgorithm) throws(CryptoError) -> [UInt8] {
        guard let ctx = EVP_MD_CTX_new() else { throw CryptoError.openssl("EVP_MD_CTX_new failed") }
        defer { EVP_MD_CTX_free(ctx) }
        var pctx: OpaquePointer? = nil
        guard EVP_DigestSignInit(ctx, &pctx, digest.evpMD, nil, raw) == 1, let pctx else {
            throw CryptoError.openssl("EVP_DigestSignInit failed")
        }
        if EVP_PKEY_is_a(raw, "RSA") == 1 {
            guard folio_EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PADDING) == 1 else {
                throw CryptoError.openssl("cannot select RSA PKCS#1 v1.5 padding")
            }
        }
        var length = 0
        var signature: [UInt8] = []
        let ok = data.withNonNullBytes { pointer, count -> Bool in
            guard EVP_DigestSign(ctx, nil, &length, pointer, count) == 1 else { return false }
            signature = [UInt8](repeating: 0, count: length)
            return EVP_DigestSign(ctx, &signature, &length, pointer, count) == 1
        }
        guard ok else { throw CryptoError.openssl("signing failed") }
        return Array(signature.prefix(length))
    }

    /// The public half. It shares the underlying `EVP_PKEY` (reference counted) but exposes only
    /// public operations.
    public var publicKey: PublicKey {
        EVP_PKEY_up_ref(raw)
        return PublicKey(owning: raw)
    }

    /// Key size in bits (e.g. 2048).
    public var bits: Int { Int(EVP_PKEY_get_bits(raw)) }
}

/// A PEM password callback that supplies no password, so OpenSSL never prompts on the terminal.
let noPasswordCallback: @convention(c) (UnsafeMutablePointer<CChar>?, Int32, Int32, UnsafeMutableRawPointer?) -> Int32 = { _, _, _, _ in
    -1
}
