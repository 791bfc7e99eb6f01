#if canImport(Glibc)
import Glibc
#endif
import FolioSupport
import Synchronization

/// The streams a command runs with, injected as gh does with its IOStreams: the process's file
/// descriptors in the binary, in-memory buffers in tests. Knows whether each is a terminal and
/// how wide the terminal is.
public final class IOStreams: Sendable {
    public let stdinIsTerminal: Bool
    public let stdoutIsTerminal: Bool
    public let stderrIsTerminal: Bool
    /// Columns of the terminal on stdout (nil when it is not one, or unknown).
    public let terminalWidth: Int?
    private let input: Input
    private let output: Output

    enum Input: Sendable {
        case descriptor(Int32)
        case bytes(StdinBuffer)
    }

    enum Output: Sendable {
        case descriptors
        case buffers(CapturedOutput)
    }

    init(input: Input, output: Output, stdinIsTerminal: Bool, stdoutIsTerminal: Bool, stderrIsTerminal: Bool,
         terminalWidth: Int?) {
        self.input = input
        self.output = output
        self.stdinIsTerminal = stdinIsTerminal
        self.stdoutIsTerminal = stdoutIsTerminal
        self.stderrIsTerminal = stderrIsTerminal
        self.terminalWidth = terminalWidth
    }

    /// The process's own stdin, stdout and stderr.
    public static func system() -> IOStreams {
        var size = winsize()
        let width = isatty(1) == 1 && ioctl(1, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 ? Int(size.ws_col) : nil
        return IOStreams(input: .descriptor(0), output: .descriptors, stdinIsTerminal: isatty(0) == 1,
                         stdoutIsTerminal: isatty(1) == 1, stderrIsTerminal: isatty(2) == 1, terminalWidth: width)
    }

    /// Streams in memory: `stdin` is what the command reads; what it writes is in `captured`.
    /// The terminal flags say what the command should believe it is connected to.
    public static func buffered(stdin: [UInt8] = [], stdinIsTerminal: Bool = false, stdoutIsTerminal: Bool = false,
                                stderrIsTerminal: Bool = false, terminalWidth: Int? = nil) -> (IOStreams, CapturedOutput) {
        let captured = CapturedOutput()
        let streams = IOStreams(input: .bytes(StdinBuffer(stdin)), output: .buffers(captured), stdinIsTerminal: stdinIsTerminal,
                                stdoutIsTerminal: stdoutIsTerminal, stderrIsTerminal: stderrIsTerminal,
                                terminalWidth: terminalWidth)
        return (streams, captured)
    }

    func writeOut(_ bytes: [UInt8]) {
        switch output {
        case .descriptors: FileDescriptor.writeAll(1, bytes)   // EPIPE (`| head`): nothing more to say
        case .buffers(let captured): captured.stdout.withLock { $0 += bytes }
        }
    }

    func writeErr(_ bytes: [UInt8]) {
        switch output {
        case .descriptors: FileDescriptor.writeAll(2, bytes)
        case .buffers(let captured): captured.stderr.withLock { $0 += bytes }
        }
    }

    /// All of stdin.
    func readAll() -> [UInt8] {
        switch input {
        case .descriptor(let fd): return FileDescriptor.readAll(fd)
        case .bytes(let buffer): return buffer.bytes.withLock { all in defer { all = [] }; return all }
        }
    }

    /// One line of stdin, without its newline.
    func readLine() -> [UInt8] {
        switch input {
        case .descriptor(let fd): return FileDescriptor.readLine(fd)
        case .bytes(let buffer):
            return buffer.bytes.withLock { all in
                let line = Array(all.prefix { $0 != 10 })
                all.removeFirst(min(all.count, line.count + 1))
                return line
            }
        }
    }
}

/// What a command wrote to buffered streams.
public final class CapturedOutput: Sendable {
    let stdout = Mutex<[UInt8]>([])
    let stderr = Mutex<[UInt8]>([])

    public var stdoutBytes: [UInt8] { stdout.withLock { $0 } }
    public var stdoutText: String { String(decoding: stdoutBytes, as: UTF8.self) }
    public var stderrText: String { String(decoding: stderr.withLock { $0 }, as: UTF8.self) }
}

/// Stdin in memory, consumed as it is read.
final class StdinBuffer: Sendable {
    let bytes: Mutex<[UInt8]>
    init(_ bytes: [UInt8]) { self.bytes = Mutex(bytes) }
}
