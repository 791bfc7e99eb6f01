internal import COpenSSL

/// A public key (in practice RSA), owning an `EVP_PKEY*` reference.
public final class PublicKey: @unchecked Sendable {
    // @unchecked Sendable: never mutated after creation; verification is thread-safe in OpenSSL 3.
    let raw: OpaquePointer

    /// Takes ownership of one reference to `raw`.
    init(owning raw: OpaquePointer) { self.raw = raw }

    deinit { EVP_PKEY_free(raw) }

    /// Parses DER `SubjectPublicKeyInfo` (`-----BEGIN PUBLIC KEY-----` content).
    public convenience init(derSubjectPublicKeyInfo der: [UInt8]) throws(CryptoError) {
        let key = try derDecode(der, what: "public key", free: { EVP_PKEY_free($0) }) { cursor, count in
            d2i_PUBKEY(nil, cursor, count)
        }
        self.init(owning: key)
    }

    /// Checks a signature made by `PrivateKey.sign` (RSA PKCS#1 v1.5 for RSA keys).
    public func verify(signature: [UInt8], data: [UInt8], digest: DigestAlgorithm) -> Bool {
        defer { OpenSSLErrorQueue.clear() }  // a bad signature is an answer, not an error to keep
        guard let ctx = EVP_MD_CTX_new() else { return false }
        defer { EVP_MD_CTX_free(ctx) }
        var pctx: OpaquePointer? = nil
        guard EVP_DigestVerifyInit(ctx, &pctx, digest.evpMD, nil, raw) == 1, let pctx else { return false }
        if EVP_PKEY_is_a(raw, "RSA") == 1 {
            guard folio_EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PADDING) == 1 else { return false }
        }
        return signature.withNonNullBytes { sig, sigCount in
            data.withNonNullBytes { pointer, count in
                EVP_DigestVerify(ctx, sig, sigCount, pointer, count) == 1
            }
        }
    }

    /// RSA modulus n, big-endian without leading zero bytes; empty for a non-RSA key.
    public var rsaModulus: [UInt8] { bigNumberParameter("n") }

    /// RSA public exponent e (usually 01 00 01); empty for a non-RSA key.
    public var rsaExponent: [UInt8] { bigNumberParameter("e") }

    /// Key size in bits.
    public var bits: Int { Int(EVP_PKEY_get_bits(raw)) }

    /// DER `SubjectPublicKeyInfo`.
    public func derSubjectPublicKeyInfo() throws(CryptoError) -> [UInt8] {
        try derEncode({ i2d_PUBKEY(raw, $0) }, what: "public key")
    }

    /// PEM `-----BEGIN PUBLIC KEY-----`, e.g. for `openssl dgst -verify`.
    public func pem() throws(CryptoError) -> String {
        let bio = try MemoryBIO()
        guard PEM_write_bio_PUBKEY(bio.raw, raw) == 1 else { throw CryptoError.openssl("cannot write PEM public key") }
        return bio.string()
    }

    /// True when both keys have the same public parameters.
    public func isEqual(to other: PublicKey) -> Bool {
        defer { OpenSSLErrorQueue.clear() }
        return EVP_PKEY_eq(raw, other.raw) == 1
    }

    private func bigNumberParameter(_ name: String) -> [UInt8] {
        var bn: OpaquePointer? = nil
        guard EVP_PKEY_get_bn_param(raw, name, &bn) == 1, let bn else {
            OpenSSLErrorQueue.clear()
            return []
        }
        defer { BN_free(bn) }
        var out = [UInt8](repeating: 0, count: Int((BN_num_bits(bn) + 7) / 8))
        let written = BN_bn2bin(bn, &out)
        return Array(out.prefix(Int(written)))
    }
}
