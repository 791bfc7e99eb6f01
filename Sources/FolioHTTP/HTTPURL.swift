/// An absolute http or https URL, split into what a request needs. Parsed strictly: no user info
/// (credentials belong in headers), no spaces or control characters; the fragment is dropped,
/// as a client never sends it.
public struct HTTPURL: Sendable, Equatable, CustomStringConvertible {
    public var scheme: String      // "http" or "https", lowercased
    /// The host as written without brackets: a name (lowercased), an IPv4 or an IPv6 literal.
    public var host: String
    public var port: Int
    /// Path and query as sent on the request line; "/" when the URL has none.
    public var target: String

    public var isTLS: Bool { scheme == "https" }
    /// Whether `host` is an IP literal (certificate checked against an IP, no SNI).
    public var hostIsIPLiteral: Bool { host.contains(":") || Self.isIPv4(host) }

    /// The Host header value: brackets around IPv6, the port only when not the default.
    public var hostHeader: String {
        let name = host.contains(":") ? "[\(host)]" : host
        return port == (isTLS ? 443 : 80) ? name : "\(name):\(port)"
    }

    public var description: String { "\(scheme)://\(hostHeader)\(target)" }

    public init(_ text: String) throws(HTTPError) {
        func bad(_ why: String) -> HTTPError { HTTPError(.invalidRequest, "invalid URL \"\(text)\": \(why)") }
        for scalar in text.unicodeScalars where scalar.value <= 0x20 || scalar.value >= 0x7f {
            throw bad("it contains a space, a control or a non-ASCII character")
        }
        guard let colon = text.firstIndex(of: ":"), text[colon...].hasPrefix("://") else { throw bad("no scheme") }
        let scheme = text[..<colon].lowercased()
        guard scheme == "http" || scheme == "https" else { throw bad("scheme must be http or https") }
        var rest = text[text.index(colon, offsetBy: 3)...]
        if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        var target = String(rest[authorityEnd...])
        if target.isEmpty { target = "/" } else if target.first == "?" { target = "/" + target }
        guard !authority.contains("@") else { throw bad("user info is not accepted") }
        var host: Substring, portText: Substring?
        if authority.first == "[" {
            guard let close = authority.firstIndex(of: "]") else { throw bad("unclosed IPv6 bracket") }
            host = authority[authority.index(after: authority.startIndex)..<close]
            let after = authority[authority.index(after: close)...]
            if after.isEmpty { portText = nil } else if after.first == ":" { portText = after.dropFirst() } else { throw bad("junk after IPv6 literal") }
            guard !host.isEmpty, host.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." }) else { throw bad("bad IPv6 literal") }
        } else if let colon = authority.lastIndex(of: ":") {
            host = authority[..<colon]
            portText = authority[authority.index(after: colon)...]
        } else {
            host = authority
            portText = nil
        }
        guard !host.isEmpty else { throw bad("no host") }
        if authority.first != "[" {
            guard host.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." || $0 == "_" }) else { throw bad("bad host name") }
        }
        var port = scheme == "https" ? 443 : 80
        if let portText {
            guard !portText.isEmpty, portText.count <= 5, portText.allSatisfy(\.isASCII), let value = Int(portText),
                  (1...65535).contains(value) else { throw bad("bad port") }
            port = value
        }
        self.scheme = scheme
        self.host = host.lowercased()
        self.port = port
        self.target = target
    }

    static func isIPv4(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { !$0.isEmpty && $0.count <= 3 && $0.allSatisfy(\.isNumber) && Int($0)! <= 255 }
    }
}
