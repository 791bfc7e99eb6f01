/// The lines of an input read in chunks, each line at most `limit` bytes: memory stays at one
/// line and one chunk however long the input is, and a line that never ends (`/dev/zero`, a
/// binary file) is reported as too long after `limit` bytes instead of being read to the end.
///
/// Lines are split at LF; a CR before it stays in the line (JSON takes it for white space).
/// The last line needs no LF.
public struct LineReader {
    /// One line of the input.
    public enum Line: Equatable {
        /// The line's bytes, without its LF.
        case text([UInt8])
        /// The line has more than `limit` bytes. Nothing after it is read: a reader that went on
        /// would have to read an endless line to its end to find the next one.
        case tooLong
    }

    /// The most bytes a line may have (without its LF).
    public let limit: Int
    /// The 1-based number of the line `next()` returned last.
    public private(set) var lineNumber = 0
    private let chunkSize: Int
    private let readChunk: (Int) -> [UInt8]
    private var buffer: [UInt8] = []
    /// Where the unreturned part of `buffer` starts.
    private var start = 0
    /// Where the search for the next LF resumes (bytes before it have none).
    private var scanned = 0
    private var atEnd = false
    private var stopped = false

    /// `readChunk(n)` returns at most `n` more bytes of the input, or none at its end.
    public init(limit: Int, chunkSize: Int = 65_536, readChunk: @escaping (Int) -> [UInt8]) {
        self.limit = limit
        self.chunkSize = chunkSize
        self.readChunk = readChunk
    }

    /// The next line, or nil at the end of the input (and after a line that was too long).
    public mutating func next() -> Line? {
        if stopped { return nil }
        while true {
            if let newline = buffer[scanned...].firstIndex(of: 10) {
                let line = Array(buffer[start..<newline])
                start = newline + 1
                scanned = start
                return finish(line)
            }
            scanned = buffer.count
            if buffer.count - start > limit { return tooLong() }
            if atEnd {
                guard start < buffer.count else { return nil }
                let line = Array(buffer[start...])
                start = buffer.count
                return finish(line)
            }
            compact()
            let chunk = readChunk(chunkSize)
            if chunk.isEmpty { atEnd = true } else { buffer += chunk }
        }
    }

    /// Everything after the lines returned so far, when it is at most `limit` bytes; nil when
    /// it is longer (having read `limit + 1` bytes of it, no more).
    public mutating func rest() -> [UInt8]? {
        if stopped { return nil }
        while !atEnd, buffer.count - start <= limit {
            compact()
            let chunk = readChunk(chunkSize)
            if chunk.isEmpty { atEnd = true } else { buffer += chunk }
        }
        stopped = true
        return buffer.count - start > limit ? nil : Array(buffer[start...])
    }

    private mutating func finish(_ line: [UInt8]) -> Line {
        lineNumber += 1
        return line.count > limit ? tooLong(counted: true) : .text(line)
    }

    private mutating func tooLong(counted: Bool = false) -> Line {
        if !counted { lineNumber += 1 }
        stopped = true
        buffer = []
        return .tooLong
    }

    /// Drops the returned lines from the front of the buffer before it grows, so that the
    /// buffer holds one line and one chunk at most.
    private mutating func compact() {
        guard start > 0 else { return }
        buffer.removeFirst(start)
        scanned -= start
        start = 0
    }
}
