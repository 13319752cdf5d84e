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
    /// Per term, the current passage's positions (``PhrasePositions``).
    private let positions: PhrasePositions
    private var phraseFrequency: UInt32 = 0

    init(terms: [TermMatcher], offsets: [UInt32], slop: Int, idf: Float, bm25: BM25, norms: [UInt8]) throws {
        self.terms = terms
        unretainedTerms = terms.map { .passUnretained($0) }
        self.offsets = offsets
        self.slop = slop
        self.idf = idf
        self.bm25 = bm25
        self.norms = norms
        positions = PhrasePositions(terms: terms.count)
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
    /// The terms are read without retaining them (`terms` holds them), and their
    /// positions go to storage this matcher owns, reused for every candidate passage.
    private func countMatches() throws -> UInt32 {
        let terms = unretainedTerms
        for index in 0 ..< terms.count {
            try terms[index]._withUnsafeGuaranteedRef { term in
                try positions.fill(index, count: try term.positionCount()) { try term.decodePositions(to: $0) }
            }
        }
        if slop == 0 { return positions.exactMatches(offsets: offsets) }
        return positions.orderedMatches(allowed: Int(offsets[terms.count - 1] - offsets[0]) + slop)
    }
}
