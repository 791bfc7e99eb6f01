#if canImport(Glibc)
import Glibc
#endif

/// The delivery worker's check of a production endpoint's address, at each attempt: the
/// address check made when the URL was set may be stale (DNS changes; a name that did not
/// resolve then). An IP literal must be public; a name is resolved here, every address must be
/// public, and the POST connects only to those addresses (pinned: no second lookup, so a DNS
/// answer cannot change between the check and the connection).
enum WebhookAddressGuard {
    enum Verdict: Equatable {
        case pinned([String])
        case refused(String)
    }

    static func check(_ url: String, resolve: (String) -> [(address: String, isPrivate: Bool)]?) -> Verdict {
        let host: String
        do throws(FolioError) { host = try WebhookURL(url, field: "webhook.url").host } catch {
            return .refused("the endpoint URL is not valid: \(error.message)")
        }
        if let isPrivate = PrivateAddress.literal(host) {
            return isPrivate ? .refused("\(host) is a private, loopback or link-local address (not allowed for this endpoint)")
                : .pinned([host])
        }
        guard let found = resolve(host), !found.isEmpty else { return .refused("\(host) does not resolve") }
        if let bad = found.first(where: \.isPrivate) {
            return .refused("\(host) resolves to \(bad.address), a private, loopback or link-local address "
                            + "(not allowed for this endpoint)")
        }
        return .pinned(found.map(\.address))
    }
}

extension PrivateAddress {
    /// The addresses `host` resolves to (nil when it does not), as text, each private or not.
    public static func addresses(_ host: String) -> [(address: String, isPrivate: Bool)]? {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, nil, &hints, &list) == 0, let first = list else { return nil }
        defer { freeaddrinfo(first) }
        var found: [(address: String, isPrivate: Bool)] = []
        var node: UnsafeMutablePointer<addrinfo>? = first
        while let info = node {
            if let address = info.pointee.ai_addr {
                var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN) + 1)
                if info.pointee.ai_family == AF_INET {
                    var raw = address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { $0.pointee.sin_addr }
                    let bytes = withUnsafeBytes(of: raw) { Array($0) }
                    if inet_ntop(AF_INET, &raw, &text, socklen_t(text.count)) != nil {
                        found.append((String(cString: text), isPrivate(v4: bytes)))
                    }
                } else if info.pointee.ai_family == AF_INET6 {
                    var raw = address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { $0.pointee.sin6_addr }
                    let bytes = withUnsafeBytes(of: raw) { Array($0) }
                    if inet_ntop(AF_INET6, &raw, &text, socklen_t(text.count)) != nil {
                        found.append((String(cString: text), isPrivate(v6: bytes)))
                    }
                }
            }
            node = info.pointee.ai_next
        }
        return found.isEmpty ? nil : found
    }
}
