import IndexStore

/// Terms at fixed relative positions: a conjunction whose candidates are checked against
/// the positions. With `slop` 0 the words must stand exactly as in the query; with slop N
/// they must come in the query's order with at most N extra positions between them in all.
final class PhraseMatcher: SettlingMatcher {
    private let terms: [TermMatcher]
    /// The same terms, read without retaining them (``terms`` keeps them alive).
    private let unretainedTerms: [Unmanaged<TermMatcher>]
    private let offsets: [UInt32]
    private let slop: Int
    private let idf: Float
    private let bm25: BM25
    private let norms: [UInt8]
    /// Per term, the current passage's positions: the first `counts[i]` of `positions[i]`
    /// (the buffers are reused and only grow).
    private var positions: [[UInt32]]
    private var counts: [Int]
    private var phraseFrequency: UInt32 = 0

    init(terms: [TermMatcher], offsets: [UInt32], slop: Int, idf: Float, bm25: BM25, norms: [UInt8]) throws {
        self.terms = terms
        unretainedTerms = terms.map { .passUnretained($0) }
        self.offsets = offsets
        self.slop = slop
        self.idf = idf
        self.bm25 = bm25
        self.norms = norms
        positions = Array(repeating: [], count: terms.count)
        counts = Array(repeating: 0, count: terms.count)
        super.init(inner: try ConjunctionMatcher(terms))
        try settle()
    }

    /// The conjunction stands on a passage with every word; keep it if they form the phrase.
    override func accepts(_ id: UInt32) throws -> Bool {
        phraseFrequency = try countMatches()
        return phraseFrequency > 0
    }

    override func score() throws -> Float {
        bm25.score(idf: idf, frequency: phraseFrequency, norm: norms[Int(current)])
    }

    /// BM25's frequency part saturates below `k1 + 1`.
    override var maximumScore: Float { idf * (BM25.k1 + 1) }

    /// How many times the phrase occurs in the current passage.
    private func countMatches() throws -> UInt32 {
        // The buffers are reached through one borrow of the outer array, and the terms
        // without retaining them (`terms` holds them): indexing `positions` and `terms`
        // per term retained, released and uniqueness-checked the arrays at every
        // candidate passage (perf: 8% of a phrase search on the 1 GB corpus).
        let terms = unretainedTerms
        try positions.withUnsafeMutableBufferPointer { positions in
            try counts.withUnsafeMutableBufferPointer { counts in
                for index in 0 ..< terms.count {
                    counts[index] = try terms[index]._withUnsafeGuaranteedRef { try $0.decodePositions(into: &positions[index]) }
                }
            }
        }
        var count: UInt32 = 0
        if slop == 0 {
            // Exact: every term at its offset from the first term's position.
            for start in positions[0][..<counts[0]] {
                var matches = true
                for index in 1 ..< terms.count {
                    let wanted = start &+ offsets[index] &- offsets[0]
                    if binarySearch(positions[index][..<counts[index]], wanted) == false {
                        matches = false
                        break
                    }
                }
                if matches { count += 1 }
            }
        } else {
            // In order, each term after the previous one, the whole within the slop.
            let allowed = Int(offsets[terms.count - 1] - offsets[0]) + slop
            var cursor = Array(repeating: 0, count: terms.count)
            for start in positions[0][..<counts[0]] {
                var previous = start
                var matches = true
                for index in 1 ..< terms.count {
                    let list = positions[index][..<counts[index]]
                    while cursor[index] < list.count, list[cursor[index]] <= previous { cursor[index] += 1 }
                    guard cursor[index] < list.count else {
                        matches = false
                        break
                    }
                    previous = list[cursor[index]]
                }
                if !matches { break }
                if Int(previous - start) <= allowed { count += 1 }
            }
        }
        return count
    }

    private func binarySearch(_ list: ArraySlice<UInt32>, _ value: UInt32) -> Bool {
        var low = list.startIndex, high = list.endIndex
        while low < high {
            let middle = (low + high) / 2
            if list[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low < list.endIndex && list[low] == value
    }
}
