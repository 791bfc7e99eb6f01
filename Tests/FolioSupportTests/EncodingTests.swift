import Testing
import FolioSupport

@Suite struct EncodingTests {
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
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 151 &+ length &* 7) }
            #expect(Base64.decode(Base64.encode(bytes)) == bytes)
        }
    }

    @Test func hexRoundTripAndValidation() {
        #expect(Hex.encode([0x00, 0x0f, 0xa5, 0xff]) == "000fa5ff")
        #expect(Hex.decode("000fA5Ff") == [0x00, 0x0f, 0xa5, 0xff])
        #expect(Hex.decode("") == [])
        #expect(Hex.decode("abc") == nil)
        #expect(Hex.decode("zz") == nil)
        let bytes = (0..<100).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
        #expect(Hex.decode(Hex.encode(bytes)) == bytes)
    }
}
