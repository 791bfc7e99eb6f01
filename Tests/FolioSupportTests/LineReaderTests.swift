import Testing
@testable import FolioSupport
import FolioTestSupport

/// `LineReader`: lines of a stream read in chunks, each bounded; issue 11 item 5 (a batch is
/// streamed, and a line that never ends costs `limit` bytes, not all the memory).
@Suite("line reader")
struct LineReaderTests {
    /// A reader over `bytes` handed out `chunk` bytes at a time, and how many bytes it served.
    func reader(_ bytes: [UInt8], limit: Int = 100, chunk: Int = 3) -> (LineReader, () -> Int) {
        final class Offset { var value = 0 }
        let offset = Offset()
        let reader = LineReader(limit: limit, chunkSize: chunk) { count in
            let end = min(bytes.count, offset.value + count)
            defer { offset.value = end }
            return Array(bytes[offset.value..<end])
        }
        return (reader, { offset.value })
    }

    func lines(_ text: String, limit: Int = 100, chunk: Int = 3) -> [LineReader.Line] {
        var (reader, _) = reader(Array(text.utf8), limit: limit, chunk: chunk)
        var out: [LineReader.Line] = []
        while let line = reader.next() { out.append(line) }
        return out
    }

    func text(_ s: String) -> LineReader.Line { .text(Array(s.utf8)) }

    @Test("lines split at LF across chunk boundaries, CR kept, the last line without LF", arguments: [1, 2, 3, 7, 64])
    func splits(chunk: Int) {
        #expect(lines("ab\ncd\r\n\nlast", chunk: chunk) == [text("ab"), text("cd\r"), text(""), text("last")])
        #expect(lines("one\n", chunk: chunk) == [text("one")])
        #expect(lines("", chunk: chunk) == [])
    }

    @Test("a line of exactly the limit passes; one byte more is too long and ends the reading")
    func limit() {
        #expect(lines("12345\nxy", limit: 5) == [text("12345"), text("xy")])
        #expect(lines("ok\n123456\nnever", limit: 5) == [text("ok"), .tooLong])
        #expect(lines("123456", limit: 5) == [.tooLong])
    }

    @Test("an endless line is refused after about limit + one chunk bytes, not read to its end")
    func endless() {
        var served = 0
        var reader = LineReader(limit: 1000, chunkSize: 256) { count in
            served += count
            return [UInt8](repeating: 0x30, count: count)   // like /dev/zero: never a LF
        }
        #expect(reader.next() == .tooLong)
        #expect(reader.lineNumber == 1)
        #expect(served <= 1000 + 256)
        #expect(reader.next() == nil)
    }

    @Test("line numbers count every line, the too-long one included")
    func numbers() {
        var (lines, _) = reader(Array("a\n\nb\n1234567890\n".utf8), limit: 4)
        var numbers: [Int] = []
        while lines.next() != nil { numbers.append(lines.lineNumber) }
        #expect(numbers == [1, 2, 3, 4])
    }

    @Test("rest() returns what follows the lines read, or nil past the limit having read limit + 1 bytes at most")
    func rest() {
        var (document, _) = reader(Array("{\n  \"a\": 1\n}\n".utf8), limit: 20)
        #expect(document.next() == text("{"))
        #expect(document.rest() == Array("  \"a\": 1\n}\n".utf8))
        #expect(document.next() == nil)

        var (long, served) = reader([UInt8](repeating: 0x20, count: 10_000), limit: 50, chunk: 8)
        #expect(long.rest() == nil)
        #expect(served() <= 50 + 8 + 1)
    }

    @Test("readFile(limit:) reads a regular file, refuses one over the limit, a device that never ends and a directory")
    func readFile() throws {
        let dir = ProcessRunner.temporaryDirectory("folio-linereader")
        try FileSystem.write(Array("hello".utf8), to: dir + "/f", mode: 0o600, exclusive: false)
        #expect(try FileSystem.readFile(dir + "/f", limit: 5) == Array("hello".utf8))
        #expect(throws: FileSystemError.self) { try FileSystem.readFile(dir + "/f", limit: 4) }
        do { _ = try FileSystem.readFile(dir + "/f", limit: 4) } catch { #expect(error.isTooLarge) }
        do { _ = try FileSystem.readFile("/dev/zero", limit: 1000) } catch { #expect(error.isTooLarge) }
        do { _ = try FileSystem.readFile(dir, limit: 1000); Issue.record("a directory was read") } catch { #expect(error.isDirectory) }
        do { _ = try FileSystem.readFile(dir + "/missing", limit: 1000) } catch { #expect(error.isMissing) }
    }
}
