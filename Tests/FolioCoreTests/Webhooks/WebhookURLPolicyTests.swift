import Testing
@testable import FolioCore

/// The URL rules: https only (loopback http for sandbox), private targets refused for
/// production tenants by range and by resolved address, unresolved names accepted and recorded.
@Suite("webhooks: URL and private-address policy")
struct WebhookURLPolicyTests {
    static let publicResolver: @Sendable (String) -> [Bool]? = { _ in [false] }
    static let privateResolver: @Sendable (String) -> [Bool]? = { _ in [false, true] }
    static let noResolver: @Sendable (String) -> [Bool]? = { _ in nil }

    func check(_ url: String, _ env: Environment, allow: Bool = false,
               resolve: @Sendable (String) -> [Bool]? = publicResolver) throws(FolioError) -> WebhookAddressCheck {
        try WebhookURLPolicy.check(url, environment: env, allowPrivate: allow, field: "webhook.url", resolve: resolve)
    }

    @Test("IPv4 and IPv6 literals by range")
    func ranges() {
        for host in ["10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "127.0.0.1", "169.254.169.254", "0.0.0.0",
                     "100.64.0.1", "224.0.0.1", "255.255.255.255", "::1", "::", "fc00::1", "fd12:3456::1", "fe80::1",
                     "::ffff:10.0.0.1", "::ffff:127.0.0.1"] {
            #expect(PrivateAddress.literal(host) == true, "\(host)")
        }
        for host in ["1.1.1.1", "8.8.8.8", "172.32.0.1", "192.169.0.1", "2606:4700:4700::1111", "::ffff:8.8.8.8"] {
            #expect(PrivateAddress.literal(host) == false, "\(host)")
        }
        #expect(PrivateAddress.literal("hooks.example.com") == nil)
    }

    @Test("production: https to a public address; private, loopback, link-local refused unless allowed")
    func production() throws {
        #expect(try check("https://1.1.1.1/hook", .production) == .publicLiteral)
        #expect(try check("https://hooks.example.com/hook", .production) == .resolvedPublic)
        #expect(try check("https://hooks.example.com/hook", .production, resolve: Self.noResolver) == .unresolved)
        for url in ["https://10.0.0.1/x", "https://[::1]:8443/x", "https://169.254.169.254/latest", "https://localhost/x",
                    "https://[fe80::1]/x"] {
            #expect(throws: FolioError.self, "\(url)") { try check(url, .production) }
        }
        #expect(throws: FolioError.self) { try check("https://internal.example.com/x", .production, resolve: Self.privateResolver) }
        #expect(try check("https://10.0.0.1/x", .production, allow: true) == .privateAllowed)
        do { _ = try check("http://1.1.1.1/x", .production) } catch { #expect(error.field == "webhook.url") }
        #expect(throws: FolioError.self) { try check("http://localhost:8080/x", .production) }
    }

    @Test("sandbox: http only to localhost or 127.0.0.1; https anywhere")
    func sandbox() throws {
        #expect(try check("http://localhost:8080/hook", .sandbox) == .sandboxLoopback)
        #expect(try check("http://127.0.0.1/hook", .sandbox) == .sandboxLoopback)
        #expect(try check("https://10.0.0.1/hook", .sandbox) == .privateAllowed)
        #expect(throws: FolioError.self) { try check("http://hooks.example.com/x", .sandbox) }
        #expect(throws: FolioError.self) { try check("ftp://localhost/x", .sandbox) }
    }

    @Test("malformed URLs: no scheme, no host, credentials, spaces")
    func malformed() {
        for url in ["hooks.example.com/x", "https:///x", "https://user:pw@hooks.example.com/x", "https://a b.com/"] {
            #expect(throws: FolioError.self, "\(url)") { try check(url, .sandbox) }
        }
    }
}
