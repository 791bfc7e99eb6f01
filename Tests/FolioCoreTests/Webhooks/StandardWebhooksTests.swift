import Testing
@testable import FolioCore
import FolioSupport

/// The Standard Webhooks scheme: the published example, each failure reason, two secrets.
@Suite("webhooks: Standard Webhooks signatures")
struct StandardWebhooksTests {
    // The example of the Standard Webhooks specification and its reference libraries.
    static let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    static let id = "msg_p5jXN8AQM9LWM0D4loKWxJek"
    static let stamp: Int64 = 1_614_265_330
    static let body = Array(#"{"test": 2432232314}"#.utf8)
    static let expected = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="

    func headers(_ signature: String, id: String = id, stamp: String = String(stamp)) -> [(name: String, value: String)] {
        [("Webhook-Id", id), ("webhook-timestamp", stamp), ("WEBHOOK-SIGNATURE", signature)]
    }

    @Test("the specification's example signs to its published value and verifies")
    func publishedExample() throws {
        let secret = try StandardWebhooks.parseSecret(Self.secret, field: "secret")
        #expect(StandardWebhooks.signature(secret: secret, id: Self.id, timestamp: Self.stamp, body: Self.body) == Self.expected)
        let now = Timestamp(seconds: Self.stamp + 10)
        #expect(StandardWebhooks.verify(secrets: [secret], headers: headers(Self.expected), body: Self.body, now: now) == nil)
    }

    @Test("each failure has its reason: malformed header, stale timestamp, bad signature")
    func failures() throws {
        let secret = try StandardWebhooks.parseSecret(Self.secret, field: "secret")
        let now = Timestamp(seconds: Self.stamp)
        func reason(_ h: [(name: String, value: String)], body: [UInt8] = StandardWebhooksTests.body, at: Timestamp? = nil) -> StandardWebhooks.Failure? {
            StandardWebhooks.verify(secrets: [secret], headers: h, body: body, now: at ?? now)?.0
        }
        #expect(reason(Array(headers(Self.expected).dropFirst())) == .malformedHeader)
        #expect(reason(headers(Self.expected, stamp: "yesterday")) == .malformedHeader)
        #expect(reason(headers("v2,abc")) == .malformedHeader)
        #expect(reason(headers(Self.expected), at: now.adding(seconds: 301)) == .staleTimestamp)
        #expect(reason(headers(Self.expected), at: now.adding(seconds: -301)) == .staleTimestamp)
        #expect(reason(headers(Self.expected), at: now.adding(seconds: 300)) == nil)
        #expect(reason(headers(Self.expected), body: Array(#"{"test": 2432232315}"#.utf8)) == .badSignature)
        #expect(reason(headers(Self.expected, id: "msg_other")) == .badSignature)
    }

    @Test("during a rotation's grace the header holds two v1 entries, and each secret alone verifies it")
    func twoSecrets() throws {
        let old = StandardWebhooks.newSecret(), new = StandardWebhooks.newSecret()
        let header = StandardWebhooks.signatureHeader(secrets: [new, old], id: "evt_1", timestamp: Self.stamp, body: Self.body)
        #expect(header.split(separator: " ").count == 2 && header.split(separator: " ").allSatisfy { $0.hasPrefix("v1,") })
        let now = Timestamp(seconds: Self.stamp)
        let h = headers(header, id: "evt_1")
        #expect(StandardWebhooks.verify(secrets: [old], headers: h, body: Self.body, now: now) == nil)
        #expect(StandardWebhooks.verify(secrets: [new], headers: h, body: Self.body, now: now) == nil)
        #expect(StandardWebhooks.verify(secrets: [StandardWebhooks.newSecret()], headers: h, body: Self.body, now: now)?.0 == .badSignature)
    }

    @Test("a secret is whsec_ and base64 of 24 to 64 bytes; anything else is refused naming the field")
    func secretFormat() throws {
        let minted = StandardWebhooks.secretText(StandardWebhooks.newSecret())
        let parsed = try StandardWebhooks.parseSecret(minted + "\n", field: "s")
        #expect(minted.hasPrefix("whsec_") && parsed.count == 32)
        for bad in ["", "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "whsec_!!!", "whsec_" + Base64.encode([UInt8](repeating: 1, count: 16)),
                    "whsec_" + Base64.encode([UInt8](repeating: 1, count: 65))] {
            #expect(throws: FolioError.self) { try StandardWebhooks.parseSecret(bad, field: "webhook.secret") }
            do { _ = try StandardWebhooks.parseSecret(bad, field: "webhook.secret") } catch {
                #expect(error.code == .validationFailed && error.field == "webhook.secret")
            }
        }
    }

    @Test("a headers file: name: value lines, CRLF or LF, values may hold colons")
    func headersFile() {
        let parsed = StandardWebhooks.parseHeaders("webhook-id: evt_1\r\nwebhook-signature: v1,a:b\n\nnoise\n")
        #expect(parsed.count == 2 && parsed[0].name == "webhook-id" && parsed[1].value == "v1,a:b")
    }
}
