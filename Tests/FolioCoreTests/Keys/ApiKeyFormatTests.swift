import Foundation
import Testing
import FolioTestSupport
@testable import FolioCore

/// An independent CRC-32 (IEEE, reflected, as zlib computes it), bit by bit, to check the
/// checksum against something other than zlib.
private func referenceCRC32(_ bytes: [UInt8]) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in bytes {
        crc ^= UInt32(byte)
        for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
    }
    return ~crc
}

private let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")

private func decodeBase62(_ text: String) -> UInt64 {
    text.reduce(0) { $0 * 62 + UInt64(alphabet.firstIndex(of: $1)!) }
}

@Suite("API key format: base62, checksum, hashing, parsing")
struct ApiKeyFormatTests {
    @Test("the reference CRC32 matches the standard check value")
    func referenceVector() {
        #expect(referenceCRC32(Array("123456789".utf8)) == 0xCBF4_3926)
    }

    @Test("base62 is big-endian, left-padded with 0, alphabet 0-9A-Za-z")
    func base62() {
        #expect(ApiKeyFormat.base62(0, width: 6) == "000000")
        #expect(ApiKeyFormat.base62(61, width: 6) == "00000z")
        #expect(ApiKeyFormat.base62(62, width: 6) == "000010")
        #expect(ApiKeyFormat.base62(10 * 62 + 36, width: 6) == "0000Aa")
        for value in [UInt32.max, 0xCBF4_3926, 1, 3_844, 238_327] {
            let text = ApiKeyFormat.base62(value, width: 6)
            #expect(text.count == 6)
            #expect(decodeBase62(text) == UInt64(value))
        }
    }

    @Test("generated keys have the DESIGN §6 shape, a zlib CRC32 checksum and a SHA-256 hash")
    func generated() throws {
        for environment in [Environment.sandbox, .production] {
            for _ in 0..<50 {
                let key = ApiKeyFormat.generate(environment)
                let prefix = environment == .sandbox ? "folio_test_" : "folio_live_"
                #expect(key.hasPrefix(prefix))
                #expect(key.count == 47)
                let body = Array(key.dropFirst(11))
                #expect(body.allSatisfy { alphabet.contains($0) })
                let random = String(body.prefix(30)), check = String(body.suffix(6))
                #expect(decodeBase62(check) == UInt64(referenceCRC32(Array(random.utf8))))
                let parsed = try #require(try? ApiKeyFormat.parse(key).get())
                #expect(parsed.environment == environment)
                #expect(parsed.start == String(key.prefix(15)))
            }
        }
    }

    @Test("the stored hash is the SHA-256 of the whole key, as sha256sum computes it",
          .enabled(if: ExternalTool.shouldRun("sha256sum"), "needs sha256sum"))
    func hashMatchesSha256sum() throws {
        let key = ApiKeyFormat.generate(.sandbox)
        let result = try ProcessRunner.run([ExternalTool.path("sha256sum") ?? "/usr/bin/sha256sum"], stdin: Data(key.utf8))
        let expected = String(result.stdout.prefix(64))
        #expect(ApiKeyFormat.hash(key) == expected)
        #expect(try ApiKeyFormat.parse(key).get().hash == expected)
    }

    @Test("a changed character, a truncated or extended key, a wrong prefix are caught offline")
    func rejections() {
        let key = ApiKeyFormat.generate(.sandbox)
        var chars = Array(key)
        for index in [11, 25, 40, 46] {
            var changed = chars
            changed[index] = changed[index] == "a" ? "b" : "a"
            #expect(ApiKeyFormat.parse(String(changed)) == .failure(.badChecksum), "index \(index)")
        }
        #expect(ApiKeyFormat.parse(String(key.dropLast())) == .failure(.malformed))
        #expect(ApiKeyFormat.parse(key + "x") == .failure(.malformed))
        #expect(ApiKeyFormat.parse("folio_prod_" + key.dropFirst(11)) == .failure(.malformed))
        chars[20] = "-"
        #expect(ApiKeyFormat.parse(String(chars)) == .failure(.malformed))
        #expect(ApiKeyFormat.parse("") == .failure(.malformed))
    }

    @Test("random characters reject bytes ≥ 248 so that byte % 62 has no modulo bias")
    func rejectionSampling() {
        let fed: [UInt8] = [255, 248, 0, 61, 62, 247, 249, 123]
        var calls = 0
        let out = ApiKeyFormat.randomBase62(count: 5) { n in
            calls += 1
            return Array((fed + [UInt8](repeating: 1, count: 32)).prefix(n))
        }
        #expect(String(decoding: out, as: UTF8.self) == "0z0zz")
        // Every accepted byte value 0..<248 maps to each character exactly 4 times.
        let all = ApiKeyFormat.randomBase62(count: 248) { n in Array((0..<248).map { UInt8($0) }.prefix(n)) }
        var counts: [UInt8: Int] = [:]
        for c in all { counts[c, default: 0] += 1 }
        #expect(counts.count == 62 && counts.values.allSatisfy { $0 == 4 })
    }

    @Test("displayed starts are recognised as handles")
    func displayedStart() {
        #expect(ApiKeyFormat.isDisplayedStart("folio_test_AbCd"))
        #expect(ApiKeyFormat.isDisplayedStart("folio_live_0z9Q"))
        #expect(!ApiKeyFormat.isDisplayedStart("folio_test_AbC"))
        #expect(!ApiKeyFormat.isDisplayedStart("folio_test_AbC-"))
        #expect(!ApiKeyFormat.isDisplayedStart("key_01JD"))
    }
}
