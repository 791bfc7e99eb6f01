/// "Did you mean" suggestions by edit distance.
enum Suggestion {
    /// The candidate closest to `typed`: a unique prefix match, else the nearest by optimal
    /// string alignment distance (Damerau–Levenshtein with adjacent transpositions) when close
    /// enough — at most 1 edit for words up to 3 characters, else at most max(2, length / 3).
    /// Ties go to the earliest candidate, so the answer is deterministic.
    static func best(for typed: String, among candidates: [String]) -> String? {
        guard !typed.isEmpty else { return nil }
        let prefixed = candidates.filter { $0.hasPrefix(typed) }
        if prefixed.count == 1 { return prefixed[0] }
        let limit = typed.count <= 3 ? 1 : max(2, typed.count / 3)
        var best: (name: String, distance: Int)?
        let typedChars = Array(typed.unicodeScalars)
        for candidate in candidates {
            let distance = Suggestion.distance(typedChars, Array(candidate.unicodeScalars))
            if distance <= limit, distance < (best?.distance ?? Int.max) {
                best = (candidate, distance)
            }
        }
        return best?.name
    }

    /// Optimal string alignment distance between `a` and `b`.
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
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
