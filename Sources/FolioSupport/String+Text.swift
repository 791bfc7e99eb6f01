extension String {
    /// Without leading and trailing white space (line breaks included): names typed with a stray
    /// space, and secrets read from a file or a pipe with its final line break.
    public var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }

    /// Every occurrence of `target` replaced by `replacement`, without Foundation.
    public func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
