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
        case .buffers(let captured):
            captured.stdout.withLock { $0 += bytes }
            captured.transcript.withLock { $0 += bytes }
        }
    }

    func writeErr(_ bytes: [UInt8]) {
        switch output {
        case .descriptors: FileDescriptor.writeAll(2, bytes)
        case .buffers(let captured):
            captured.stderr.withLock { $0 += bytes }
            captured.transcript.withLock { $0 += bytes }
        }
    }

    /// All of stdin, or its first `limit + 1` bytes when it is longer (the caller refuses it).
    func readAll(limit: Int) -> [UInt8] {
        switch input {
        case .descriptor(let fd): return FileDescriptor.readAll(fd, limit: limit)
        case .bytes(let buffer): return buffer.take(limit + 1)
        }
    }

    /// At most `count` more bytes of stdin; none at its end.
    func readChunk(_ count: Int) -> [UInt8] {
        switch input {
        case .descriptor(let fd): return FileDescriptor.read(fd, upTo: count)
        case .bytes(let buffer): return buffer.take(count)
        }
    }

    /// One line of stdin, without its newline, at most `limit` bytes of it.
    func readLine(limit: Int) -> [UInt8] {
        switch input {
        case .descriptor(let fd): return FileDescriptor.readLine(fd, limit: limit)
        case .bytes(let buffer):
            var line: [UInt8] = []
            while let byte = buffer.take(1).first, byte != 10 { if line.count < limit { line.append(byte) } }
            return line
        }
    }
}

/// What a command wrote to buffered streams.
public final class CapturedOutput: Sendable {
    let stdout = Mutex<[UInt8]>([])
    let stderr = Mutex<[UInt8]>([])
    /// Both streams in the order they were written, as a terminal showing both would get them.
    let transcript = Mutex<[UInt8]>([])

    public var stdoutBytes: [UInt8] { stdout.withLock { $0 } }
    public var stdoutText: String { String(decoding: stdoutBytes, as: UTF8.self) }
    public var stderrText: String { String(decoding: stderr.withLock { $0 }, as: UTF8.self) }
    public var transcriptText: String { String(decoding: transcript.withLock { $0 }, as: UTF8.self) }
}

/// Stdin in memory, consumed as it is read (from an offset, so that reading it in chunks costs
/// no copying of what is left).
final class StdinBuffer: Sendable {
    private let state: Mutex<(bytes: [UInt8], offset: Int)>
    init(_ bytes: [UInt8]) { state = Mutex((bytes, 0)) }

    /// The next `count` bytes at most.
    func take(_ count: Int) -> [UInt8] {
        state.withLock { state in
            let end = min(state.bytes.count, state.offset + max(0, count))
            defer { state.offset = end }
            return Array(state.bytes[state.offset..<end])
        }
    }
}
