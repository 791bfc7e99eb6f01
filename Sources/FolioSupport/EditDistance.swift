/// How far apart two words are, for "did you mean" suggestions (commands, options, JSON fields).
public enum EditDistance {
    /// The optimal string alignment distance (Damerau–Levenshtein with adjacent transpositions)
    /// between the Unicode scalars of `a` and `b`: `scpoe` is one edit from `scope`.
    public static func between(_ a: String, _ b: String) -> Int {
        between(Array(a.unicodeScalars), Array(b.unicodeScalars))
    }

    public static func between(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        let width = b.count + 1
        // Three rolling rows: two back (for transpositions), previous, current.
        var older = [Int](repeating: 0, count: width)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: width)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, older[j - 2] + 1)
                }
                current[j] = value
            }
            swap(&older, &previous)
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
