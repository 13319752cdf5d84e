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
    ///
    /// Every group is compared with every kept one before it, so the kept groups'
    /// signatures sit in one flat array, each with the distance it still matches at, and a
    /// comparison is an XOR, a bit count and a compare; the groups are read in place.
    init(_ groups: [Collector.Group], snapshot: IndexSnapshot) {
        kept.reserveCapacity(groups.count)
        var keptSignatures: [KeptSignature] = []
        keptSignatures.reserveCapacity(groups.count)
        for index in groups.indices {
            let (signature, isLong) = Self.signature(of: groups[index], snapshot: snapshot)
            if signature != PassageSignature.none,
               let match = Self.firstMatch(of: signature, isLong: isLong, among: keptSignatures) {
                folded[kept[match], default: []].append(index)
                continue
            }
            kept.append(index)
            keptSignatures.append(KeptSignature(signature: signature, reach: isLong ? Self.maximumDistance : 0))
        }
    }

    /// A kept group's signature and the largest distance at which another matches it:
    /// near matches only between texts long enough for them, exact ones always.
    private struct KeptSignature {
        var signature: UInt64
        var reach: Int
    }

    /// The first kept signature that `signature` matches.
    private static func firstMatch(of signature: UInt64, isLong: Bool, among kept: [KeptSignature]) -> Int? {
        if isLong {
            return kept.firstIndex { PassageSignature.distance($0.signature, signature) <= $0.reach }
        }
        return kept.firstIndex { $0.signature == signature }
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
