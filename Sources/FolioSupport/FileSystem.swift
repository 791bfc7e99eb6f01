#if canImport(Glibc)
import Glibc
#endif

/// A failed file operation: what was attempted on which path, and the system's reason.
public struct FileSystemError: Error, Sendable, CustomStringConvertible {
    public enum Operation: String, Sendable { case read, write, createDirectory = "create directory", rename, link }
    public var operation: Operation
    public var path: String
    /// The `errno` of the failure.
    public var code: Int32
    public var reason: String { String(cString: strerror(code)) }

    public var isMissing: Bool { code == ENOENT }
    /// A directory where a file was expected.
    public var isDirectory: Bool { code == EISDIR }
    /// More bytes than the reader's limit (`FileSystem.readFile(_:limit:)`).
    public var isTooLarge: Bool { code == EFBIG }
    public var isDiskFull: Bool { code == ENOSPC || code == EDQUOT || code == EFBIG }
    public var description: String { "cannot \(operation.rawValue) \(path): \(reason)" }

    init(_ operation: Operation, _ path: String, code: Int32 = errno) {
        self.operation = operation
        self.path = path
        self.code = code
    }
}

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
    public static func makeDirectory(_ path: String, mode: mode_t) throws(FileSystemError) {
        if isDirectory(path) { return }
        let parent = parentDirectory(path)
        if !parent.isEmpty, parent != path, !exists(parent) { try makeDirectory(parent, mode: 0o755) }
        if mkdir(path, mode) != 0 {
            // EEXIST is another process's mkdir of the same directory, unless what exists is not one.
            let code = errno
            if code != EEXIST { throw FileSystemError(.createDirectory, path, code: code) }
            if !isDirectory(path) { throw FileSystemError(.createDirectory, path, code: ENOTDIR) }
        }
    }

    public static func parentDirectory(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        if slash == path.startIndex { return "/" }
        return String(path[..<slash])
    }

    /// The whole of `path`, which may be a regular file, a pipe or a device: at most `limit`
    /// bytes. A longer input fails `isTooLarge` after reading `limit + 1` bytes, never more, so
    /// that `/dev/zero` or a FIFO that never ends costs no more memory than a file at the limit.
    public static func readFile(_ path: String, limit: Int) throws(FileSystemError) -> [UInt8] {
        let fd = try openForReading(path)
        defer { close(fd) }
        // A regular file says its size: one too large fails without a byte read.
        var st = stat()
        if fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, st.st_size > limit {
            throw FileSystemError(.read, path, code: EFBIG)
        }
        let bytes = FileDescriptor.readAll(fd, limit: limit)
        if bytes.count > limit { throw FileSystemError(.read, path, code: EFBIG) }
        return bytes
    }

    /// A descriptor open for reading `path`. Opening a directory succeeds on Linux and its first
    /// read fails with EISDIR, which a read loop would take for an empty file: it fails here, as
    /// `isDirectory`. The caller closes it.
    public static func openForReading(_ path: String) throws(FileSystemError) -> Int32 {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw FileSystemError(.read, path) }
        var st = stat()
        if fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR {
            close(fd)
            throw FileSystemError(.read, path, code: EISDIR)
        }
        return fd
    }

    /// Writes `bytes` to `path` atomically: a temporary file in the same directory, fsync, rename.
    public static func writeAtomically(_ bytes: [UInt8], to path: String, mode: mode_t) throws(FileSystemError) {
        let temp = path + ".tmp-\(getpid())"
        do { try write(bytes, to: temp, mode: mode, exclusive: false) } catch {
            unlink(temp)
            throw error
        }
        if Glibc.rename(temp, path) != 0 {
            let failure = FileSystemError(.rename, path)
            unlink(temp)
            throw failure
        }
    }

    /// Writes a new file; with `exclusive`, fails when it exists (O_EXCL). A write that fails
    /// half-way (a full disk) removes what it created, so no empty or partial file is left.
    public static func write(_ bytes: [UInt8], to path: String, mode: mode_t, exclusive: Bool) throws(FileSystemError) {
        var flags = O_WRONLY | O_CREAT | O_CLOEXEC | O_TRUNC
        if exclusive { flags |= O_EXCL }
        let fd = open(path, flags, mode)
        guard fd >= 0 else { throw FileSystemError(.write, path) }
        fchmod(fd, mode)
        var failure: FileSystemError?
        if let code = FileDescriptor.writeAll(fd, bytes) {
            failure = FileSystemError(.write, path, code: code)
        } else if fsync(fd) != 0 {
            failure = FileSystemError(.write, path)
        }
        close(fd)
        if let failure {
            unlink(path)
            throw failure
        }
    }

    public static func remove(_ path: String) { unlink(path) }

    /// Removes an empty directory; false when it is not empty or cannot be removed.
    @discardableResult
    public static func removeDirectory(_ path: String) -> Bool { rmdir(path) == 0 }

    /// Whether anything is at `path`, a dangling symbolic link included (`exists` follows links).
    public static func entryExists(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0
    }

    /// Creates a new directory `prefix` + six random characters, mode 0700, and returns its path.
    public static func makeUniqueDirectory(prefix: String) throws(FileSystemError) -> String {
        var template = Array((prefix + "XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) != nil }
        guard made else { throw FileSystemError(.createDirectory, prefix + "XXXXXX") }
        return String(cString: template)
    }

    /// A second name for the file `from`, failing when `to` exists: unlike `rename`, it never
    /// replaces what is there (another process's file).
    public static func link(_ from: String, _ to: String) throws(FileSystemError) {
        if Glibc.link(from, to) != 0 { throw FileSystemError(.link, to) }
    }

    /// Flushes a directory's entries to disk, so that a rename or a new file in it survives a
    /// power loss (fsync of the file alone does not make its name durable).
    public static func syncDirectory(_ path: String) throws(FileSystemError) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw FileSystemError(.write, path) }
        defer { close(fd) }
        if fsync(fd) != 0 { throw FileSystemError(.write, path) }
    }

    /// Sets the permission bits of `path`.
    public static func setMode(_ path: String, _ mode: mode_t) throws(FileSystemError) {
        if chmod(path, mode) != 0 { throw FileSystemError(.write, path) }
    }

    public static func rename(_ from: String, _ to: String) throws(FileSystemError) {
        if Glibc.rename(from, to) != 0 { throw FileSystemError(.rename, from) }
    }

    /// The user's home directory, from $HOME or the password database.
    public static func homeDirectory(environment: [String: String]) -> String {
        if let home = environment["HOME"], !home.isEmpty { return home }
        if let pw = getpwuid(getuid()), let dir = pw.pointee.pw_dir { return String(cString: dir) }
        return "/"
    }

    /// The OS user name (the default actor of the audit log).
    public static func userName(environment: [String: String]) -> String {
        if let pw = getpwuid(getuid()), let name = pw.pointee.pw_name { return String(cString: name) }
        return environment["USER"] ?? "unknown"
    }
}

extension FileSystem {
    /// Whether a write to `path` (or to files beside it named `path` + a suffix, as SQLite's
    /// `-wal` and `-journal`) can have failed for want of room: under a megabyte free on its
    /// file system, or a file size limit (`ulimit -f`) that one of them has nearly met. SQLite
    /// reports such a failure as a plain I/O error and loses its errno, so this asks the system.
    public static func isOutOfRoom(for path: String) -> Bool {
        var fs = statvfs()
        if statvfs(parentDirectory(path), &fs) == 0, UInt64(fs.f_bavail) * UInt64(fs.f_frsize) < 1 << 20 { return true }
        var limit = rlimit()
        guard getrlimit(__rlimit_resource_t(RLIMIT_FSIZE.rawValue), &limit) == 0, limit.rlim_cur != rlim_t.max else { return false }   // RLIM_INFINITY
        let largest = [path, path + "-wal", path + "-journal"].compactMap(size).max() ?? 0
        return UInt64(largest) + 65_536 >= UInt64(limit.rlim_cur)
    }
}
