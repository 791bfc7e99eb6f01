#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How the host of an endpoint's URL was judged when the URL was set, recorded with the
/// endpoint (`address_check`) so that a later look can tell a checked address from one taken
/// on trust.
public enum WebhookAddressCheck: String, Sendable, CaseIterable {
    /// An IP literal outside every private, loopback and link-local range.
    case publicLiteral = "public_literal"
    /// A name whose every address (getaddrinfo) is public.
    case resolvedPublic = "resolved_public"
    /// A name that did not resolve then (no network, or not yet in DNS): accepted, unchecked.
    /// The delivery worker must check the address it connects to.
    case unresolved
    /// A private, loopback or link-local target accepted because the caller allowed it.
    case privateAllowed = "private_allowed"
    /// `http://localhost` or `127.0.0.1` of a sandbox tenant.
    case sandboxLoopback = "sandbox_loopback"
}

/// An endpoint URL split as far as the checks need: scheme, host (IPv6 without brackets).
struct WebhookURL {
    var scheme: String
    var host: String

    /// Splits `text`, failing on `field` when it is not an absolute http(s) URL with a host.
    init(_ text: String, field: String) throws(FolioError) {
        guard text.count <= 2048, !text.contains(where: { $0 == " " || $0.isNewline }) else {
            throw .validation("a webhook URL has no spaces and at most 2048 characters", field: field)
        }
        let parts = text.split(separator: "://", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            throw .validation("'\(text)' is not an absolute URL (https://host/path)", field: field)
        }
        scheme = parts[0].lowercased()
        let rest = parts[1]
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        // Credentials in a URL end up in logs and listings; a receiver authenticates by signature.
        guard !authority.contains("@") else {
            throw .validation("a webhook URL carries no user name or password", field: field)
        }
        var host: Substring
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else {
                throw .validation("'\(text)' has an unclosed IPv6 address", field: field)
            }
            host = authority[authority.index(after: authority.startIndex)..<close]
        } else {
            host = authority.prefix { $0 != ":" }
        }
        if host.hasSuffix(".") { host = host.dropLast() }
        guard !host.isEmpty else { throw .validation("'\(text)' names no host", field: field) }
        self.host = host.lowercased()
    }

    var isLocalhostName: Bool { host == "localhost" || host == "127.0.0.1" }
}

/// Private-address judgement of hosts: IP literals by range, names by their resolved addresses.
public enum PrivateAddress {
    /// Whether `host` is an IP literal, and if so whether it is private (nil: not a literal).
    static func literal(_ host: String) -> Bool? {
        var v4 = in_addr()
        if inet_pton(AF_INET, host, &v4) == 1 { return isPrivate(v4: withUnsafeBytes(of: v4) { Array($0) }) }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, host, &v6) == 1 { return isPrivate(v6: withUnsafeBytes(of: v6) { Array($0) }) }
        return nil
    }

    /// The addresses `host` resolves to (nil when it does not resolve), each private or not.
    public static func resolve(_ host: String) -> [Bool]? {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, nil, &hints, &list) == 0, let first = list else { return nil }
        defer { freeaddrinfo(first) }
        var verdicts: [Bool] = []
        var node: UnsafeMutablePointer<addrinfo>? = first
        while let info = node {
            if let address = info.pointee.ai_addr {
                if info.pointee.ai_family == AF_INET {
                    let bytes = address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { p in
                        withUnsafeBytes(of: p.pointee.sin_addr) { Array($0) }
                    }
                    verdicts.append(isPrivate(v4: bytes))
                } else if info.pointee.ai_family == AF_INET6 {
                    let bytes = address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { p in
                        withUnsafeBytes(of: p.pointee.sin6_addr) { Array($0) }
                    }
                    verdicts.append(isPrivate(v6: bytes))
                }
            }
            node = info.pointee.ai_next
        }
        return verdicts.isEmpty ? nil : verdicts
    }

    /// 0/8 ("this network", 0.0.0.0), 10/8, 100.64/10 (carrier NAT), 127/8, 169.254/16,
    /// 172.16/12, 192.0.0/24, 192.168/16, 198.18/15 (benchmarking), 224/4 multicast and
    /// 240/4 reserved (with 255.255.255.255).
    static func isPrivate(v4 b: [UInt8]) -> Bool {
        switch (b[0], b[1]) {
        case (0, _), (10, _), (127, _), (169, 254), (192, 168): return true
        case (100, 64...127), (172, 16...31), (198, 18...19): return true
        case (192, 0) where b[2] == 0: return true
        case (224..., _): return true
        default: return false
        }
    }

    /// ::, ::1, fc00::/7 (unique local), fe80::/10 (link-local), ff00::/8 (multicast), and
    /// IPv4-mapped or -compatible addresses judged as their IPv4.
    static func isPrivate(v6 b: [UInt8]) -> Bool {
        if b[0..<15].allSatisfy({ $0 == 0 }) { return true }   // :: and ::1
        if b[0] & 0xFE == 0xFC { return true }
        if b[0] == 0xFE && b[1] & 0xC0 == 0x80 { return true }
        if b[0] == 0xFF { return true }
        if b[0..<10].allSatisfy({ $0 == 0 }) && ((b[10] == 0xFF && b[11] == 0xFF) || (b[10] == 0 && b[11] == 0)) {
            return isPrivate(v4: Array(b[12..<16]))
        }
        return false
    }
}

