internal import COpenSSL

/// OpenSSL 3 provider loading.
///
/// Old PKCS#12 files (RC2-40, 3DES — still common for certificates issued in Ecuador) need the
/// "legacy" provider. It is loaded lazily, only after a PKCS#12 file failed to open without it, and
/// at most once per process: a Swift `static let` initialiser runs exactly once, thread-safely.
enum OpenSSLProviders {
    /// nil when the legacy provider is loaded; otherwise why it could not be loaded.
    static let legacyLoadError: String? = {
        // Loading any provider explicitly stops OpenSSL from falling back to "default" implicitly,
        // so load "default" as well. The handles are kept for the life of the process.
        let defaultProvider = OSSL_PROVIDER_load(nil, "default")
        let legacyProvider = OSSL_PROVIDER_load(nil, "legacy")
        if defaultProvider != nil && legacyProvider != nil {
            OpenSSLErrorQueue.clear()
            return nil
        }
        return CryptoError.openssl("cannot load OpenSSL's legacy provider").message
    }()

    /// Loads "legacy" (and "default") if not done yet; returns whether legacy is available.
    @discardableResult
    static func loadLegacy() -> Bool { legacyLoadError == nil }
}
