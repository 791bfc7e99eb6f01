#if canImport(Glibc)
import Glibc
#endif

/// An archive open for reading, owned (closed in `deinit`), read at offsets with `pread`.
final class ZipInputFile {
    let path: String
    let size: UInt64
    private let fd: Int32

    init(path: String) throws(ZipError) {
        self.path = path
        fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw ZipError("cannot open \(path): \(String(cString: strerror(errno)))") }
        var st = stat()
        guard fstat(fd, &st) == 0 else {
            let reason = String(cString: strerror(errno))
            _ = Glibc.close(fd)
            throw ZipError("cannot read \(path): \(reason)")
        }
        size = UInt64(st.st_size)
    }

    deinit { _ = Glibc.close(fd) }

    /// Exactly `count` bytes at `offset`; `what` names them for the message when the file ends
    /// first (a truncated archive).
    func read(at offset: UInt64, count: Int, _ what: @autoclosure () -> String) throws(ZipError) -> [UInt8] {
        guard offset <= size, UInt64(count) <= size - offset else {
            throw ZipError("\(what()) at offset \(offset) (\(count) bytes) runs past the end of the file (\(size) bytes): the archive is truncated")
        }
        var buffer = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let n = buffer[done...].withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, off_t(offset) + off_t(done)) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { throw ZipError("cannot read \(path) at offset \(offset + UInt64(done)): \(n < 0 ? String(cString: strerror(errno)) : "unexpected end of file")") }
            done += n
        }
        return buffer
    }
}
