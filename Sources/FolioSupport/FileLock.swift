#if canImport(Glibc)
import Glibc
#endif

/// An advisory lock (`flock`) on a file, held while the descriptor is open: the kernel drops it
/// when the process ends however it ends, so a file found unlocked has no living writer. An
/// export holds one on its archive from creation until its row commits (the lock follows the
/// file through its rename), which tells another process's clean-up a leftover from a killed
/// run apart from an archive being written.
public final class FileLock {
    private var fd: Int32

    private init(fd: Int32) { self.fd = fd }

    deinit { release() }

    /// Locks `path` exclusively, waiting for no one: nil when it cannot be opened or another
    /// descriptor holds the lock.
    public static func tryLock(_ path: String) -> FileLock? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            return nil
        }
        return FileLock(fd: fd)
    }

    /// Unlocks (and closes) now rather than when the lock is freed.
    public func release() {
        guard fd >= 0 else { return }
        close(fd)
        fd = -1
    }
}

extension FileSystem {
    /// The names in `directory` (not `.` and `..`), sorted; empty when it cannot be read.
    public static func names(in directory: String) -> [String] {
        guard let dir = opendir(directory) else { return [] }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        closedir(dir)
        return names.sorted()
    }

    /// The last modification time of `path`, in seconds since the epoch.
    public static func modificationTime(_ path: String) -> Int64? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return Int64(st.st_mtim.tv_sec)
    }
}

extension FileSystem {
    /// Flushes a written file to disk (before it is renamed into place).
    public static func syncFile(_ path: String) throws(FileSystemError) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw FileSystemError(.write, path) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw FileSystemError(.write, path) }
    }
}

extension FileSystem {
    /// Copies `source` to `target` a MiB at a time, atomically: into `target.tmp-PID`, fsynced,
    /// then renamed, so an interrupted copy never leaves a partial file at `target`.
    public static func copyAtomically(_ source: String, to target: String, mode: mode_t) throws(FileSystemError) {
        let input = try openForReading(source)
        defer { close(input) }
        let temp = target + ".tmp-\(getpid())"
        let output = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
        guard output >= 0 else { throw FileSystemError(.write, target) }
        var failure: FileSystemError?
        while failure == nil {
            let chunk = FileDescriptor.read(input, upTo: 1 << 20)
            if chunk.isEmpty { break }
            if let code = FileDescriptor.writeAll(output, chunk) { failure = FileSystemError(.write, target, code: code) }
        }
        if failure == nil, fsync(output) != 0 { failure = FileSystemError(.write, target) }
        close(output)
        if failure == nil, Glibc.rename(temp, target) != 0 { failure = FileSystemError(.rename, target) }
        if let failure {
            unlink(temp)
            throw failure
        }
    }

    /// Calls `body` with each MiB of `path`, in order.
    public static func forEachChunk(of path: String, _ body: ([UInt8]) -> Void) throws(FileSystemError) {
        let input = try openForReading(path)
        defer { close(input) }
        while true {
            let chunk = FileDescriptor.read(input, upTo: 1 << 20)
            if chunk.isEmpty { return }
            body(chunk)
        }
    }
}
