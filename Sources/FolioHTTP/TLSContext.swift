internal import COpenSSL
internal import CLibSSL

/// An SSL_CTX: TLS 1.2 or later. A client context verifies the peer against the system's CA
/// store (or one CA file); a server context holds one certificate and its key.
final class TLSContext: @unchecked Sendable {
    let context: OpaquePointer
    let isServer: Bool

    private init(server: Bool) throws(HTTPError) {
        _ = BrokenPipe.ignored
        guard let context = SSL_CTX_new(server ? TLS_server_method() : TLS_client_method()) else {
            throw HTTPError(.tls, "TLS: cannot create a context: \(TLSContext.openSSLErrors())")
        }
        self.context = context
        self.isServer = server
        _ = folio_SSL_CTX_set_min_proto_version(context, TLS1_2_VERSION)
        // A write may be retried with a new buffer address after WANT_WRITE (Swift arrays move).
        _ = folio_SSL_CTX_set_mode(context, Int(SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER))
    }

    deinit { SSL_CTX_free(context) }

    /// A client context; `caFile` nil means the system store (`SSL_CTX_set_default_verify_paths`:
    /// /usr/lib/ssl/certs and cert.pem, or SSL_CERT_FILE / SSL_CERT_DIR).
    static func client(caFile: String?) throws(HTTPError) -> TLSContext {
        let tls = try TLSContext(server: false)
        SSL_CTX_set_verify(tls.context, SSL_VERIFY_PEER, nil)
        if let caFile {
            guard SSL_CTX_load_verify_locations(tls.context, caFile, nil) == 1 else {
                throw HTTPError(.tls, "TLS: cannot load CA file \(caFile): \(openSSLErrors())")
            }
        } else if SSL_CTX_set_default_verify_paths(tls.context) != 1 {
            throw HTTPError(.tls, "TLS: cannot load the system CA store: \(openSSLErrors())")
        }
        return tls
    }

    /// A server context from a PEM certificate (the leaf, then any intermediates) and PEM key.
    static func server(certificatePEM: String, privateKeyPEM: String) throws(HTTPError) -> TLSContext {
        let tls = try TLSContext(server: true)
        let ok = certificatePEM.withCString { cert -> Bool in
            guard let bio = BIO_new_mem_buf(cert, -1) else { return false }
            defer { BIO_free(bio) }
            guard let leaf = PEM_read_bio_X509(bio, nil, nil, nil) else { return false }
            defer { X509_free(leaf) }
            guard SSL_CTX_use_certificate(tls.context, leaf) == 1 else { return false }
            while let extra = PEM_read_bio_X509(bio, nil, nil, nil) {
                // add1: the context takes its own reference; ours is freed here.
                let added = SSL_CTX_add1_chain_cert_shim(tls.context, extra)
                X509_free(extra)
                if !added { return false }
            }
            ERR_clear_error()   // the loop ends on "no start line"
            return true
        }
        guard ok else { throw HTTPError(.tls, "TLS: cannot use the server certificate: \(openSSLErrors())") }
        let keyOK = privateKeyPEM.withCString { key -> Bool in
            guard let bio = BIO_new_mem_buf(key, -1) else { return false }
            defer { BIO_free(bio) }
            guard let pkey = PEM_read_bio_PrivateKey(bio, nil, nil, nil) else { return false }
            defer { EVP_PKEY_free(pkey) }
            return SSL_CTX_use_PrivateKey(tls.context, pkey) == 1 && SSL_CTX_check_private_key(tls.context) == 1
        }
        guard keyOK else { throw HTTPError(.tls, "TLS: cannot use the server key: \(openSSLErrors())") }
        return tls
    }

    private static func SSL_CTX_add1_chain_cert_shim(_ context: OpaquePointer, _ cert: OpaquePointer) -> Bool {
        folio_SSL_CTX_add1_chain_cert(context, cert) == 1
    }

    /// OpenSSL's error queue as one line (and emptied, so a later call does not report it again).
    static func openSSLErrors() -> String {
        var messages: [String] = []
        while case let code = ERR_get_error(), code != 0 {
            var buffer = [CChar](repeating: 0, count: 256)
            ERR_error_string_n(code, &buffer, buffer.count)
            messages.append(String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        return messages.isEmpty ? "unknown error" : messages.joined(separator: "; ")
    }
}
