import FolioCrypto
import FolioSupport

/// The Standard Webhooks signature scheme (DESIGN §6): `webhook-signature` holds one or more
/// space-separated `v1,<base64 HMAC-SHA256(secret, id + "." + timestamp + "." + body)>`; the
/// secret is `whsec_` + base64 of its bytes. HMAC is OpenSSL's (`Digest.hmacSHA256`).
public enum StandardWebhooks {
    /// How far a timestamp may be from now before a verifier calls it stale (either way).
    public static let tolerance: Int64 = 300
    public static let secretPrefix = "whsec_"
    /// Bytes of a secret Folio mints (the scheme allows 24–64).
    static let mintedSecretBytes = 32

    /// A new random secret's bytes.
    static func newSecret() -> [UInt8] { SecureRandom.bytes(mintedSecretBytes) }

    /// The `whsec_…` text of a secret.
    public static func secretText(_ secret: [UInt8]) -> String { secretPrefix + Base64.encode(secret) }

    /// The bytes of a `whsec_…` secret, as a secret file holds it (white space around it is
    /// ignored). Fails `validation_failed` on `field` when it is not one.
    public static func parseSecret(_ text: String, field: String) throws(FolioError) -> [UInt8] {
        let trimmed = text.trimmingSpaces
        guard trimmed.hasPrefix(secretPrefix) else {
            throw .validation("a webhook secret starts with \(secretPrefix) followed by base64", field: field,
                              hint: "give the whsec_… value printed when the endpoint was created or its secret rotated")
        }
        guard let bytes = Base64.decode(String(trimmed.dropFirst(secretPrefix.count))), bytes.count >= 24, bytes.count <= 64 else {
            throw .validation("the webhook secret after \(secretPrefix) is not base64 of 24 to 64 bytes", field: field,
                              hint: "give the whsec_… value printed when the endpoint was created or its secret rotated")
        }
        return bytes
    }

    /// One `v1,<base64>` entry for `secret`.
    public static func signature(secret: [UInt8], id: String, timestamp: Int64, body: [UInt8]) -> String {
        let content = Array("\(id).\(timestamp).".utf8) + body
        return "v1," + Base64.encode(Digest.hmacSHA256(key: secret, data: content))
    }

    /// The `webhook-signature` value: one entry per secret (two during a rotation's grace).
    public static func signatureHeader(secrets: [[UInt8]], id: String, timestamp: Int64, body: [UInt8]) -> String {
        secrets.map { signature(secret: $0, id: id, timestamp: timestamp, body: body) }.joined(separator: " ")
    }

    /// Why a message does not verify.
    public enum Failure: String, Sendable, Equatable {
        case malformedHeader = "malformed_header"
        case staleTimestamp = "stale_timestamp"
        case badSignature = "bad_signature"
    }

    /// Checks `headers` (names in any case) and `body` against any of `secrets` at `now`.
    /// Returns nil when one `v1` entry matches one secret and the timestamp is within
    /// `tolerance`; else the first failure found, in the order a receiver checks.
    public static func verify(secrets: [[UInt8]], headers: [(name: String, value: String)], body: [UInt8],
                              now: Timestamp, tolerance: Int64 = tolerance) -> (Failure, String)? {
        func header(_ name: String) -> String? {
            headers.last { $0.name.lowercased() == name }?.value.trimmingSpaces
        }
        guard let id = header("webhook-id"), !id.isEmpty else { return (.malformedHeader, "no webhook-id header") }
        guard let stamp = header("webhook-timestamp") else { return (.malformedHeader, "no webhook-timestamp header") }
        guard let timestamp = Int64(stamp) else {
            return (.malformedHeader, "webhook-timestamp '\(stamp)' is not whole seconds since 1970")
        }
        guard let value = header("webhook-signature") else { return (.malformedHeader, "no webhook-signature header") }
        let entries = value.split(separator: " ").map(String.init)
        let offered = entries.compactMap { entry -> [UInt8]? in
            guard entry.hasPrefix("v1,") else { return nil }
            return Base64.decode(String(entry.dropFirst(3)))
        }
        guard !offered.isEmpty else { return (.malformedHeader, "webhook-signature holds no v1,<base64> entry") }
        let age = now.seconds - timestamp
        guard age <= tolerance, -age <= tolerance else {
            return (.staleTimestamp, "webhook-timestamp \(timestamp) is \(abs(age)) s from now, more than \(tolerance) s")
        }
        let content = Array("\(id).\(timestamp).".utf8) + body
        for secret in secrets {
            let expected = Digest.hmacSHA256(key: secret, data: content)
            if offered.contains(where: { ConstantTime.equals($0, expected) }) { return nil }
        }
        return (.badSignature, "no v1 signature matches the secret")
    }

    /// Reads `name: value` lines (blank lines and lines without a colon are skipped).
    public static func parseHeaders(_ text: String) -> [(name: String, value: String)] {
        text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).compactMap { line in
            let parts = line.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2 else { return nil }
            return (String(parts[0]).trimmingSpaces, String(parts[1]).trimmingSpaces)
        }
    }
}
