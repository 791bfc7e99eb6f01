#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few POSIX file operations Folio needs, without Foundation (start-up cost).
public enum FileSystem {
    public static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

    public static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    public static func isWritable(_ path: String) -> Bool { access(path, W_OK) == 0 }

    /// The permission bits of `path` (e.g. 0o600), or nil when it does not exist.
    public static func mode(_ path: String) -> UInt32? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return UInt32(st.st_mode) & 0o7777
    }

    public static func size(_ path: String) -> Int64? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return Int64(st.st_size)
    }

    /// Creates `path` and its missing parents; the last component gets `mode`.
    public static func makeDirectory(_ path: String, mode: mode_t) throws(FolioError) {
        if isDirectory(path) { return }
        let parent = parentDirectory(path)
        if !parent.isEmpty, parent != path, !exists(parent) { try makeDirectory(parent, mode: 0o755) }
        if mkdir(path, mode) != 0 && errno != EEXIST {
            throw FolioError.storeUnavailable("cannot create directory \(path): \(errorText())",
                                              hint: "check that the parent directory is writable")
        }
    }

    public static func parentDirectory(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        if slash == path.startIndex { return "/" }
        return String(path[..<slash])
    }

    public static func readFile(_ path: String) throws(FolioError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            let code: ErrorCode = errno == ENOENT ? .notFound : .validationFailed
            throw FolioError(code, "cannot read \(path): \(errorText())")
        }
        defer { close(fd) }
        return readAll(fd: fd)
    }

    /// Reads a descriptor to its end (stdin, a pipe, a file).
    public static func readAll(fd: Int32) -> [UInt8] {
        var result: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n > 0 { result.append(contentsOf: buffer[0..<n]) } else if n < 0 && errno == EINTR { continue } else { break }
        }
        return result
    }

    /// Writes `bytes` to `path` atomically: a temporary file in the same directory, fsync, rename.
    public static func writeAtomically(_ bytes: [UInt8], to path: String, mode: mode_t) throws(FolioError) {
        let temp = path + ".tmp-\(getpid())"
        try write(bytes, to: temp, mode: mode, exclusive: false)
        if Glibc.rename(temp, path) != 0 {
            unlink(temp)
            throw FolioError.server("cannot write \(path): \(errorText())")
        }
    }

    /// Writes a new file; with `exclusive`, fails when it exists (O_EXCL).
    public static func write(_ bytes: [UInt8], to path: String, mode: mode_t, exclusive: Bool) throws(FolioError) {
        var flags = O_WRONLY | O_CREAT | O_CLOEXEC | O_TRUNC
        if exclusive { flags |= O_EXCL }
        let fd = open(path, flags, mode)
        guard fd >= 0 else { throw FolioError.storeUnavailable("cannot write \(path): \(errorText())") }
        defer { close(fd) }
        fchmod(fd, mode)
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw FolioError.storeUnavailable("cannot write \(path): \(errorText())")
            }
            offset += n
        }
        fsync(fd)
    }

    public static func remove(_ path: String) { unlink(path) }

    public static func rename(_ from: String, _ to: String) throws(FolioError) {
        if Glibc.rename(from, to) != 0 { throw FolioError.server("cannot rename \(from): \(errorText())") }
    }

    static func errorText() -> String { String(cString: strerror(errno)) }

    /// The user's home directory, from $HOME or the password database.
    public static func homeDirectory(environment: [String: String]) -> String {
        if let home = environment["HOME"], !home.isEmpty { return home }
        if let pw = getpwuid(getuid()), let dir = pw.pointee.pw_dir { return String(cString: dir) }
        return "/"
    }

    /// The OS user name (the default `--actor`).
    public static func userName(environment: [String: String]) -> String {
        if let pw = getpwuid(getuid()), let name = pw.pointee.pw_name { return String(cString: name) }
        return environment["USER"] ?? "unknown"
    }
}
