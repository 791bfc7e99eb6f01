internal import COpenSSL

/// An owned `PKCS12*`, walked bag by bag rather than through `PKCS12_parse`, because
/// `PKCS12_parse` keeps only the first private key while some issuers' files hold two key pairs
/// (one for signing, one for encryption).
final class PKCS12File {
    let raw: OpaquePointer

    /// Everything found in the file, in file order.
    struct Bags {
        var keys: [PrivateKey] = []
        var certificates: [Certificate] = []
    }

    init(_ der: [UInt8]) throws(CryptoError) {
        raw = try derDecode(der, what: "PKCS#12", free: { PKCS12_free($0) }) { cursor, count in
            d2i_PKCS12(nil, cursor, count)
        }
    }

    deinit { PKCS12_free(raw) }

    var hasMAC: Bool { PKCS12_mac_present(raw) == 1 }

    /// Checks the password against the file's MAC and returns the form that verified (nil meaning
    /// OpenSSL's NULL password: for an empty password, files differ in whether they used NULL or ""
    /// — PKCS12_parse tries both the same way). Throws `.wrongPassword` on a mismatch.
    func checkMAC(_ password: String) throws(CryptoError) -> String? {
        guard hasMAC else { return password.isEmpty ? nil : password }
        let candidates: [String?] = password.isEmpty ? [nil, ""] : [password]
        for candidate in candidates where verifyMAC(candidate) {
            return candidate
        }
        // A plain mismatch leaves the queue empty; anything queued means the MAC could not be computed.
        let queue = OpenSSLErrorQueue.drain()
        guard queue.isEmpty else {
            throw CryptoError(kind: .openssl, message: "cannot check the PKCS#12 MAC: "
                              + queue.map(\.text).joined(separator: "; "))
        }
        throw CryptoError(kind: .wrongPassword, message: "wrong PKCS#12 password")
    }

    private func verifyMAC(_ password: String?) -> Bool {
        withPassword(password) { pass, length in PKCS12_verify_mac(raw, pass, length) == 1 }
    }

    /// Decrypts and collects every key and certificate bag.
    func unpack(password: String?) throws(CryptoError) -> Bags {
        guard let safes = PKCS12_unpack_authsafes(raw) else {
            throw CryptoError.openssl("cannot read PKCS#12 contents", kind: .invalidInput)
        }
        defer { folio_sk_PKCS7_pop_free(safes) }
        var bags = Bags()
        for index in 0..<folio_sk_PKCS7_num(safes) {
            guard let p7 = folio_sk_PKCS7_value(safes, index) else { continue }
            let stack: OpaquePointer?
            switch folio_PKCS7_type_nid(p7) {
            case NID_pkcs7_data:
                stack = PKCS12_unpack_p7data(p7)
            case NID_pkcs7_encrypted:
                stack = withPassword(password) { pass, length in PKCS12_unpack_p7encdata(p7, pass, length) }
            default:
                continue  // e.g. public-key enveloped data: not produced by certificate issuers
            }
            guard let stack else { throw decryptionError("cannot decrypt PKCS#12 certificate bags") }
            defer { folio_sk_PKCS12_SAFEBAG_pop_free(stack) }
            try collect(stack, password: password, into: &bags, depth: 0)
        }
        return bags
    }

    private func collect(_ stack: OpaquePointer, password: String?, into bags: inout Bags, depth: Int) throws(CryptoError) {
        guard depth < 8 else { throw CryptoError.invalidInput("PKCS#12 safe contents nested too deeply") }
        for index in 0..<folio_sk_PKCS12_SAFEBAG_num(stack) {
            guard let bag = folio_sk_PKCS12_SAFEBAG_value(stack, index) else { continue }
            switch PKCS12_SAFEBAG_get_nid(bag) {
            case NID_keyBag:
                guard let info = PKCS12_SAFEBAG_get0_p8inf(bag), let key = EVP_PKCS82PKEY(info) else {
                    throw CryptoError.openssl("cannot read PKCS#12 key bag", kind: .invalidInput)
                }
                bags.keys.append(PrivateKey(owning: key))
            case NID_pkcs8ShroudedKeyBag:
                let info = withPassword(password) { pass, length in PKCS12_decrypt_skey(bag, pass, length) }
                guard let info else { throw decryptionError("cannot decrypt PKCS#12 private key") }
                defer { PKCS8_PRIV_KEY_INFO_free(info) }
                guard let key = EVP_PKCS82PKEY(info) else {
                    throw CryptoError.openssl("cannot read PKCS#12 private key", kind: .invalidInput)
                }
                bags.keys.append(PrivateKey(owning: key))
            case NID_certBag:
                guard PKCS12_SAFEBAG_get_bag_nid(bag) == NID_x509Certificate else { continue }
                guard let x509 = PKCS12_SAFEBAG_get1_cert(bag) else {
                    throw CryptoError.openssl("cannot read PKCS#12 certificate", kind: .invalidInput)
                }
                bags.certificates.append(try Certificate(owning: x509))
            case NID_safeContentsBag:
                guard let nested = PKCS12_SAFEBAG_get0_safes(bag) else { continue }
                try collect(nested, password: password, into: &bags, depth: depth + 1)
            default:
                continue  // CRL and secret bags are of no use to a signer
            }
        }
    }

    /// A decryption failure. Without a MAC, a wrong password first shows up here as a bad final
    /// block; with a verified MAC it means an unsupported cipher (legacy provider) or a damaged file.
    private func decryptionError(_ context: String) -> CryptoError {
        let queue = OpenSSLErrorQueue.drain()
        let text = queue.isEmpty ? context : "\(context): \(queue.map(\.text).joined(separator: "; "))"
        let badFinalBlock = queue.contains {
            $0.library == ERR_LIB_PKCS12 && $0.reason == PKCS12_R_PKCS12_CIPHERFINAL_ERROR
        }
        if !hasMAC && badFinalBlock {
            return CryptoError(kind: .wrongPassword, message: "wrong PKCS#12 password (\(text))")
        }
        return CryptoError(kind: .openssl, message: text)
    }

    /// Calls `body` with OpenSSL's (pointer, length) password form: NULL/0 for nil, else C string/-1.
    private func withPassword<R>(_ password: String?, _ body: (UnsafePointer<CChar>?, Int32) -> R) -> R {
        guard let password else { return body(nil, 0) }
        return password.withCString { body($0, -1) }
    }
}
