#if canImport(Glibc)
import Glibc
#endif

/// Starting a child process without Foundation's Process (which drags in more start-up cost).
public enum Subprocess {
    /// Runs `/bin/sh -c command` with `input` on its stdin and its stdout sent to our stderr (so
    /// it can never corrupt a result on stdout). Returns its exit status (127 when it cannot start).
    public static func pipe(_ input: [UInt8], toShellCommand command: String, environment: [String: String]) -> Int32 {
        var fds: [Int32] = [0, 0]
        guard Glibc.pipe(&fds) == 0 else { return 127 }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, fds[0], 0)
        posix_spawn_file_actions_adddup2(&actions, 2, 1)
        posix_spawn_file_actions_addclose(&actions, fds[1])
        let argv = ["/bin/sh", "-c", command]
        let env = environment.map { "\($0.key)=\($0.value)" }
        var pid: pid_t = 0
        let cArgs = argv.map { strdup($0) } + [nil]
        let cEnv = env.map { strdup($0) } + [nil]
        defer {
            cArgs.forEach { free($0) }
            cEnv.forEach { free($0) }
        }
        let rc = posix_spawn(&pid, "/bin/sh", &actions, nil, cArgs, cEnv)
        close(fds[0])
        guard rc == 0 else {
            close(fds[1])
            return 127
        }
        signal(SIGPIPE, SIG_IGN)
        FileDescriptor.writeAll(fds[1], input)
        close(fds[1])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        // WIFEXITED / WEXITSTATUS are macros; decode the wait status by hand.
        if status & 0x7f == 0 { return (status >> 8) & 0xff }
        return 128 + (status & 0x7f)
    }
}
