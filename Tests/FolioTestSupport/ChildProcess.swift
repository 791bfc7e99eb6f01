#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// A child process started with `posix_spawn`, its stdin, stdout and stderr on pipes.
///
/// Foundation's `Process` waits for its child on a run loop whose timers follow the wall clock;
/// under libfaketime (which CI uses to run the suite years ahead) that wait never ends. A plain
/// `posix_spawn` + `poll` + `waitpid` has no timers, so it behaves the same on any date.
public final class ChildProcess {
    public let pid: pid_t
    /// The parent's ends: write to `stdin`, read `stdout` and `stderr`. -1 once closed.
    public private(set) var stdin: Int32
    public private(set) var stdout: Int32
    public private(set) var stderr: Int32
    private var reaped: Int32?

    /// Starts `argv` (argv[0] an absolute path); `environment` nil inherits this process's.
    public init(_ argv: [String], environment: [String: String]? = nil, currentDirectory: String? = nil) throws {
        // Tests start children from many threads at once: pipes are made close-on-exec under the
        // same lock as every spawn, so no other child inherits (and holds open) this one's pipes.
        ChildProcess.spawnLock.lock()
        defer { ChildProcess.spawnLock.unlock() }
        var input: [Int32] = [-1, -1], output: [Int32] = [-1, -1], errors: [Int32] = [-1, -1]
        guard pipe(&input) == 0, pipe(&output) == 0, pipe(&errors) == 0 else {
            throw HarnessError(message: "pipe: \(String(cString: strerror(errno)))")
        }
        for fd in input + output + errors { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, input[0], 0)
        posix_spawn_file_actions_adddup2(&actions, output[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errors[1], 2)
        // Every other descriptor of the test process stays out of the child: a file another
        // test has open for writing (a script it is about to run) would otherwise stay open in
        // this child and make that exec fail with ETXTBSY.
        if let closeFrom = ChildProcess.addCloseFrom { _ = closeFrom(&actions, 3) }
        if let currentDirectory {
            guard let addChdir = ChildProcess.addChdir, addChdir(&actions, currentDirectory) == 0 else {
                throw HarnessError(message: "cannot start \(argv[0]) in \(currentDirectory)")
            }
        }

        // The tests ignore SIGPIPE (a child that exits before reading its input must not kill
        // the test process); the child gets the defaults back.
        ChildProcess.ignoreSIGPIPE
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        sigaddset(&defaults, SIGTERM)
        sigaddset(&defaults, SIGINT)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        // The test runner blocks some signals; a child must start with none blocked, or a
        // SIGTERM sent to end it would be held forever.
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        posix_spawnattr_setsigmask(&attributes, &unblocked)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let env = environment.map { $0.map { "\($0.key)=\($0.value)" } }
        var spawned: pid_t = 0
        let status = ChildProcess.withCStrings(argv) { argvPointers in
            if let env {
                return ChildProcess.withCStrings(env) { posix_spawn(&spawned, argv[0], &actions, &attributes, argvPointers, $0) }
            }
            return posix_spawn(&spawned, argv[0], &actions, &attributes, argvPointers, environ)
        }
        close(input[0]); close(output[1]); close(errors[1])
        guard status == 0 else {
            close(input[1]); close(output[0]); close(errors[0])
            throw HarnessError(message: "cannot start \(argv[0]): \(String(cString: strerror(status)))")
        }
        pid = spawned
        stdin = input[1]
        stdout = output[0]
        stderr = errors[0]
    }

    deinit {
        for fd in [stdin, stdout, stderr] where fd >= 0 { close(fd) }
        if reaped == nil { kill(pid, SIGKILL); _ = wait() }
    }

    /// Closes the child's stdin (it reads end of file).
    public func closeStdin() {
        if stdin >= 0 { close(stdin); stdin = -1 }
    }

    /// Writes all of `bytes` to the child's stdin (blocking).
    public func write(_ bytes: Data) {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Glibc.write(stdin, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 { if errno == EINTR { continue }; return }
                offset += n
            }
        }
    }

