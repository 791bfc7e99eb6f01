#if canImport(Glibc)
import Glibc
#endif

/// The read and write loops over a POSIX file descriptor (short reads and writes, EINTR), once.
public enum FileDescriptor {
    /// Reads `fd` to its end (a file, a pipe, stdin), or until it has more than `limit` bytes:
    /// the result then holds `limit + 1` bytes, which is how the caller knows the input was too
    /// long without reading an endless one (`/dev/zero`, `yes |`) to the end.
    public static func readAll(_ fd: Int32, limit: Int) -> [UInt8] {
        var result: [UInt8] = []
        while result.count <= limit {
            let chunk = read(fd, upTo: min(65_536, limit + 1 - result.count))
            if chunk.isEmpty { break }
            result += chunk
        }
        return result
    }

    /// One `read` of at most `count` bytes (retried on EINTR); empty at the end of the input or
    /// on an error, which a reader of input cannot tell apart from an early end anyway.
    public static func read(_ fd: Int32, upTo count: Int) -> [UInt8] {
        guard count > 0 else { return [] }
        var buffer = [UInt8](repeating: 0, count: count)
        while true {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n >= 0 {
                buffer.removeLast(count - n)
                return buffer
            }
            if errno != EINTR { return [] }
        }
    }

    /// Closes `fd` (a descriptor from `FileSystem.openForReading`).
    public static func close(_ fd: Int32) { _ = Glibc.close(fd) }

    /// Writes all of `bytes` to `fd`; the `errno` of the failure (EPIPE, ENOSPC…), or nil.
    @discardableResult
    public static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Int32? {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += n
        }
        return nil
    }

    /// Reads one line (without its newline) byte by byte, so nothing after it is consumed. Bytes
    /// past `limit` are read and dropped: an answer at a prompt is a word, not a file.
    public static func readLine(_ fd: Int32, limit: Int) -> [UInt8] {
        var line: [UInt8] = []
        var byte: UInt8 = 0
        while true {
            let n = Glibc.read(fd, &byte, 1)
            if n < 0 && errno == EINTR { continue }
            if n != 1 || byte == 10 { return line }
            if line.count < limit { line.append(byte) }
        }
    }
}
