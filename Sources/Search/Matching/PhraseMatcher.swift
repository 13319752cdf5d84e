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
    /// Per term, the current passage's positions (``PositionBuffers``).
    private let buffers: PositionBuffers
    private var phraseFrequency: UInt32 = 0

    init(terms: [TermMatcher], offsets: [UInt32], slop: Int, idf: Float, bm25: BM25, norms: [UInt8]) throws {
        self.terms = terms
        unretainedTerms = terms.map { .passUnretained($0) }
        self.offsets = offsets
        self.slop = slop
        self.idf = idf
        self.bm25 = bm25
        self.norms = norms
        buffers = PositionBuffers(terms: terms.count)
        // The forward walk in ``countMatches()`` needs every word at or after the first
        // (the planner gives query positions, which never go back).
        assert(offsets.allSatisfy { $0 >= offsets[0] }, "phrase offsets start with the smallest")
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

    /// BM25's frequency part saturates below `k1 + 1`; and the phrase is no more frequent
    /// in a passage than the words it is read through (``termBound(_:_:)``).
    override var maximumScore: Float {
        var bound = idf * (BM25.k1 + 1)
        for index in terms.indices where bounds(index) { bound = min(bound, termBound(index, terms[index].maximumScore)) }
        return bound
    }

    /// The bound of the block of the term that gives the lowest (``termBound(_:_:)``),
    /// valid up to the end of that term's block: the ranking passes over the candidates
    /// up to there without reading their positions when it cannot use them.
    override func blockBound() throws -> (score: Float, lastID: UInt32)? {
        guard current != Matcher.exhausted else { return nil }
        var best: (score: Float, lastID: UInt32)?
        for index in terms.indices where bounds(index) {
            guard let (score, lastID) = try terms[index].blockBound() else { continue }
            let bound = termBound(index, score)
            if best == nil || bound < best!.score { best = (bound, lastID) }
        }
        return best
    }

    /// Whether term `index` bounds the phrase's frequency: every exact occurrence uses its
    /// own position of each term, so the phrase's frequency in a passage is at most each
    /// term's; a sloppy match is counted per start, a position of the first term.
    private func bounds(_ index: Int) -> Bool { slop == 0 || index == 0 }

    /// A bound on the phrase's score from term `index`'s bound `termScore`: BM25 is the
    /// idf times a part that grows with the frequency, so the phrase's score is at most the
    /// term's scaled by the idf ratio (a hair more, for the rounding of the two products).
    private func termBound(_ index: Int, _ termScore: Float) -> Float {
        let termIDF = terms[index].idf
        guard termIDF > 0, termScore.isFinite else { return .infinity }
        return termScore / termIDF * idf * (1 + 1e-5)
    }

    /// How many times the phrase occurs in the current passage.
    ///
    /// The terms are read without retaining them (`terms` holds them) and their positions
    /// go to buffers this matcher owns: arrays here would be retained, released and
    /// checked for uniqueness at every candidate passage, and a phrase has many. Positions
    /// ascend, so each term's list is walked once, forward, for all the starts.
    private func countMatches() throws -> UInt32 {
        let terms = unretainedTerms
        let termCount = terms.count
        for index in 0 ..< termCount {
            try terms[index]._withUnsafeGuaranteedRef { term in
                let output = buffers.room(term: index, for: try term.positionCount())
                buffers.counts[index] = try term.decodePositions(to: output)
            }
        }
        let lists = buffers.lists, counts = buffers.counts, cursors = buffers.cursors
        for index in 0 ..< termCount { cursors[index] = 0 }
        var count: UInt32 = 0
        if slop == 0 {
            // Exact: every term at its offset from the first term's position.
            let first = lists[0]
            starts: for occurrence in 0 ..< counts[0] {
                let start = first[occurrence]
                for index in 1 ..< termCount {
                    let wanted = start &+ offsets[index] &- offsets[0]
                    let list = lists[index], end = counts[index]
                    var cursor = cursors[index]
                    while cursor < end, list[cursor] < wanted { cursor &+= 1 }
                    cursors[index] = cursor
                    // No later start can match once a list is used up.
                    guard cursor < end else { break starts }
                    guard list[cursor] == wanted else { continue starts }
                }
                count &+= 1
            }
        } else {
            // In order, each term after the previous one, the whole within the slop.
            let allowed = Int(offsets[termCount - 1] - offsets[0]) + slop
            let first = lists[0]
            for occurrence in 0 ..< counts[0] {
                let start = first[occurrence]
                var previous = start
                var matches = true
                for index in 1 ..< termCount {
                    let list = lists[index], end = counts[index]
                    while cursors[index] < end, list[cursors[index]] <= previous { cursors[index] &+= 1 }
                    guard cursors[index] < end else {
                        matches = false
                        break
                    }
                    previous = list[cursors[index]]
                }
                if !matches { break }
                if Int(previous - start) <= allowed { count &+= 1 }
            }
        }
        return count
    }
}

/// Per term of a phrase, room for one passage's positions, allocated once and grown when
/// a passage has more: reused for every candidate passage without allocating.
private final class PositionBuffers {
    /// Per term: its buffer, how many positions it holds now, its capacity, and a cursor
    /// for walking it.
    let lists: UnsafeMutablePointer<UnsafeMutablePointer<UInt32>>
    let counts: UnsafeMutablePointer<Int>
    let cursors: UnsafeMutablePointer<Int>
    private let capacities: UnsafeMutablePointer<Int>
    private let terms: Int

    init(terms: Int) {
        self.terms = terms
        lists = .allocate(capacity: terms)
        counts = .allocate(capacity: terms)
        cursors = .allocate(capacity: terms)
        capacities = .allocate(capacity: terms)
        for term in 0 ..< terms {
            (lists + term).initialize(to: .allocate(capacity: 16))
            (counts + term).initialize(to: 0)
            (cursors + term).initialize(to: 0)
            (capacities + term).initialize(to: 16)
        }
    }

    /// Term `term`'s buffer, with room for `count` positions.
    @inline(__always)
    func room(term: Int, for count: Int) -> UnsafeMutablePointer<UInt32> {
        if count > capacities[term] {
            lists[term].deallocate()
            let capacity = max(count, 2 * capacities[term])
            lists[term] = .allocate(capacity: capacity)
            capacities[term] = capacity
        }
        return lists[term]
    }

    deinit {
        for term in 0 ..< terms { lists[term].deallocate() }
        lists.deallocate()
        counts.deallocate()
        cursors.deallocate()
        capacities.deallocate()
    }
}
