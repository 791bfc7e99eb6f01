import FolioCore
import FolioSupport

/// Writes what a command says: results on stdout, messages on stderr, through the injected
/// streams (so that tests capture both), with colour only on a terminal.
public final class Console {
    public let streams: IOStreams
    /// ANSI colour: only on a terminal, never with --no-color or NO_COLOR.
    public var colorEnabled: Bool

    public init(streams: IOStreams, colorAllowed: Bool = true) {
        self.streams = streams
        colorEnabled = colorAllowed
    }

    public var stdoutIsTerminal: Bool { streams.stdoutIsTerminal }
    public var stderrIsTerminal: Bool { streams.stderrIsTerminal }
    public var stdinIsTerminal: Bool { streams.stdinIsTerminal }

    public func out(_ bytes: [UInt8]) { if !bytes.isEmpty { streams.writeOut(bytes) } }
    public func out(_ text: String) { out(Array(text.utf8)) }
    /// Everything for stderr passes here, and leaves with every API key shortened to its
    /// displayed start (`SecretRedaction`): a key typed where a path, a handle or a scope
    /// belongs is quoted back by the message about it, and stderr ends up in CI logs. Stdout is
    /// not redacted: the one secret it carries is the new key a mint prints once, by design.
    public func err(_ text: String) { streams.writeErr(Array(SecretRedaction.redact(text).utf8)) }

    /// A message for a person (progress, notices): stderr, never stdout.
    public func note(_ text: String) {
        let safe = MessageText.safe(text)
        err(safe.hasSuffix("\n") ? safe : safe + "\n")
    }

    public func warn(_ text: String) { err(paint("warning:", .yellow, stderr: true) + " " + MessageText.safe(text) + "\n") }

    enum Color: String { case red = "31", green = "32", yellow = "33", bold = "1", dim = "2" }

    func paint(_ text: String, _ color: Color, stderr: Bool) -> String {
        guard colorEnabled, stderr ? stderrIsTerminal : stdoutIsTerminal else { return text }
        return "\u{1B}[\(color.rawValue)m\(text)\u{1B}[0m"
    }

    /// Reads all of stdin (for secrets and files given as `-`), or its first `limit + 1` bytes
    /// when it is longer, which the caller refuses.
    public func readStdin(limit: Int) -> [UInt8] { streams.readAll(limit: limit) }

    /// The next `count` bytes of stdin at most (a batch read line by line).
    func readStdinChunk(_ count: Int) -> [UInt8] { streams.readChunk(count) }

    /// Asks a yes/no question on the terminal; false unless the answer starts with y.
    public func confirm(_ question: String) -> Bool {
        err(question + " [y/N] ")
        let line = streams.readLine(limit: 16)
        return line.first == UInt8(ascii: "y") || line.first == UInt8(ascii: "Y")
    }
}
