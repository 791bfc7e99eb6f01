internal import COpenSSL

extension Certificate {
    /// Self-signed X.509 v3, serial = 16 random bytes (positive), subject/issuer from `subject`
    /// (ordered (shortName, value) pairs, e.g. [("C","EC"),("O","Ana Foods"),("CN","Ana Foods"),("serialNumber","1790011674001")]),
    /// extensions: basicConstraints CA:FALSE, keyUsage critical digitalSignature+nonRepudiation,
    /// subjectKeyIdentifier. SHA-256 signature. Valid from `notBefore` (Unix seconds) for `days` days.
    public static func selfSigned(key: PrivateKey, subject: [(String, String)], notBefore: Int64, days: Int) throws(CryptoError) -> Certificate {
        guard !subject.isEmpty else { throw CryptoError.invalidInput("certificate subject is empty") }
        guard days > 0, days <= 365 * 100 else { throw CryptoError.invalidInput("validity must be 1…36500 days, got \(days)") }
        guard let x509 = X509_new() else { throw CryptoError.openssl("X509_new failed") }
        // From here on `builder` owns x509, so every early exit frees it.
        let builder = Builder(x509)
        try builder.setVersionAndSerial()
        try builder.setName(subject)
        try builder.setValidity(from: notBefore, days: days)
        guard X509_set_pubkey(x509, key.raw) == 1 else { throw CryptoError.openssl("X509_set_pubkey failed") }
        try builder.addExtension(NID_basic_constraints, "CA:FALSE")
        try builder.addExtension(NID_key_usage, "critical,digitalSignature,nonRepudiation")
        try builder.addExtension(NID_subject_key_identifier, "hash")
        guard X509_sign(x509, key.raw, EVP_sha256()) > 0 else { throw CryptoError.openssl("X509_sign failed") }
        return try builder.finish()
    }
}

/// Owns an `X509` under construction until `finish()` hands it to a `Certificate`.
private final class Builder {
    private var raw: OpaquePointer?

    init(_ raw: OpaquePointer) { self.raw = raw }

    deinit { if let raw { X509_free(raw) } }

    private var x509: OpaquePointer { raw! }

    func finish() throws(CryptoError) -> Certificate {
        let owned = x509
        raw = nil
        return try Certificate(owning: owned)
    }

    func setVersionAndSerial() throws(CryptoError) {
        var serial = SecureRandom.bytes(16)
        // Positive, and always 16 bytes long: clear the sign bit, set the next one.
        serial[0] = serial[0] & 0x7F | 0x40
        guard X509_set_version(x509, 2) == 1 else { throw CryptoError.openssl("X509_set_version failed") }
        guard let bn = BN_bin2bn(serial, Int32(serial.count), nil) else { throw CryptoError.openssl("BN_bin2bn failed") }
        defer { BN_free(bn) }
        guard let integer = BN_to_ASN1_INTEGER(bn, nil) else { throw CryptoError.openssl("BN_to_ASN1_INTEGER failed") }
        defer { ASN1_INTEGER_free(integer) }
        guard X509_set_serialNumber(x509, integer) == 1 else { throw CryptoError.openssl("X509_set_serialNumber failed") }
    }

    /// Sets subject and issuer to the same name, entries in the given order (RFC 2253 prints them reversed).
    func setName(_ pairs: [(String, String)]) throws(CryptoError) {
        guard let name = X509_NAME_new() else { throw CryptoError.openssl("X509_NAME_new failed") }
        defer { X509_NAME_free(name) }
        for (field, value) in pairs {
            let bytes = Array(value.utf8)
            guard !bytes.isEmpty else { throw CryptoError.invalidInput("empty value for \(field) in certificate subject") }
            let ok = X509_NAME_add_entry_by_txt(name, field, folio_MBSTRING_UTF8(), bytes, Int32(bytes.count), -1, 0)
            guard ok == 1 else {
                throw CryptoError.openssl("cannot add \(field)=\(value) to the certificate subject", kind: .invalidInput)
            }
        }
        // Both setters copy the name.
        guard X509_set_subject_name(x509, name) == 1, X509_set_issuer_name(x509, name) == 1 else {
            throw CryptoError.openssl("cannot set certificate names")
        }
    }

    /// ASN1_TIME_set picks UTCTime before 2050 and GeneralizedTime after, as RFC 5280 requires.
    func setValidity(from notBefore: Int64, days: Int) throws(CryptoError) {
        let notAfter = notBefore + Int64(days) * 86_400
        guard ASN1_TIME_set(X509_getm_notBefore(x509), time_t(notBefore)) != nil,
              ASN1_TIME_set(X509_getm_notAfter(x509), time_t(notAfter)) != nil else {
            throw CryptoError.openssl("cannot set certificate validity", kind: .invalidInput)
        }
    }

    func addExtension(_ nid: Int32, _ value: String) throws(CryptoError) {
        var context = X509V3_CTX()
        X509V3_set_ctx(&context, x509, x509, nil, nil, 0)
        guard let ext = X509V3_EXT_conf_nid(nil, &context, nid, value) else {
            throw CryptoError.openssl("cannot build extension \(value)")
        }
        defer { X509_EXTENSION_free(ext) }
        guard X509_add_ext(x509, ext, -1) == 1 else { throw CryptoError.openssl("cannot add extension \(value)") }
    }
}