    /// Writes `bytes` to the child's stdin from another thread, then closes it: the caller may
    /// read the child's output meanwhile (a child that reads all its input before it writes
    /// would otherwise deadlock against a full pipe).
    public func feedInBackground(_ bytes: Data) {
        let fd = stdin
        stdin = -1
        let thread = Thread {
            bytes.withUnsafeBytes { raw in
                var offset = 0
                while offset < raw.count {
                    let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                    if n < 0 { if errno == EINTR { continue }; break }
                    offset += n
                }
            }
            close(fd)
        }
        thread.start()
    }

    /// Reads stdout (or stderr) to its end.
    public func readToEnd(stderr fromStderr: Bool = false) -> Data {
        let fd = fromStderr ? stderr : stdout
        var out = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = read(fd, &buffer, buffer.count)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return out }
            out.append(contentsOf: buffer[0..<n])
        }
    }

    /// Reads what is available on stdout, blocking until at least one byte or end of file.
    public func readSomeStdout() -> Data {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = read(stdout, &buffer, buffer.count)
            if n < 0 && errno == EINTR { continue }
            return n > 0 ? Data(buffer[0..<n]) : Data()
        }
    }

    /// Sends `signal` to the child.
    public func send(_ signal: Int32) { kill(pid, signal) }

    /// Feeds `input` to stdin (then closes it) while collecting stdout and stderr until both end,
    /// polling all three so that a child filling one pipe never deadlocks.
    public func communicate(_ input: Data?) -> (stdout: Data, stderr: Data) {
        let pending = input ?? Data()
        var written = 0
        if pending.isEmpty { closeStdin() }
        var out = Data(), err = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while stdout >= 0 || stderr >= 0 {
            var fds: [pollfd] = []
            if stdin >= 0 { fds.append(pollfd(fd: stdin, events: Int16(POLLOUT), revents: 0)) }
            if stdout >= 0 { fds.append(pollfd(fd: stdout, events: Int16(POLLIN), revents: 0)) }
            if stderr >= 0 { fds.append(pollfd(fd: stderr, events: Int16(POLLIN), revents: 0)) }
            if poll(&fds, nfds_t(fds.count), -1) < 0 {
                if errno == EINTR { continue }
                break
            }
            for entry in fds where entry.revents != 0 {
                if entry.fd == stdin {
                    let n = pending.withUnsafeBytes { raw in
                        Glibc.write(stdin, raw.baseAddress! + written, min(raw.count - written, 65_536))
                    }
                    if n > 0 { written += n }
                    if n < 0 && errno != EINTR && errno != EAGAIN { written = pending.count }
                    if written >= pending.count { closeStdin() }
                    continue
                }
                let n = read(entry.fd, &buffer, buffer.count)
                if n > 0 {
                    if entry.fd == stdout { out.append(contentsOf: buffer[0..<n]) } else { err.append(contentsOf: buffer[0..<n]) }
                } else if n == 0 || (errno != EINTR && errno != EAGAIN) {
                    close(entry.fd)
                    if entry.fd == stdout { stdout = -1 } else { stderr = -1 }
                }
            }
        }
        closeStdin()
        return (out, err)
    }

    /// Waits for the child to end; its exit status, or 128 + the signal that ended it.
    @discardableResult
    public func wait() -> Int32 {
        if let reaped { return reaped }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let code = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        reaped = code
        return code
    }

    private static let ignoreSIGPIPE: Void = { _ = Glibc.signal(SIGPIPE, SIG_IGN) }()
    private static let spawnLock = NSLock()

    /// glibc's `posix_spawn_file_actions_addchdir_np` (2.29+), which Swift's Glibc module does
    /// not import (it is declared only under _GNU_SOURCE).
    private typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32
    private static let addChdir: AddChdir? = dlsym(nil, "posix_spawn_file_actions_addchdir_np")
        .map { unsafeBitCast($0, to: AddChdir.self) }
    /// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34+), likewise.
    private typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    private static let addCloseFrom: AddCloseFrom? = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np")
        .map { unsafeBitCast($0, to: AddCloseFrom.self) }

    /// Runs `body` with a NULL-terminated array of C strings.
    private static func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
        let pointers = strings.map { strdup($0) } + [nil]
        defer { for pointer in pointers { free(pointer) } }
        return body(pointers)
    }
}
