#if canImport(Glibc)
import Glibc
#endif

/// The read and write loops over a POSIX file descriptor (short reads and writes, EINTR), once.
public enum FileDescriptor {
    /// Reads `fd` to its end (a file, a pipe, stdin).
    public static func readAll(_ fd: Int32) -> [UInt8] {
        var result: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n > 0 { result.append(contentsOf: buffer[0..<n]) } else if n < 0 && errno == EINTR { continue } else { break }
        }
        return result
    }

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

    /// Reads one line (without its newline) byte by byte, so nothing after it is consumed.
    public static func readLine(_ fd: Int32) -> [UInt8] {
        var line: [UInt8] = []
        var byte: UInt8 = 0
        while true {
            let n = read(fd, &byte, 1)
            if n < 0 && errno == EINTR { continue }
            if n != 1 || byte == 10 { return line }
            line.append(byte)
        }
    }
}
