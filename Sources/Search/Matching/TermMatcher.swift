import IndexStore

/// One term's postings, scored with BM25.
final class TermMatcher: Matcher {
    private var cursor: PostingsCursor
    private let idf: Float
    private let bm25: BM25
    private let lengths: [UInt32]

    init(cursor: PostingsCursor, idf: Float, bm25: BM25, lengths: [UInt32]) {
        self.cursor = cursor
        self.idf = idf
        self.bm25 = bm25
        self.lengths = lengths
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
        bm25.score(idf: idf, frequency: cursor.frequency, length: lengths[Int(current)])
    }

    var frequency: UInt32 { cursor.frequency }

    func positions(into buffer: inout [UInt32]) throws {
        try cursor.positions(into: &buffer)
    }
}
