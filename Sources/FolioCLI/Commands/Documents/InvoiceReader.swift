import FolioCore
import FolioCrypto
import FolioSupport

/// Reads the input of `documents create` as it goes: one JSON document, or JSON lines streamed
/// one line at a time, never more than `InputLimit.invoice` of one invoice in memory.
///
/// Which of the two it is shows at the first non-blank line: when it is a complete JSON value
/// by itself and another non-blank line follows, the input is JSON lines; when it is alone, it
/// is the one document; when it is not complete, the input is one document spread over lines
/// (pretty-printed), read whole up to the limit. A malformed line of JSON lines fails alone,
/// as an invalid invoice does; a line over the limit fails and ends the reading, since finding
/// the next line would mean reading an endless one to its end.
final class InvoiceReader: Sequence, IteratorProtocol {
    /// What the input turned out to be.
    enum Kind {
        /// One document and its bytes (for the idempotency fingerprint).
        case document(JSONValue, bytes: [UInt8])
        /// JSON lines: this reader yields them.
        case lines
    }

    private(set) var kind: Kind
    private var reader: LineReader
    /// Lines read while telling the kinds apart, yielded first.
    private var pending: [BatchInput<JSONValue>]
    private let path: String
    private let source: String
    private let field: String
    private let context: CommandContext
    private let descriptor: Int32?

    /// Opens `path` ("-": stdin) and reads as far as telling the kinds apart takes. A
    /// document that is malformed or over the limit fails here, naming `field`.
    init(path: String, field: String, context: CommandContext) throws(FolioError) {
        let limit = InputLimit.invoice
        self.path = path
        self.field = field
        self.context = context
        source = path == "-" ? "stdin" : "'\(path)'"
        if path == "-" {
            if context.console.stdinIsTerminal {
                throw .validation("no \(limit.what) given", field: field, hint: "pass --\(field) FILE, or pipe it on stdin")
            }
            descriptor = nil
            reader = LineReader(limit: limit.bytes) { [console = context.console] in console.readStdinChunk($0) }
        } else {
            let fd: Int32
            do throws(FileSystemError) { fd = try FileSystem.openForReading(path) } catch {
                throw context.inputError(error, path: path, limit: limit, field: field)
            }
            descriptor = fd
            reader = LineReader(limit: limit.bytes) { FileDescriptor.read(fd, upTo: $0) }
        }
        pending = []
        kind = .lines
        var seen: [UInt8] = []
        guard let (first, number, value) = try firstLine(seen: &seen) else {
            kind = .document(try Self.document(seen, source: source, field: field), bytes: seen)
            return
        }
        guard let value else {
            // Not complete by itself: one document over several lines.
            guard let rest = reader.rest(), seen.count + rest.count <= limit.bytes else {
                throw context.tooLarge(limit, source: path, field: field)
            }
            let bytes = seen + rest
            kind = .document(try Self.document(bytes, source: source, field: field), bytes: bytes)
            return
        }
        guard let second = next() else {
            kind = .document(value, bytes: seen)
            return
        }
        pending = [input(line: number, bytes: first, value: value), second]
    }

    deinit { if let descriptor { FileDescriptor.close(descriptor) } }

    /// The next invoice line (blank lines skipped), or nil at the end.
    func next() -> BatchInput<JSONValue>? {
        if !pending.isEmpty { return pending.removeFirst() }
        while let line = reader.next() {
            let number = reader.lineNumber
            guard case .text(let bytes) = line else {
                // The printer puts "line N: " before the message and the line in the details.
                let limit = InputLimit.invoice
                return BatchInput(line: number, failure: FolioError(
                    .validationFailed, "longer than \(limit.described), the most Folio reads for \(limit.one); "
                        + "the lines after it were not read", field: field, hint: "each line of a batch is one invoice",
                    details: [JSONMember("limit", .int(limit.bytes))]))
            }
            do throws(JSONParseError) {
                guard let value = try JSONParser.parseLine(bytes[...], number: number) else { continue }
                return input(line: number, bytes: bytes, value: value)
            } catch {
                return BatchInput(line: number, failure: FolioError(
                    .validationFailed, "malformed JSON: \(error.message) at column \(error.column)", field: field,
                    details: [JSONMember("column", .int(error.column))]))
            }
        }
        return nil
    }

    private func input(line: Int, bytes: [UInt8], value: JSONValue) -> BatchInput<JSONValue> {
        BatchInput(line: line, value: value, fingerprint: Hex.encode(Digest.sha256(bytes)), size: bytes.count)
    }

    /// The first non-blank line, its number, and its value when it is complete JSON by itself;
    /// nil when the input has none. `seen` collects the lines read, line breaks included.
    private func firstLine(seen: inout [UInt8]) throws(FolioError) -> ([UInt8], Int, JSONValue?)? {
        while let line = reader.next() {
            guard case .text(let bytes) = line else { throw context.tooLarge(InputLimit.invoice, source: path, field: field) }
            seen += bytes + [10]
            do throws(JSONParseError) {
                if let value = try JSONParser.parseLine(bytes[...], number: reader.lineNumber) {
                    return (bytes, reader.lineNumber, value)
                }
            } catch {
                return (bytes, reader.lineNumber, nil)
            }
        }
        return nil
    }

    /// `bytes` as one JSON document; malformed, an error naming line and column.
    private static func document(_ bytes: [UInt8], source: String, field: String) throws(FolioError) -> JSONValue {
        do throws(JSONParseError) { return try JSONParser.parse(bytes) } catch {
            throw FolioError(.validationFailed, "malformed JSON in \(source): \(error.description)", field: field,
                             details: [JSONMember("line", .int(error.line)), JSONMember("column", .int(error.column))])
        }
    }
}
