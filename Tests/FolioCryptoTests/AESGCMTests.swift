import Testing
import FolioCrypto
import FolioSupport

@Suite struct AESGCMTests {
    let key = SecureRandom.bytes(32)

    @Test func roundTrip() throws {
        for plaintext in [[], Array("secret private key bytes".utf8), SecureRandom.bytes(1000)] {
            let sealed = try AESGCM.seal(plaintext, key: key, aad: Array("issuer:42".utf8))
            #expect(sealed.count == 12 + plaintext.count + 16)
            #expect(try AESGCM.open(sealed, key: key, aad: Array("issuer:42".utf8)) == plaintext)
        }
    }

    @Test func noncesAreFresh() throws {
        let a = try AESGCM.seal([1, 2, 3], key: key), b = try AESGCM.seal([1, 2, 3], key: key)
        #expect(a != b)
    }

    /// Flipping any single bit (nonce, ciphertext or tag) must fail authentication.
    @Test func flippedBitFails() throws {
        let sealed = try AESGCM.seal(Array("pay 100 to Ana".utf8), key: key)
        for index in [0, 11, 12, 20, sealed.count - 1] {
            var tampered = sealed
            tampered[index] ^= 0x01
            #expect(expectKind(.verificationFailed) { try AESGCM.open(tampered, key: key) }, "bit flipped at \(index)")
        }
    }

    @Test func wrongKeyOrAADFails() throws {
        let sealed = try AESGCM.seal([9, 9, 9], key: key, aad: [1])
        #expect(expectKind(.verificationFailed) { try AESGCM.open(sealed, key: SecureRandom.bytes(32), aad: [1]) })
        #expect(expectKind(.verificationFailed) { try AESGCM.open(sealed, key: key, aad: [2]) })
        #expect(expectKind(.verificationFailed) { try AESGCM.open(sealed, key: key) })
    }

    @Test func invalidInputs() {
        #expect(expectKind(.invalidInput) { try AESGCM.seal([1], key: SecureRandom.bytes(16)) })
        #expect(expectKind(.invalidInput) { try AESGCM.open([UInt8](repeating: 0, count: 27), key: key) })
    }

    /// Known answers from the GCM specification (McGrew & Viega), test cases 13 and 14:
    /// AES-256, zero key, zero 96-bit IV.
    @Test func gcmSpecKnownAnswers() throws {
        let zeroKey = [UInt8](repeating: 0, count: 32)
        let nonce = [UInt8](repeating: 0, count: 12)
        let case13 = nonce + Hex.decode("530f8afbc74536b9a963b4f1c4cb738b")!
        #expect(try AESGCM.open(case13, key: zeroKey) == [])
        let case14 = nonce + Hex.decode("cea7403d4d606b6e074ec5d3baf39d18" + "d0d1c8a799996bf0265b98b5d48ab919")!
        #expect(try AESGCM.open(case14, key: zeroKey) == [UInt8](repeating: 0, count: 16))
    }
}

/// Runs `body` and reports whether it threw a CryptoError of `kind`.
func expectKind<T>(_ kind: CryptoError.Kind, _ body: () throws -> T) -> Bool {
    do {
        _ = try body()
        return false
    } catch let error as CryptoError {
        return error.kind == kind
    } catch {
        return false
    }
}
