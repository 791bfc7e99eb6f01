import FolioCrypto

/// RSA keys are slow to generate in debug builds: tests share a few.
enum TestKeys {
    static let rsa2048: PrivateKey = try! PrivateKey.generateRSA(bits: 2048)
    static let other2048: PrivateKey = try! PrivateKey.generateRSA(bits: 2048)
}
