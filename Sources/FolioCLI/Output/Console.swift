#if canImport(Glibc)
import Glibc
#endif
import FolioSupport

/// The process's streams and what they are connected to. The only place that writes to
/// stdout and stderr, so that tests can capture both.
public final class Console {
    public let stdoutIsTerminal: Bool
    public let stderrIsTerminal: Bool
    public let stdinIsTerminal: Bool
    /// ANSI colour on stderr/stdout: only on a terminal, never with --no-color or NO_COLOR.
    public var colorEnabled: Bool

    public init(colorAllowed: Bool = true) {
        stdoutIsTerminal = isatty(1) == 1
        stderrIsTerminal = isatty(2) == 1
        stdinIsTerminal = isatty(0) == 1
        colorEnabled = colorAllowed
    }

    public func out(_ bytes: [UInt8]) { Console.write(fd: 1, bytes) }
    public func out(_ text: String) { out(Array(text.utf8)) }
    public func err(_ text: String) { Console.write(fd: 2, Array(text.utf8)) }

    /// A message for a person (progress, notices): stderr, never stdout.
    public func note(_ text: String) { err(text.hasSuffix("\n") ? text : text + "\n") }

    public func warn(_ text: String) { err(paint("warning:", .yellow, stderr: true) + " " + text + "\n") }

    enum Color: String { case red = "31", green = "32", yellow = "33", bold = "1", dim = "2" }

    func paint(_ text: String, _ color: Color, stderr: Bool) -> String {
        guard colorEnabled, stderr ? stderrIsTerminal : stdoutIsTerminal else { return text }
        return "\u{1B}[\(color.rawValue)m\(text)\u{1B}[0m"
    }

    /// A failed write (EPIPE: the reader went away, as with `| head`) leaves nothing more to say.
    static func write(fd: Int32, _ bytes: [UInt8]) { FileDescriptor.writeAll(fd, bytes) }

    /// Reads all of stdin (for secrets and files given as `-`).
    public func readStdin() -> [UInt8] { FileDescriptor.readAll(0) }

    /// Asks a yes/no question on the terminal; false unless the answer starts with y.
    public func confirm(_ question: String) -> Bool {
        err(question + " [y/N] ")
        let line = FileDescriptor.readLine(0)
        return line.first == UInt8(ascii: "y") || line.first == UInt8(ascii: "Y")
    }
}
