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

    /// The columns of the status line on stderr now (0: none shown), so that it can be blanked.
    private var statusWidth = 0

    /// Writes a result. A status line shown on the terminal is blanked first: on a terminal
    /// stdout and stderr share the screen, and a row written after `100 documents` would start
    /// on that line.
    public func out(_ bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }
        if stdoutIsTerminal { clearStatus() }
        streams.writeOut(bytes)
    }
    public func out(_ text: String) { out(Array(text.utf8)) }
    /// Everything for stderr passes here, and leaves with every API key shortened to its
    /// displayed start (`SecretRedaction`): a key typed where a path, a handle or a scope
    /// belongs is quoted back by the message about it, and stderr ends up in CI logs. Stdout is
    /// not redacted: the one secret it carries is the new key a mint prints once, by design.
    /// A status line shown is blanked first, so that a message starts at the left margin.
    public func err(_ text: String) {
        clearStatus()
        writeErr(text)
    }

    private func writeErr(_ text: String) { streams.writeErr(Array(SecretRedaction.redact(text).utf8)) }

    /// Shows `text` as the status line of a terminal's stderr (progress, "waiting for the store
    /// lock…"): one line without a newline, which the next status replaces and the next
    /// output or message blanks. Nothing when stderr is not a terminal (DESIGN §3: progress only
    /// on a terminal; a log keeps no half-written lines). Cut to the terminal's width, since a
    /// wrapped line could not be taken back with a carriage return.
    public func status(_ text: String) {
        guard stderrIsTerminal else { return }
        var line = FreeTextRule.visible(MessageText.safe(text))
        if let width = streams.terminalWidth, width > 1 { line = DisplayWidth.truncated(line, to: width - 1) }
        let blank = max(statusWidth - DisplayWidth.of(line), 0)
        // Spaces over what is left of a longer previous status, then back to its end.
        writeErr("\r" + line + String(repeating: " ", count: blank) + String(repeating: "\u{8}", count: blank))
        statusWidth = DisplayWidth.of(line)
    }

    /// Blanks the status line, if one is shown (spaces over it, the cursor back at the margin;
    /// no escape sequence, so that it works on any terminal).
    public func clearStatus() {
        guard statusWidth > 0 else { return }
        streams.writeErr(Array(("\r" + String(repeating: " ", count: statusWidth) + "\r").utf8))
        statusWidth = 0
    }

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
