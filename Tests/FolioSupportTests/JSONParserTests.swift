import Testing
@testable import FolioSupport

@Suite struct JSONParserTests {
    func fails(_ text: String) -> JSONParseError? {
        do { _ = try JSONParser.parse(text); return nil } catch { return error }
    }

    @Test func parsesAllValueKindsKeepingNumberTextAndOrder() throws {
        let v = try JSONParser.parse(#"{"b": [1, -0.50, 1e3, true, false, null], "a": "x\u00e9\n\ud83d\ude00"}"#)
        #expect(v == .object([
            JSONMember("b", .array([.number("1"), .number("-0.50"), .number("1e3"), .bool(true), .bool(false), .null])),
            JSONMember("a", .string("xé\n😀")),
        ]))
    }

    @Test func roundTripsThroughTheWriter() throws {
        let text = #"{"k":"q\"\\\/\b\f\t","n":[],"o":{},"z":0}"#
        let v = try JSONParser.parse(text)
        #expect(try JSONParser.parse(v.compactText()) == v)
        #expect(v["k"]?.stringValue == "q\"\\/\u{8}\u{c}\t")
    }

    @Test func writerEscapesExactlyWhatRFC8259Requires() {
        let v = JSONValue.object([JSONMember("a\"b", .string("q\"\\/\u{1}\u{1f}\n\r\té😀")),
                                  JSONMember("plain", .string("Av. Amazonas 100, Quito")),
                                  JSONMember("list", .array([.number("1.50"), .null, .bool(true)]))])
        #expect(v.compactText() == #"{"a\"b":"q\"\\/\u0001\u001f\n\r\té😀","plain":"Av. Amazonas 100, Quito","list":[1.50,null,true]}"#)
        #expect(v.prettyText() == "{\n  \"a\\\"b\": \"q\\\"\\\\/\\u0001\\u001f\\n\\r\\té😀\",\n  \"plain\": \"Av. Amazonas 100, Quito\",\n"
            + "  \"list\": [\n    1.50,\n    null,\n    true\n  ]\n}")
        #expect(v.compactBytes() == Array(v.compactText().utf8))
    }

    @Test func reportsLineAndColumn() {
        let e = fails("{\n  \"a\": 1,\n  \"b\": 2 \"c\"\n}")
        #expect(e?.message == "expected ',' or '}', found character '\"'")
        #expect(e?.line == 3)
        #expect(e?.column == 10)
        #expect(e?.description == "expected ',' or '}', found character '\"' at line 3, column 10")
    }

    @Test func columnsCountScalarsNotBytes() {
        let e = fails("[\"ñññ\" x]")
        #expect(e?.column == 8)
    }

    @Test(arguments: [
        ("", "empty input"), ("{} x", "after the JSON value"), ("[1,]", "expected a value"),
        ("{\"a\":1,}", "expected a string key"), ("01", "leading zeros"), ("1.", "after '.'"),
        ("-", "expected a digit"), ("1e", "exponent"), ("tru", "expected 'true'"), ("'a'", "unexpected character"),
        ("\"a\tb\"", "control character"), ("\"\\x\"", "invalid escape"), ("\"\\ud800\"", "lone surrogate"),
        ("\"\\udc00\"", "lone surrogate"), ("\"abc", "unterminated string"), ("{\"a\" 1}", "expected ':'"),
        ("[1 2]", "expected ',' or ']'"), ("// c\n1", "unexpected character"), ("NaN", "unexpected character"),
    ])
    func rejects(text: String, fragment: String) {
        let e = fails(text)
        #expect(e != nil, "accepted \(text)")
        #expect(e?.message.contains(fragment) == true, "\(text): \(e?.message ?? "nil")")
    }

    @Test func rejectsDuplicateKeysAtTheSecondKey() {
        let e = fails("{\"a\": 1,\n \"a\": 2}")
        #expect(e?.message == "duplicate key 'a'")
        #expect(e?.line == 2 && e?.column == 2)
    }

    @Test func rejectsInvalidUTF8() {
        for bad: [UInt8] in [[0x22, 0xFF, 0x22], [0x22, 0xC0, 0xAF, 0x22], [0x22, 0xED, 0xA0, 0x80, 0x22], [0x22, 0xE2, 0x82]] {
            #expect(throws: JSONParseError.self) { try JSONParser.parse(bad) }
        }
    }

    @Test func enforcesTheDepthLimit() throws {
        let ok = String(repeating: "[", count: JSONParser.maxDepth) + String(repeating: "]", count: JSONParser.maxDepth)
        _ = try JSONParser.parse(ok)
        let deep = "[" + ok + "]"
        #expect(fails(deep)?.message.contains("nesting deeper") == true)
        #expect(fails(String(repeating: "[", count: 100_000)) != nil)
    }

    @Test func skipsAByteOrderMark() throws {
        #expect(try JSONParser.parse([0xEF, 0xBB, 0xBF] + Array("1".utf8)) == .number("1"))
    }

    @Test func jsonLinesSkipBlankLinesAndReportFileLines() throws {
        let lines = try JSONParser.parseLines(Array("{\"a\":1}\r\n\n  \n[2]\n".utf8))
        #expect(lines == [JSONLine(line: 1, value: .object([JSONMember("a", .number("1"))])), JSONLine(line: 4, value: .array([.number("2")]))])
        do {
            _ = try JSONParser.parseLines(Array("{}\n\n{\"a\":}\n".utf8))
            Issue.record("accepted a bad line")
        } catch {
            #expect(error.line == 3)
            #expect(error.column == 6)
        }
        #expect(try JSONParser.parseLines([]).isEmpty)
    }
}
