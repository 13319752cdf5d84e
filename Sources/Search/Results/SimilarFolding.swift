import IndexStore

/// Results whose shown passage is the same text, or nearly, as a better-ranked result's
/// are folded into it: one article repeated in twenty laws takes one place on the page,
/// with "and N similar passages in other documents", and the page fills with different
/// content. Texts are compared by their index-time signatures (``PassageSignature``), so
/// folding reads eight bytes per result and no stored text.
struct SimilarFolding {
    /// Signatures at most this many bits apart are the same text with small changes
    /// (a number, a name, a word). Measured on the shared corpus: docs/SEARCH.md,
    /// "Near-duplicate folding".
    static let maximumDistance = 7

    /// The groups shown, in rank order, each with the groups folded into it.
    private(set) var kept: [Int] = []
    private(set) var folded: [Int: [Int]] = [:]

    /// Folds `groups` (in rank order): a group whose best passage matches an earlier kept
    /// group's best passage joins it.
    init(_ groups: [Collector.Group], snapshot: IndexSnapshot) {
        var keptSignatures: [(signature: UInt64, isLong: Bool)] = []
        for (index, group) in groups.enumerated() {
            let (signature, isLong) = Self.signature(of: group, snapshot: snapshot)
            if signature != PassageSignature.none,
               let match = keptSignatures.firstIndex(where: { kept in
                   let distance = PassageSignature.distance(kept.signature, signature)
                   return distance == 0 || distance <= Self.maximumDistance && kept.isLong && isLong
               }) {
                folded[kept[match], default: []].append(index)
                continue
            }
            kept.append(index)
            keptSignatures.append((signature, isLong))
        }
    }

    /// The signature of a group's best passage, and whether its text is long enough for a
    /// near match (``PassageSignature/minimumWordsForNearMatch`` positions).
    static func signature(of group: Collector.Group, snapshot: IndexSnapshot) -> (UInt64, Bool) {
        guard let best = group.passages.max(by: { $0.score < $1.score }) else { return (PassageSignature.none, false) }
        let passages = snapshot.segments[group.segment].reader.passages
        let passage = Int(best.passage)
        let textLength = Int(passages.length(passage)) - Int(passages.headingLength(passage))
        return (passages.signature(passage), textLength >= PassageSignature.minimumWordsForNearMatch)
    }
}
