import Foundation
import Testing
@testable import FolioCore

@Suite struct AccessKeyTests {
    struct Vector { let key: String; let valid: Bool; let note: String }

    /// The vectors of Tests/Fixtures/access-keys.txt (copied from the shared SRI vectors), read from the file itself.
    static func vectors() throws -> [Vector] {
        let text = try String(contentsOf: SRITestFiles.vectors.appendingPathComponent("access-keys.txt"), encoding: .utf8)
        return text.split(separator: "\n").compactMap { line in
            guard !line.hasPrefix("#"), !line.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
            let parts = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
            return Vector(key: String(parts[0]), valid: parts[1] == "valid",
                          note: parts.count > 2 ? parts[2].trimmingCharacters(in: .whitespaces) : "")
        }
    }

    @Test func everyVectorDecodesWithTheExpectedVerdict() throws {
        let vectors = try Self.vectors()
        #expect(vectors.count >= 6)
        for v in vectors {
            let decoded = try AccessKey.decode(v.key)
            #expect(decoded.checkDigitValid == v.valid, "\(v.key) \(v.note)")
            #expect(decoded.problems.isEmpty, "\(v.key): \(decoded.problems)")
            if v.valid {
                #expect(try AccessKey(validating: v.key).digits == v.key)
                // Rebuilding from the decoded fields gives the same key back.
                #expect(try AccessKey(decoded.fields).digits == v.key)
            } else {
                #expect(throws: AccessKeyError.self) { try AccessKey(validating: v.key) }
                // The note names the correct digit; the rebuilt key carries it.
                let correct = try #require(v.note.split(separator: " ").last.flatMap { Int($0) })
                #expect(decoded.expectedCheckDigit == correct)
                #expect(try AccessKey(decoded.fields).digits == String(v.key.dropLast()) + String(correct))
            }
        }
    }

    @Test func theFichasWorkedExample() {
        #expect(AccessKey.checkDigit(of: "41261533") == 6)
    }

    @Test func weightedSumCasesFromTheVectorsFile() {
        // "weighted sum 447": 447 mod 11 = 7, 11 - 7 = 4.
        #expect(AccessKey.checkDigit(of: "050320120117600132100011001003000990064123456781") == 4)
        // "sum mod 11 = 0, so 11 -> 0".
        #expect(AccessKey.checkDigit(of: "211120240517600132100011001001000000124123456781") == 0)
        #expect(AccessKey.checkDigit(of: "12a") == nil)
    }

    @Test func decodesFieldsAndNames() throws {
        let d = try AccessKey.decode("1302201201176001321000120010030000050431234567814")
        #expect(d.fields.day == 13 && d.fields.month == 2 && d.fields.year == 2012)
        #expect(d.fields.documentType == .factura)
        #expect(d.documentTypeName == "factura")
        #expect(d.fields.ruc == "1760013210001")
        #expect(d.fields.environment == 2)
        #expect(d.fields.series == "001-003")
        #expect(d.fields.sequential == 5043)
        #expect(d.fields.documentNumber == "001-003-000005043")
        #expect(d.fields.numericCode == "12345678")
        #expect(d.fields.emissionType == 1)
        #expect(d.checkDigit == 4 && d.expectedCheckDigit == 4)
        #expect(try AccessKey.decode("1510202407099313057500110010010000103591234567816").documentTypeName == "comprobante de retención")
    }

    @Test func buildsFromFields() throws {
        let key = try AccessKey(AccessKeyFields(day: 22, month: 11, year: 2026, documentTypeCode: "01", ruc: "1760013210001",
                                                environment: 1, establishment: "001", emissionPoint: "002",
                                                sequential: 42, numericCode: "00000007"))
        #expect(key.digits.count == 49)
        let expected: String = ["22112026", "01", "1760013210001", "1", "001", "002", "000000042", "00000007", "1"].joined()
        #expect(key.digits.hasPrefix(expected))
        #expect(try AccessKey.decode(key.digits).checkDigitValid)
    }

    @Test func refusesBadFieldsNamingThem() {
        func field(_ f: AccessKeyFields) -> String? {
            do { _ = try AccessKey(f); return nil } catch { return error.field }
        }
        let ok = AccessKeyFields(day: 1, month: 1, year: 2026, documentTypeCode: "01", ruc: "1760013210001", environment: 1,
                                 establishment: "001", emissionPoint: "001", sequential: 1, numericCode: "12345678")
        var f = ok; f.day = 30; f.month = 2
        #expect(field(f) == "date")
        f = ok; f.environment = 3
        #expect(field(f) == "environment")
        f = ok; f.sequential = 1_000_000_000
        #expect(field(f) == "sequential")
        f = ok; f.ruc = "176001321000"
        #expect(field(f) == "ruc")
        f = ok; f.numericCode = "1234567a"
        #expect(field(f) == "numericCode")
        #expect(field(ok) == nil)
    }

    @Test func decodeReportsStructuralProblems() throws {
        #expect(throws: AccessKeyError.self) { try AccessKey.decode("123") }
        #expect(throws: AccessKeyError.self) { try AccessKey.decode(String(repeating: "1", count: 48) + "x") }
        // 31/02, type 99, environment 3, emission type 2.
        let first48 = "3102201299" + "1760013210001" + "3" + "001001" + "000000001" + "12345678" + "2"
        let d = try AccessKey.decode(first48 + String(AccessKey.checkDigit(of: first48)!))
        #expect(d.checkDigitValid)
        #expect(d.problems.count == 4)
        #expect(d.documentTypeName == nil)
    }
}
