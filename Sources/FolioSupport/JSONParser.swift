/// Why a JSON text was refused, and where: `expected ',' or '}' at line 3, column 14`.
///
/// `line` and `column` are 1-based; the column counts Unicode scalars, not bytes, so it matches
/// what an editor shows.
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    public let line: Int
    public let column: Int

    public init(message: String, line: Int, column: Int) {
        self.message = message
        self.line = line
        self.column = column
    }

    public var description: String { "\(message) at line \(line), column \(column)" }
}

/// One document of a JSON-lines text, with the line it came from (1-based).
public struct JSONLine: Sendable, Equatable {
    public let line: Int
    public let value: JSONValue
}

/// A strict RFC 8259 parser producing `JSONValue`.
///
/// Strict on purpose: the input is an invoice, and a silently accepted mistake is worse than a
/// refusal. Duplicate keys, trailing garbage, comments, trailing commas, leading zeros, invalid
/// UTF-8, lone surrogates and nesting deeper than `maxDepth` are all errors. A leading UTF-8 byte
/// order mark is skipped (editors on Windows write one). Numbers keep their exact text.
public enum JSONParser {
    /// Deep enough for any invoice, shallow enough that recursion can never exhaust the stack.
    public static let maxDepth = 64

    public static func parse(_ bytes: [UInt8]) throws(JSONParseError) -> JSONValue {
        var reader = JSONReader(bytes: bytes)
        return try reader.parseDocument()
    }

    public static func parse(_ text: String) throws(JSONParseError) -> JSONValue {
        try parse(Array(text.utf8))
    }

    /// One line of a JSON-lines text (without its LF; a CR before it is dropped): nil when it
    /// is blank. An error reports `number` as its line, for a reader that streams the lines.
    public static func parseLine(_ bytes: ArraySlice<UInt8>, number: Int) throws(JSONParseError) -> JSONValue? {
        var slice = bytes
        if slice.last == UInt8(ascii: "\r") { slice = slice.dropLast() }
        if slice.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return nil }
        var reader = JSONReader(bytes: Array(slice))
        reader.line = number
        return try reader.parseDocument()
    }

    /// Parses JSON lines: one document per non-blank line (`\n` or `\r\n` line ends). An error
    /// reports the line of the file it happened on.
    public static func parseLines(_ bytes: [UInt8]) throws(JSONParseError) -> [JSONLine] {
        var result: [JSONLine] = []
        var lineNumber = 0
        var start = 0
        while start <= bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != UInt8(ascii: "\n") { end += 1 }
            lineNumber += 1
            if let value = try parseLine(bytes[start..<end], number: lineNumber) { result.append(JSONLine(line: lineNumber, value: value)) }
            if end == bytes.count { break }
            start = end + 1
        }
        return result
    }
}

/// The cursor over the bytes; tracks line and column for error messages.
struct JSONReader {
    let bytes: [UInt8]
    var index = 0
    var line = 1
    var column = 1
    var depth = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func parseDocument() throws(JSONParseError) -> JSONValue {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        skipWhitespace()
        guard index < bytes.count else { throw error("empty input; expected a JSON value") }
        let value = try parseValue()
        skipWhitespace()
        if index < bytes.count {
            throw error("unexpected \(describeCurrent()) after the JSON value")
        }
        return value
    }

    // MARK: errors and position

    func error(_ message: String) -> JSONParseError {
        JSONParseError(message: message, line: line, column: column)
    }

    func describeCurrent() -> String {
        guard index < bytes.count else { return "end of input" }
        let b = bytes[index]
        if b >= 0x21 && b < 0x7F { return "character '\(Character(Unicode.Scalar(b)))'" }
        return "byte 0x" + hex2(b)
    }

