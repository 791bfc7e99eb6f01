extension String {
    /// Without leading and trailing white space and line breaks: a secret read from a file or a
    /// pipe usually ends with a line break that is not part of it.
    var trimmingSpacesAndNewlines: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
