#if canImport(Glibc)
import Glibc
#endif
internal import COpenSSL

/// A TLS session over a connected socket; owns the SSL and the socket. Non-blocking: every
/// WANT_READ / WANT_WRITE becomes a poll() bounded by the caller's deadline.
final class TLSStream: ByteStream, @unchecked Sendable {
    let socket: Socket
    private let ssl: OpaquePointer
    private let context: TLSContext   // kept alive as long as the session
    /// What the verify callback saw wrong with the peer's own certificate (its subject), for the
    /// error message: after a failed handshake OpenSSL no longer hands out the peer certificate.
    private let rejected = RejectedCertificate()

    private init(socket: Socket, context: TLSContext) throws(HTTPError) {
        guard let ssl = SSL_new(context.context) else {
            throw HTTPError(.tls, "TLS: cannot create a session: \(TLSContext.openSSLErrors())")
        }
        self.ssl = ssl
        self.socket = socket
        self.context = context
        SSL_set_fd(ssl, socket.fd)
        if !context.isServer {
            // ex_data slot 0 is SSL_set_app_data's; unretained: `rejected` lives as long as `ssl`.
            SSL_set_ex_data(ssl, 0, Unmanaged.passUnretained(rejected).toOpaque())
            SSL_set_verify(ssl, SSL_VERIFY_PEER, noteRejectedLeaf)
        }
    }

    deinit { SSL_free(ssl) }

