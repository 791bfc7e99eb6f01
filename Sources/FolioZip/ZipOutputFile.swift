#if canImport(Glibc)
import Glibc
#endif

/// The archive's file descriptor, owned (closed in `deinit`), with a write buffer: 65,536 tiny
/// entries must not cost 200,000 system calls. `position` counts buffered bytes too.
final class ZipOutputFile {
    let path: String
    private var fd: Int32
    private var buffer: [UInt8] = []
    private static let bufferLimit = 256 * 1024
    private(set) var position: UInt64 = 0

    /// Creates or truncates `path`, readable by its owner only.
    init(path: String) throws(ZipError) {
        self.path = path
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw ZipError("cannot create \(path): \(String(cString: strerror(errno)))") }
        // O_CREAT's mode applies only to a new file; an existing one keeps its own.
        if fchmod(fd, 0o600) != 0 {
            let reason = String(cString: strerror(errno))
            _ = Glibc.close(fd)
            fd = -1
            throw ZipError("cannot make \(path) private: \(reason)")
        }
        buffer.reserveCapacity(Self.bufferLimit)
    }

    deinit { if fd >= 0 { _ = Glibc.close(fd) } }

    func write(_ bytes: [UInt8]) throws(ZipError) {
        position += UInt64(bytes.count)
        if buffer.count + bytes.count <= Self.bufferLimit {
            buffer += bytes
            return
        }
        try flush()
        if bytes.count <= Self.bufferLimit { buffer += bytes } else { try writeOut(bytes, at: nil) }
    }

    func flush() throws(ZipError) {
        guard !buffer.isEmpty else { return }
        try writeOut(buffer, at: nil)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Overwrites bytes already written at `offset` (a local header's sizes, known only after
    /// its data). The file offset of later writes is unchanged (pwrite).
    func patch(_ bytes: [UInt8], at offset: UInt64) throws(ZipError) {
        try flush()
        try writeOut(bytes, at: offset)
    }

    /// Flushes, fsyncs and closes; the archive is then on disk.
    func close() throws(ZipError) {
        try flush()
        guard fsync(fd) == 0 else { throw failure("sync") }
        let result = Glibc.close(fd)
        fd = -1
        guard result == 0 else { throw failure("close") }
    }

    private func writeOut(_ bytes: [UInt8], at offset: UInt64?) throws(ZipError) {
        guard fd >= 0 else { throw ZipError("\(path) is already closed") }
        var done = 0
        while done < bytes.count {
            let n = bytes[done...].withUnsafeBytes { raw in
                if let offset { return pwrite(fd, raw.baseAddress, raw.count, off_t(offset) + off_t(done)) }
                return Glibc.write(fd, raw.baseAddress, raw.count)
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw failure("write")
            }
            done += n
        }
    }

    private func failure(_ operation: String) -> ZipError {
        ZipError("cannot \(operation) \(path): \(String(cString: strerror(errno)))")
    }
}