/// The URL rules of webhook endpoints (DESIGN §6, issue 15).
enum WebhookURLPolicy {
    /// Checks `text` for a tenant of `environment` and says how its host was judged. HTTPS
    /// only, except `http://localhost` / `http://127.0.0.1` for sandbox tenants; a production
    /// tenant's private, loopback or link-local target is refused unless `allowPrivate`.
    /// `resolve` is getaddrinfo in production and replaceable in tests.
    static func check(_ text: String, environment: Environment, allowPrivate: Bool, field: String,
                      resolve: (String) -> [Bool]? = PrivateAddress.resolve) throws(FolioError) -> WebhookAddressCheck {
        let url = try WebhookURL(text, field: field)
        if environment == .sandbox {
            if url.scheme == "http" {
                guard url.isLocalhostName else {
                    throw .validation("a webhook URL must be https; plain http is allowed only for localhost or 127.0.0.1 "
                                      + "of a sandbox tenant", field: field)
                }
                return .sandboxLoopback
            }
            guard url.scheme == "https" else { throw .validation("a webhook URL must be https", field: field) }
            if url.isLocalhostName { return .sandboxLoopback }
            return judge(url.host, allowPrivate: true, resolve: resolve) ?? .unresolved
        }
        guard url.scheme == "https" else {
            throw .validation("a production tenant's webhook URL must be https", field: field)
        }
        guard let verdict = judge(url.host, allowPrivate: allowPrivate, resolve: resolve) else {
            throw .validation("'\(url.host)' is a private, loopback or link-local address; a production tenant's "
                              + "webhooks go to public addresses", field: field,
                              hint: "an admin may allow a private target explicitly")
        }
        return verdict
    }

    /// nil: private and not allowed.
    private static func judge(_ host: String, allowPrivate: Bool, resolve: (String) -> [Bool]?) -> WebhookAddressCheck? {
        let privateVerdicts: [Bool]
        let literal: Bool
        if let isPrivate = PrivateAddress.literal(host) {
            privateVerdicts = [isPrivate]
            literal = true
        } else if host == "localhost" || host.hasSuffix(".localhost") {
            privateVerdicts = [true]   // RFC 6761: always loopback, whatever a resolver says
            literal = false
        } else if let resolved = resolve(host) {
            privateVerdicts = resolved
            literal = false
        } else {
            return .unresolved
        }
        if privateVerdicts.contains(true) { return allowPrivate ? .privateAllowed : nil }
        return literal ? .publicLiteral : .resolvedPublic
    }
}
