import FolioSupport

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
            let distance = EditDistance.between(typedChars, Array(candidate.unicodeScalars))
            if distance <= limit, distance < (best?.distance ?? Int.max) {
                best = (candidate, distance)
            }
        }
        return best?.name
    }
}
