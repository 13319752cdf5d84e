import IndexStore

/// One term's postings, scored with BM25.
final class TermMatcher: Matcher {
    /// Unchecked: a matcher is used by one thread, and the run-time exclusivity check on
    /// every access to a class's stored struct would cost more than decoding the postings.
    @exclusivity(unchecked) private var cursor: PostingsCursor
    let idf: Float
    private let bm25: BM25
    /// Passage (or title) lengths by id, a byte each (``LengthNorm``).
    private let norms: [UInt8]
    private lazy var listBound: Float = computeListBound()
    /// The bound of the block ending at `boundedBlockLastID`, computed once per block.
    private var boundedBlockLastID = Matcher.exhausted
    private var boundedBlockScore: Float = .infinity

    init(cursor: PostingsCursor, idf: Float, bm25: BM25, norms: [UInt8]) {
        self.cursor = cursor
        self.idf = idf
        self.bm25 = bm25
        self.norms = norms
        super.init()
        current = cursor.current
    }

    override var cost: Int { cursor.documentFrequency }

    override func advance() throws -> UInt32 {
        current = try cursor.advance()
        return current
    }

    override func seek(_ target: UInt32) throws -> UInt32 {
        current = try cursor.seek(target)
        return current
    }

    override func score() throws -> Float {
        bm25.score(idf: idf, frequency: try cursor.frequency, norm: cursor.norm(in: norms))
    }

    override var maximumScore: Float { listBound }

    override func forEachRemainingBatch(_ body: (Span<UInt32>) throws -> Bool) throws -> Bool {
        defer { current = cursor.current }
        return try cursor.forEachRemainingBlock(frequencies: { _ in false }) { ids, _ in try body(ids) }
    }

    /// The rest of the list a block at a time with the frequencies minus one, skipping the
    /// blocks whose bound is at most `threshold()` (asked before each block) undecoded and
    /// telling `skipped` of each. The single-term ranking's loop.
    // Kept for MaxScoreRanker until it reads spans: the pointers are the block's spans,
    // valid inside `body` only.
    func forEachRemainingBlock(
        skippingAtMost threshold: () -> Float, skipped: () -> Void,
        _ body: (UnsafeBufferPointer<UInt32>, UnsafeBufferPointer<UInt32>) throws -> Bool
    ) throws {
        defer { current = cursor.current }
        try cursor.forEachRemainingBlock(
            skip: { impacts in
                guard self.blockBound(impacts) <= threshold() else { return false }
                skipped()
                return true
            }) { ids, frequencies in try Self.withBuffers(ids, frequencies, body) }
    }

    /// Every remaining block, with its frequencies only where the block's bound is above
    /// `threshold()` (an empty frequency buffer otherwise): a single term's count needs
    /// every id, its ranking only the blocks that can still reach the top k.
    // Kept for MaxScoreRanker until it reads spans (as above).
    func forEachRemainingBlock(
        scoringAbove threshold: () -> Float, _ body: (UnsafeBufferPointer<UInt32>, UnsafeBufferPointer<UInt32>) throws -> Bool
    ) throws {
        defer { current = cursor.current }
        try cursor.forEachRemainingBlock(frequencies: { self.blockBound($0) > threshold() }) { ids, frequencies in
            try Self.withBuffers(ids, frequencies, body)
        }
    }

    @inline(__always)
    private static func withBuffers(
        _ ids: Span<UInt32>, _ frequencies: Span<UInt32>, _ body: (UnsafeBufferPointer<UInt32>, UnsafeBufferPointer<UInt32>) throws -> Bool
    ) rethrows -> Bool {
        try ids.withUnsafeBufferPointer { ids in try frequencies.withUnsafeBufferPointer { frequencies in try body(ids, frequencies) } }
    }

    /// This term's BM25 for a frequency and a passage's length byte, as ``score()``
    /// computes it.
    @inline(__always)
    func score(frequency: UInt32, norm: UInt8) -> Float {
        bm25.score(idf: idf, frequency: frequency, norm: norm)
    }

    /// Passage (or title) length bytes by id, for ``score(frequency:norm:)``.
    var normsByID: [UInt8] { norms }

    var frequency: UInt32 { get throws { try cursor.frequency } }

    func positions(into buffer: inout [UInt32]) throws {
        try cursor.positions(into: &buffer)
    }

    /// How many positions the current passage has: the room ``decodePositions(to:)``
    /// needs.
    func positionCount() throws -> Int { try cursor.positionCount() }

    /// The current passage's positions written to `output` (room for
    /// ``positionCount()``), and how many there are.
    // Kept for PhraseMatcher's position buffers (its pointers, room checked by the
    // caller): rows behind spans cost 19% of a phrase search's instructions.
    func decodePositions(to output: UnsafeMutablePointer<UInt32>) throws -> Int {
        try cursor.decodePositions(to: output)
    }

    // MARK: Block-max

    override func blockBound() throws -> (score: Float, lastID: UInt32)? {
        (try currentBlockMaximumScore(), cursor.currentBlockLastID)
    }

    /// The best score any posting of the current block can have (the list's bound when the
    /// list is a single block).
    func currentBlockMaximumScore() throws -> Float {
        let last = cursor.currentBlockLastID
        if last != boundedBlockLastID {
            boundedBlockLastID = last
            if let bounds = try cursor.currentBlockBounds() {
                boundedBlockScore = blockBound(bounds)
            } else {
                boundedBlockScore = listBound
            }
        }
        return boundedBlockScore
    }

    /// The last id of the current block.
    var currentBlockLastID: UInt32 { cursor.currentBlockLastID }

    /// Leaves the current block and skips, undecoded, every later block whose bound is at
    /// most `threshold`; stands on the first id of the next block worth reading.
    @discardableResult
    func skipBlocks(boundAtMost threshold: Float) throws -> UInt32 {
        current = try cursor.skipBlocks { self.blockBound($0) <= threshold }
        return current
    }

    /// BM25 grows with frequency and falls with length, so the best of the block's impact
    /// pairs bounds every posting in it. A capped frequency bounds nothing. The pairs hold
    /// exact lengths; quantised the same way as the postings' (monotone), they still bound.
    private func blockBound(_ impacts: BlockImpacts) -> Float {
        impacts.isCapped ? .infinity : impacts.bound { self.bm25.score(idf: self.idf, frequency: $0, length: LengthNorm.quantized($1)) }
    }

    private func computeListBound() -> Float {
        (try? cursor.listBound(
            block: blockBound,
            exact: { self.bm25.score(idf: self.idf, frequency: $1, norm: self.norms[Int($0)]) })) ?? .infinity
    }
}