    private func hex2(_ b: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(b >> 4)], digits[Int(b & 0xF)]])
    }

    /// Advances one byte, keeping line/column right (UTF-8 continuation bytes add no column).
    mutating func advance() {
        let b = bytes[index]
        index += 1
        if b == UInt8(ascii: "\n") {
            line += 1
            column = 1
        } else if b & 0xC0 != 0x80 {
            column += 1
        }
    }

    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: advance()
            default: return
            }
        }
    }

    mutating func expect(_ literal: String, value: JSONValue) throws(JSONParseError) -> JSONValue {
        let startLine = line, startColumn = column
        for b in literal.utf8 {
            guard index < bytes.count, bytes[index] == b else {
                throw JSONParseError(message: "invalid literal; expected '\(literal)'", line: startLine, column: startColumn)
            }
            advance()
        }
        return value
    }

    // MARK: values

    mutating func parseValue() throws(JSONParseError) -> JSONValue {
        guard index < bytes.count else { throw error("unexpected end of input; expected a value") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): return try expect("true", value: .bool(true))
        case UInt8(ascii: "f"): return try expect("false", value: .bool(false))
        case UInt8(ascii: "n"): return try expect("null", value: .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        default: throw error("unexpected \(describeCurrent()); expected a value")
        }
    }

    mutating func enter() throws(JSONParseError) {
        depth += 1
        if depth > JSONParser.maxDepth {
            throw error("nesting deeper than \(JSONParser.maxDepth) levels")
        }
    }

    mutating func parseObject() throws(JSONParseError) -> JSONValue {
        try enter()
        advance() // {
        var members: [JSONMember] = []
        var seen = Set<String>()
        skipWhitespace()
        if index < bytes.count && bytes[index] == UInt8(ascii: "}") {
            advance()
            depth -= 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                throw error("expected a string key, found \(describeCurrent())")
            }
            let keyLine = line, keyColumn = column
            let key = try parseString()
            // Small objects: a scan is cheaper than hashing; large ones use the set.
            let duplicate: Bool
            if members.count < 16 {
                duplicate = members.contains { $0.key == key }
            } else {
                if seen.isEmpty { seen = Set(members.map(\.key)) }
                duplicate = !seen.insert(key).inserted
            }
            if duplicate {
                throw JSONParseError(message: "duplicate key '\(key)'", line: keyLine, column: keyColumn)
            }
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                throw error("expected ':' after key '\(key)', found \(describeCurrent())")
            }
            advance()
            skipWhitespace()
            members.append(JSONMember(key, try parseValue()))
            skipWhitespace()
            guard index < bytes.count else { throw error("unexpected end of input; expected ',' or '}'") }
            if bytes[index] == UInt8(ascii: ",") { advance(); continue }
            if bytes[index] == UInt8(ascii: "}") { advance(); break }
            throw error("expected ',' or '}', found \(describeCurrent())")
        }
        depth -= 1
        return .object(members)
    }

    mutating func parseArray() throws(JSONParseError) -> JSONValue {
        try enter()
        advance() // [
        var items: [JSONValue] = []
        skipWhitespace()
        if index < bytes.count && bytes[index] == UInt8(ascii: "]") {
            advance()
            depth -= 1
            return .array(items)
        }
        while true {
            skipWhitespace()
            items.append(try parseValue())
            skipWhitespace()
            guard index < bytes.count else { throw error("unexpected end of input; expected ',' or ']'") }
            if bytes[index] == UInt8(ascii: ",") { advance(); continue }
            if bytes[index] == UInt8(ascii: "]") { advance(); break }
            throw error("expected ',' or ']', found \(describeCurrent())")
        }
        depth -= 1
        return .array(items)
    }

    /// RFC 8259 number grammar: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    mutating func parseNumber() throws(JSONParseError) -> String {
        let start = index
        func isDigit(_ i: Int) -> Bool { i < bytes.count && bytes[i] >= 0x30 && bytes[i] <= 0x39 }
        if bytes[index] == UInt8(ascii: "-") { advance() }
        guard isDigit(index) else { throw error("invalid number: expected a digit") }
        if bytes[index] == UInt8(ascii: "0") {
            advance()
            if isDigit(index) { throw error("invalid number: leading zeros are not allowed") }
        } else {
            while isDigit(index) { advance() }
        }
        if index < bytes.count && bytes[index] == UInt8(ascii: ".") {
            advance()
            guard isDigit(index) else { throw error("invalid number: expected a digit after '.'") }
            while isDigit(index) { advance() }
        }
        if index < bytes.count && (bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E")) {
            advance()
            if index < bytes.count && (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")) { advance() }
            guard isDigit(index) else { throw error("invalid number: expected a digit in the exponent") }
            while isDigit(index) { advance() }
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }
}

