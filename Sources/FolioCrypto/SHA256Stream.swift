internal import COpenSSL
import FolioSupport

/// SHA-256 of data given in pieces (a file read in chunks, an archive as it is written), so
/// that hashing a large file never holds it whole. OpenSSL's EVP digest: one fetch per stream,
/// not per call, so its cost does not matter here.
public final class SHA256Stream {
    private let context: OpaquePointer

    public init() {
        guard let ctx = EVP_MD_CTX_new(), EVP_DigestInit_ex(ctx, EVP_sha256(), nil) == 1 else {
            preconditionFailure("SHA-256 init failed: \(OpenSSLErrorQueue.drain().map(\.text))")
        }
        context = ctx
    }

    deinit { EVP_MD_CTX_free(context) }

    public func update(_ bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }
        let ok = bytes.withUnsafeBytes { EVP_DigestUpdate(context, $0.baseAddress, $0.count) }
        precondition(ok == 1, "SHA-256 update failed")
    }

    /// The digest of everything given; the stream is spent.
    public func finish() -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        let ok = EVP_DigestFinal_ex(context, &out, &length)
        precondition(ok == 1 && length == 32, "SHA-256 final failed")
        return out
    }

    /// The SHA-256 of the file at `path`, read 1 MiB at a time; nil when it cannot be read.
    public static func file(_ path: String) -> [UInt8]? {
        guard let fd = try? FileSystem.openForReading(path) else { return nil }
        defer { FileDescriptor.close(fd) }
        let stream = SHA256Stream()
        while true {
            let chunk = FileDescriptor.read(fd, upTo: 1 << 20)
            if chunk.isEmpty { break }
            stream.update(chunk)
        }
        return stream.finish()
    }
}