    /// The client side: SNI for a host name, and the certificate checked against `host`
    /// (DNS name via SSL_set1_host, IP literal via X509_VERIFY_PARAM_set1_ip_asc).
    static func connect(_ socket: Socket, context: TLSContext, host: String, isIPLiteral: Bool,
                        by deadline: Deadline) throws(HTTPError) -> TLSStream {
        let stream = try TLSStream(socket: socket, context: context)
        if isIPLiteral {
            guard X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(stream.ssl), host) == 1 else {
                throw HTTPError(.tls, "TLS: cannot verify against IP \(host)")
            }
        } else {
            guard folio_SSL_set_tlsext_host_name(stream.ssl, host) == 1, SSL_set1_host(stream.ssl, host) == 1 else {
                throw HTTPError(.tls, "TLS: cannot set the host name \(host): \(TLSContext.openSSLErrors())")
            }
        }
        ERR_clear_error()
        try stream.handshake(by: deadline, peer: host) { SSL_connect($0) }
        return stream
    }

    /// The server side of the handshake.
    static func accept(_ socket: Socket, context: TLSContext, by deadline: Deadline) throws(HTTPError) -> TLSStream {
        let stream = try TLSStream(socket: socket, context: context)
        try stream.handshake(by: deadline, peer: nil) { SSL_accept($0) }
        return stream
    }

    /// The name the client sent by SNI (server side), if any.
    var serverName: String? {
        guard let name = SSL_get_servername(ssl, Int32(TLSEXT_NAMETYPE_host_name)) else { return nil }
        return String(cString: name)
    }

    private func handshake(by deadline: Deadline, peer: String?, _ step: (OpaquePointer) -> Int32) throws(HTTPError) {
        while true {
            let rc = step(ssl)
            if rc == 1 { return }
            let error = SSL_get_error(ssl, rc)
            switch error {
            case SSL_ERROR_WANT_READ, SSL_ERROR_WANT_WRITE:
                let events = Int16(error == SSL_ERROR_WANT_READ ? POLLIN : POLLOUT)
                guard try socket.wait(for: events, by: deadline) else { throw HTTPError(.timeout, "TLS handshake timed out") }
            default:
                throw handshakeError(error, peer: peer)
            }
        }
    }

    /// A handshake failure in words: certificate verification first (the usual cause), with the
    /// expected host and the certificate's subject for a name mismatch.
    private func handshakeError(_ error: Int32, peer: String?) -> HTTPError {
        let verify = SSL_get_verify_result(ssl)
        if let peer, verify != X509_V_OK {
            var message = "TLS: certificate verify failed: \(String(cString: X509_verify_cert_error_string(verify)))"
            if verify == X509_V_ERR_HOSTNAME_MISMATCH || verify == X509_V_ERR_IP_ADDRESS_MISMATCH {
                message += " (expected \(peer)"
                if let subject = rejected.subject { message += ", certificate for \(subject)" }
                message += ")"
            }
            ERR_clear_error()
            return HTTPError(.tls, message)
        }
        if error == SSL_ERROR_SYSCALL && ERR_peek_error() == 0 {
            let reason = errno == 0 ? "connection closed by peer" : Socket.errorText()
            return HTTPError(.tls, "TLS: handshake failed: \(reason)")
        }
        return HTTPError(.tls, "TLS: handshake failed: \(TLSContext.openSSLErrors())")
    }

    func read(into buffer: inout [UInt8], count: Int, by deadline: Deadline) throws(HTTPError) -> Int {
        var chunk = [UInt8](repeating: 0, count: count)
        while true {
            var got = 0
            let rc = chunk.withUnsafeMutableBytes { SSL_read_ex(ssl, $0.baseAddress, count, &got) }
            if rc == 1 {
                buffer.append(contentsOf: chunk[..<got])
                return got
            }
            let error = SSL_get_error(ssl, rc)
            switch error {
            case SSL_ERROR_ZERO_RETURN:
                return 0
            case SSL_ERROR_WANT_READ, SSL_ERROR_WANT_WRITE:
                let events = Int16(error == SSL_ERROR_WANT_READ ? POLLIN : POLLOUT)
                guard try socket.wait(for: events, by: deadline) else { throw HTTPError(.timeout, "read timed out") }
            case SSL_ERROR_SYSCALL where ERR_peek_error() == 0:
                // A close without close_notify: many servers do this after a complete response;
                // the HTTP framing decides whether anything is missing.
                return 0
            default:
                throw HTTPError(.tls, "TLS: read failed: \(TLSContext.openSSLErrors())")
            }
        }
    }

    func write(_ bytes: [UInt8], by deadline: Deadline) throws(HTTPError) {
        var offset = 0
        while offset < bytes.count {
            var written = 0
            let rc = bytes.withUnsafeBytes { SSL_write_ex(ssl, $0.baseAddress! + offset, bytes.count - offset, &written) }
            if rc == 1 { offset += written; continue }
            let error = SSL_get_error(ssl, rc)
            switch error {
            case SSL_ERROR_WANT_READ, SSL_ERROR_WANT_WRITE:
                let events = Int16(error == SSL_ERROR_WANT_READ ? POLLIN : POLLOUT)
                guard try socket.wait(for: events, by: deadline) else { throw HTTPError(.timeout, "write timed out") }
            case SSL_ERROR_SYSCALL where ERR_peek_error() == 0:
                throw HTTPError(.io, "write failed: \(Socket.errorText())")
            default:
                throw HTTPError(.tls, "TLS: write failed: \(TLSContext.openSSLErrors())")
            }
        }
    }

    /// Sends close_notify, best effort (the socket is non-blocking; nothing waits for the reply).
    func close() { SSL_shutdown(ssl) }
}

/// The subject of a leaf certificate that failed verification.
private final class RejectedCertificate {
    var subject: String?
}

/// OpenSSL's verify callback: passes OpenSSL's verdict through unchanged, and on a failure at the
/// leaf notes its subject in the session's RejectedCertificate.
private let noteRejectedLeaf: @convention(c) (Int32, OpaquePointer?) -> Int32 = { ok, store in
    guard ok == 0, let store, X509_STORE_CTX_get_error_depth(store) == 0,
          let ssl = X509_STORE_CTX_get_ex_data(store, SSL_get_ex_data_X509_STORE_CTX_idx()),
          let note = SSL_get_ex_data(OpaquePointer(ssl), 0),
          let cert = X509_STORE_CTX_get_current_cert(store) else { return ok }
    var buffer = [CChar](repeating: 0, count: 512)
    X509_NAME_oneline(X509_get_subject_name(cert), &buffer, Int32(buffer.count))
    Unmanaged<RejectedCertificate>.fromOpaque(note).takeUnretainedValue().subject =
        String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    return ok
}
