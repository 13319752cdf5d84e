/// What bounds the scores inside one block of postings: up to four (frequency, length)
/// pairs such that every posting of the block has a frequency no higher and a passage
/// length no shorter than one of them.
///
/// A score that grows with the frequency and falls with the length (BM25, whatever its
/// average length) is then at most the best score of the four pairs. One pair, the
/// block's highest frequency with its shortest length (format versions 1 and 2), is valid
/// too but loose: a block with one very short passage and one frequent word elsewhere
/// looks as good as a passage with both, and almost no block of a common word can be
/// skipped (docs/BENCHMARKS.md, "Profiles behind the search code's shape"). The
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

    /// The front of `(frequency, length)` postings (at most a block's worth), cut to
    /// ``count`` pairs, capped. It runs once per block of every term a flush or a merge
    /// writes, so it works in stack buffers, and without sorting when the block's
    /// frequencies are small (nearly always): the shortest length per frequency, then the
    /// frequencies whose shortest length beats every higher frequency's.
    static func of(frequencies: some Sequence<UInt32>, lengths: some Sequence<UInt32>) -> BlockImpacts {
        let smallFrequencies = 64
        return withUnsafeTemporaryAllocation(of: UInt32.self, capacity: smallFrequencies + 1) { shortest in
            shortest.initialize(repeating: .max)
            var highest: UInt32 = 0
            var count = 0
            for (frequency, length) in zip(frequencies, lengths) {
                count += 1
                highest = max(highest, frequency)
                guard frequency <= smallFrequencies else { continue }
                shortest[Int(frequency)] = min(shortest[Int(frequency)], length)
            }
            precondition(count <= PostingsFormat.blockLength, "impacts are computed per block")
            guard highest <= smallFrequencies else { return sortedFront(frequencies: frequencies, lengths: lengths) }
            return withUnsafeTemporaryAllocation(of: (frequency: UInt32, length: UInt32).self, capacity: smallFrequencies) { front in
                // From the highest frequency down: a frequency is on the front when its
                // shortest length is below that of every higher one (at an equal length the
                // higher frequency dominates it).
                var size = 0
                var shortestAbove = UInt32.max
                var frequency = Int(highest)
                while frequency >= 1 {
                    let length = shortest[frequency]
                    if length < shortestAbove {
                        front[size] = (UInt32(frequency), length)
                        size += 1
                        shortestAbove = length
                    }
                    frequency -= 1
                }
                // Shortest (and least frequent) first, as the sorted scan gives them.
                var ascending = UnsafeMutableBufferPointer(rebasing: front[..<size])
                ascending.reverse()
                return cut(front, size: size)
            }
        }
    }

    /// The front by sorting: for blocks with a frequency above the buckets of ``of(frequencies:lengths:)``.
    static func sortedFront(frequencies: some Sequence<UInt32>, lengths: some Sequence<UInt32>) -> BlockImpacts {
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: PostingsFormat.blockLength) { keys in
            // Shortest first; at equal length, most frequent first: one integer per posting,
            // the length above the complement of the frequency.
            var count = 0
            for (frequency, length) in zip(frequencies, lengths) {
                keys[count] = UInt64(length) << 32 | UInt64(UInt32.max - frequency)
                count += 1
            }
            var sorted = UnsafeMutableBufferPointer(rebasing: keys[..<count])
            sorted.sort()
            return withUnsafeTemporaryAllocation(of: (frequency: UInt32, length: UInt32).self, capacity: max(count, 1)) { front in
                // Keep a pair only when it is more frequent than every shorter one.
                var size = 0
                for key in sorted {
                    let frequency = UInt32.max - UInt32(truncatingIfNeeded: key)
                    if frequency > (size == 0 ? 0 : front[size - 1].frequency) {
                        front[size] = (frequency, UInt32(key >> 32))
                        size += 1
                    }
                }
                return cut(front, size: size)
            }
        }
    }

    /// The first `size` pairs of `front` (ascending in both), cut to ``count`` by merging
    /// the two neighbours closest in frequency into the pair that dominates both (the
    /// higher frequency, the shorter length) until four remain, then capped.
    private static func cut(_ front: UnsafeMutableBufferPointer<(frequency: UInt32, length: UInt32)>, size: Int) -> BlockImpacts {
        var size = size
        while size > Self.count {
            var merge = 0
            for index in 0 ..< size - 1
            where front[index + 1].frequency - front[index].frequency < front[merge + 1].frequency - front[merge].frequency {
                merge = index
            }
            front[merge] = (front[merge + 1].frequency, front[merge].length)
            for index in merge + 1 ..< size - 1 { front[index] = front[index + 1] }
            size -= 1
        }
        func pair(_ index: Int) -> (UInt32, UInt32) {
            index < size ? (min(front[index].frequency, cap), min(front[index].length, cap)) : (0, cap)
        }
        let (f0, l0) = pair(0), (f1, l1) = pair(1), (f2, l2) = pair(2), (f3, l3) = pair(3)
        return BlockImpacts(frequencies: (f0, f1, f2, f3), lengths: (l0, l1, l2, l3))
    }
}
