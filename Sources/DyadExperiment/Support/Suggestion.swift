/// "Did you mean …?" suggestions by Damerau–Levenshtein distance.
package enum Suggestion {
    /// The closest candidate to `word`, if it is close enough to be a plausible typo
    /// (distance ≤ max(2, length/3)), preferring the first of equally close candidates.
    package static func closest(to word: String, among candidates: [String]) -> String? {
        let limit = max(2, word.count / 3)
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = Self.distance(word.lowercased(), candidate.lowercased())
            if distance <= limit && distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
        }
        return best?.candidate
    }

    /// `; did you mean "X"?` for the closest candidate, or "" (flags are not quoted).
    package static func hint(for word: String, among candidates: [String], quoted: Bool = true) -> String {
        guard let match = closest(to: word, among: candidates) else { return "" }
        return quoted ? "; did you mean \"\(match)\"?" : "; did you mean \(match)?"
    }

    /// Optimal-string-alignment distance (insertions, deletions, substitutions, transpositions).
    package static func distance(_ first: String, _ second: String) -> Int {
        let a = Array(first), b = Array(second)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previousPrevious[j - 2] + 1)
                }
            }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count]
    }
}
