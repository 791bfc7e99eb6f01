import Testing
import FolioCrypto

@Suite struct EncodingTests {
    @Test func crc32CheckValue() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum([]) == 0)
        #expect(CRC32.checksum(Array("The quick brown fox jumps over the lazy dog".utf8)) == 0x414F_A339)
    }

    /// RFC 4648 §10 vectors.
    @Test func base64RFC4648Vectors() {
        let vectors = ["": "", "f": "Zg==", "fo": "Zm8=", "foo": "Zm9v", "foob": "Zm9vYg==",
                       "fooba": "Zm9vYmE=", "foobar": "Zm9vYmFy"]
        for (plain, encoded) in vectors {
            #expect(Base64.encode(Array(plain.utf8)) == encoded)
            #expect(Base64.decode(encoded) == Array(plain.utf8))
        }
    }

    @Test func base64AlphabetAndWhitespace() {
        #expect(Base64.encode([0xfb, 0xff, 0xbf]) == "+/+/")
        #expect(Base64.decode("Zm9v\r\nYmFy\n") == Array("foobar".utf8))
        #expect(Base64.decode(" Zm9v YmE= ") == Array("fooba".utf8))
    }

    @Test func base64RejectsMalformedInput() {
        #expect(Base64.decode("Zm9") == nil)        // not a multiple of 4
        #expect(Base64.decode("Zm9vY") == nil)
        #expect(Base64.decode("Zg=a") == nil)       // data after padding
        #expect(Base64.decode("Z===") == nil)       // too much padding
        #expect(Base64.decode("Zm9-") == nil)       // URL-safe alphabet is not standard
        #expect(Base64.decode("Zg==Zg==") == nil)
    }

    @Test func base64RoundTripsRandomData() {
        for length in 0..<70 {
            let bytes = SecureRandom.bytes(length)
            #expect(Base64.decode(Base64.encode(bytes)) == bytes)
        }
    }

    @Test func hexRoundTripAndValidation() {
        #expect(Hex.encode([0x00, 0x0f, 0xa5, 0xff]) == "000fa5ff")
        #expect(Hex.decode("000fA5Ff") == [0x00, 0x0f, 0xa5, 0xff])
        #expect(Hex.decode("") == [])
        #expect(Hex.decode("abc") == nil)
        #expect(Hex.decode("zz") == nil)
        let bytes = SecureRandom.bytes(100)
        #expect(Hex.decode(Hex.encode(bytes)) == bytes)
    }
}
