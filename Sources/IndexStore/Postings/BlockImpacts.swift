/// What bounds the scores inside one block of postings: up to four (frequency, length)
/// pairs such that every posting of the block has a frequency no higher and a passage
/// length no shorter than one of them.
///
/// A score that grows with the frequency and falls with the length (BM25, whatever its
/// average length) is then at most the best score of the four pairs. One pair, the
/// block's highest frequency with its shortest length (format versions 1 and 2), is valid
/// too but loose: a block with one very short passage and one frequent word elsewhere
/// looks as good as a passage with both, and almost no block of a common word could be
/// skipped (1% of `minister`'s on the shared corpus, against 82% with exact maxima). The
/// pairs are the block's Pareto front (no posting beats another on both), cut to four by
/// merging neighbours into the pair that dominates both (Lucene calls them "impacts").
public struct BlockImpacts: Sendable, Equatable {
    public static let count = 4
    /// Stored values are capped here: a capped frequency bounds nothing (the reader treats
    /// it as unbounded); a capped length only makes the bound higher, so stays valid.
    public static let cap: UInt32 = 65535

    public var frequencies: (UInt32, UInt32, UInt32, UInt32)
    public var lengths: (UInt32, UInt32, UInt32, UInt32)

    public init(frequencies: (UInt32, UInt32, UInt32, UInt32), lengths: (UInt32, UInt32, UInt32, UInt32)) {
        self.frequencies = frequencies
        self.lengths = lengths
    }

    /// The single loose pair of format versions 1 and 2.
    init(maximumFrequency: UInt32, minimumLength: UInt32) {
        self.init(frequencies: (maximumFrequency, 0, 0, 0), lengths: (minimumLength, Self.cap, Self.cap, Self.cap))
    }

    /// The largest of `score(frequency, length)` over the pairs (pairs of frequency 0 are
    /// padding and score nothing).
    @inline(__always)
    public func bound(_ score: (UInt32, UInt32) -> Float) -> Float {
        var best: Float = 0
        if frequencies.0 > 0 { best = max(best, score(frequencies.0, lengths.0)) }
        if frequencies.1 > 0 { best = max(best, score(frequencies.1, lengths.1)) }
        if frequencies.2 > 0 { best = max(best, score(frequencies.2, lengths.2)) }
        if frequencies.3 > 0 { best = max(best, score(frequencies.3, lengths.3)) }
        return best
    }

    /// Whether some pair's frequency hit the cap (then no finite bound is known).
    public var isCapped: Bool {
        frequencies.0 >= Self.cap || frequencies.1 >= Self.cap || frequencies.2 >= Self.cap || frequencies.3 >= Self.cap
    }

    public static func == (lhs: BlockImpacts, rhs: BlockImpacts) -> Bool {
        lhs.frequencies == rhs.frequencies && lhs.lengths == rhs.lengths
    }

    /// The front of `(frequency, length)` postings, cut to ``count`` pairs, capped.
    static func of(frequencies: some Sequence<UInt32>, lengths: some Sequence<UInt32>) -> BlockImpacts {
        // Shortest first; at equal length, most frequent first; keep a pair only when it
        // is more frequent than every shorter one.
        let pairs = zip(frequencies, lengths).sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 > $1.0 }
        var front: [(frequency: UInt32, length: UInt32)] = []
        for pair in pairs where pair.0 > (front.last?.frequency ?? 0) { front.append((pair.0, pair.1)) }
        // Too many: merge the two neighbours closest in frequency into the pair that
        // dominates both (the higher frequency, the shorter length) until four remain.
        while front.count > count {
            var merge = 0
            for index in 0 ..< front.count - 1
            where front[index + 1].frequency - front[index].frequency < front[merge + 1].frequency - front[merge].frequency {
                merge = index
            }
            front[merge] = (front[merge + 1].frequency, front[merge].length)
            front.remove(at: merge + 1)
        }
        var values = [UInt32](repeating: 0, count: count), lengths = [UInt32](repeating: cap, count: count)
        for (index, pair) in front.enumerated() {
            values[index] = min(pair.frequency, cap)
            lengths[index] = min(pair.length, cap)
        }
        return BlockImpacts(frequencies: (values[0], values[1], values[2], values[3]), lengths: (lengths[0], lengths[1], lengths[2], lengths[3]))
    }
}