extension JSONReader {
    /// Parses a string literal at `index` (which holds the opening quote), validating UTF-8.
    mutating func parseString() throws(JSONParseError) -> String {
        advance() // opening quote
        // Most strings are printable ASCII without escapes: one scan, one String, no copy loop.
        let start = index
        var end = index
        while end < bytes.count {
            let b = bytes[end]
            if b == UInt8(ascii: "\"") {
                column += end - start + 1
                index = end + 1
                return String(decoding: bytes[start..<end], as: UTF8.self)
            }
            if b < 0x20 || b >= 0x80 || b == UInt8(ascii: "\\") { break }
            end += 1
        }
        // The rest byte by byte (escapes, UTF-8 validation, errors with their column).
        var out = Array(bytes[start..<end])
        column += end - start
        index = end
        while true {
            guard index < bytes.count else { throw error("unterminated string") }
            let b = bytes[index]
            switch b {
            case UInt8(ascii: "\""):
                advance()
                return String(decoding: out, as: UTF8.self)
            case UInt8(ascii: "\\"):
                advance()
                try parseEscape(into: &out)
            case 0x00..<0x20:
                throw error("control character (byte 0x\(String(b, radix: 16))) in a string; escape it")
            case 0x20..<0x80:
                out.append(b)
                advance()
            default:
                try copyUTF8Sequence(into: &out)
            }
        }
    }

    private mutating func parseEscape(into out: inout [UInt8]) throws(JSONParseError) {
        guard index < bytes.count else { throw error("unterminated string") }
        let c = bytes[index]
        let simple: UInt8?
        switch c {
        case UInt8(ascii: "\""): simple = 0x22
        case UInt8(ascii: "\\"): simple = 0x5C
        case UInt8(ascii: "/"): simple = 0x2F
        case UInt8(ascii: "b"): simple = 0x08
        case UInt8(ascii: "f"): simple = 0x0C
        case UInt8(ascii: "n"): simple = 0x0A
        case UInt8(ascii: "r"): simple = 0x0D
        case UInt8(ascii: "t"): simple = 0x09
        case UInt8(ascii: "u"): simple = nil
        default: throw error("invalid escape '\\\(describeEscape(c))' in a string")
        }
        advance()
        if let simple { out.append(simple); return }
        var scalar = try hex4()
        if scalar >= 0xD800 && scalar < 0xDC00 {
            // A high surrogate must be followed by an escaped low surrogate.
            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                throw error("lone surrogate \\u\(String(scalar, radix: 16, uppercase: true)) in a string")
            }
            advance(); advance()
            let low = try hex4()
            guard low >= 0xDC00 && low < 0xE000 else { throw error("invalid surrogate pair in a string") }
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
        } else if scalar >= 0xDC00 && scalar < 0xE000 {
            throw error("lone surrogate \\u\(String(scalar, radix: 16, uppercase: true)) in a string")
        }
        out.append(contentsOf: Array(String(Character(Unicode.Scalar(scalar)!)).utf8))
    }

    private func describeEscape(_ c: UInt8) -> String {
        c >= 0x21 && c < 0x7F ? String(Character(Unicode.Scalar(c))) : "0x" + String(c, radix: 16)
    }

    private mutating func hex4() throws(JSONParseError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard index < bytes.count else { throw error("unterminated \\u escape") }
            let b = bytes[index]
            let digit: UInt32
            switch b {
            case 0x30...0x39: digit = UInt32(b - 0x30)
            case 0x41...0x46: digit = UInt32(b - 0x41 + 10)
            case 0x61...0x66: digit = UInt32(b - 0x61 + 10)
            default: throw error("invalid \\u escape: expected 4 hex digits")
            }
            value = value << 4 | digit
            advance()
        }
        return value
    }

    /// Copies one multi-byte UTF-8 sequence, refusing malformed, overlong and surrogate forms.
    private mutating func copyUTF8Sequence(into out: inout [UInt8]) throws(JSONParseError) {
        let b0 = bytes[index]
        let length: Int
        let minimum: UInt32
        var scalar: UInt32
        switch b0 {
        case 0xC2...0xDF: length = 2; minimum = 0x80; scalar = UInt32(b0 & 0x1F)
        case 0xE0...0xEF: length = 3; minimum = 0x800; scalar = UInt32(b0 & 0x0F)
        case 0xF0...0xF4: length = 4; minimum = 0x10000; scalar = UInt32(b0 & 0x07)
        default: throw error("invalid UTF-8 byte 0x\(String(b0, radix: 16, uppercase: true))")
        }
        guard index + length <= bytes.count else { throw error("truncated UTF-8 sequence") }
        for k in 1..<length {
            let b = bytes[index + k]
            guard b & 0xC0 == 0x80 else { throw error("invalid UTF-8 sequence") }
            scalar = scalar << 6 | UInt32(b & 0x3F)
        }
        guard scalar >= minimum, scalar <= 0x10FFFF, !(0xD800...0xDFFF).contains(scalar) else {
            throw error("invalid UTF-8 sequence")
        }
        for _ in 0..<length {
            out.append(bytes[index])
            advance()
        }
    }
}
