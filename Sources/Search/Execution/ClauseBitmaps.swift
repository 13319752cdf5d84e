/// Per required clause, one bit per passage of a segment: which passages the clause matches
/// (or, for the clauses' title versions, one bit per document).
///
/// The counting pass only sets bits here, a word OR per posting; whether a document has
/// every clause, and how many of its passages match any, is read afterwards from the words
/// covering its passage range. Finding each posting's document while counting (and setting
/// its clause bit in a per-document mask) would cost a lookup per posting, where a
/// document's check reads a few words at most.
///
/// The clauses' words for the same 64 passages sit next to each other, so one document's
/// check reads one run of memory.
struct ClauseBitmaps {
    let clauses: Int
    private var words: [UInt64]

    init(clauses: Int, ids: Int) {
        precondition(clauses >= 1 && clauses <= 64, "a clause mask is one UInt64")
        self.clauses = clauses
        words = Array(repeating: 0, count: (ids + 63) / 64 * clauses)
    }

    @inline(__always)
    mutating func insert(_ id: UInt32, clause: Int) {
        words[Int(id >> 6) * clauses + clause] |= 1 << UInt64(id & 63)
    }

    /// Sets `clause`'s bits of a batch of ids.
    mutating func insert(contentsOf ids: UnsafeBufferPointer<UInt32>, clause: Int) {
        let stride = clauses
        words.withUnsafeMutableBufferPointer { words in
            for id in ids { words[Int(id >> 6) &* stride &+ clause] |= 1 << UInt64(id & 63) }
        }
    }

    /// Bit c set when clause c has `id`.
    @inline(__always)
    func clauses(of id: UInt32) -> UInt64 {
        let base = Int(id >> 6) * clauses, bit = UInt64(id & 63)
        var present: UInt64 = 0
        for clause in 0 ..< clauses { present |= (words[base + clause] >> bit & 1) << UInt64(clause) }
        return present
    }

    /// For a document's passages: bit c set when clause c matches one of them, and how
    /// many of them some clause matches.
    @inline(__always)
    func evaluate(_ range: Range<UInt32>) -> (clauses: UInt64, passages: Int) {
        guard !range.isEmpty else { return (0, 0) }
        let lower = Int(range.lowerBound), upper = Int(range.upperBound) &- 1
        let first = lower >> 6, last = upper >> 6
        let low: UInt64 = ~0 << UInt64(lower & 63), high: UInt64 = ~0 >> UInt64(63 - (upper & 63))
        let stride = clauses
        return words.withUnsafeBufferPointer { words in
            if stride == 1 {
                // One clause (a word, an OR): its bits are the union.
                if first == last {
                    let count = (words[first] & low & high).nonzeroBitCount
                    return (count > 0 ? 1 : 0, count)
                }
                var count = (words[first] & low).nonzeroBitCount &+ (words[last] & high).nonzeroBitCount
                var word = first &+ 1
                while word < last {
                    count &+= words[word].nonzeroBitCount
                    word &+= 1
                }
                return (count > 0 ? 1 : 0, count)
            }
            var present: UInt64 = 0
            var count = 0
            var word = first
            while word <= last {
                var keep = UInt64.max
                if word == first { keep &= low }
                if word == last { keep &= high }
                let base = word &* stride
                var union: UInt64 = 0
                for clause in 0 ..< stride {
                    let bits = words[base &+ clause] & keep
                    present |= (bits != 0 ? 1 : 0) << UInt64(clause)
                    union |= bits
                }
                count &+= union.nonzeroBitCount
                word &+= 1
            }
            return (present, count)
        }
    }

    /// Every id whose bit `clause` has, ascending.
    func ids(inClause clause: Int) -> [UInt32] {
        var ids: [UInt32] = []
        let stride = clauses
        words.withUnsafeBufferPointer { words in
            for word in 0 ..< words.count / stride {
                var bits = words[word &* stride &+ clause]
                while bits != 0 {
                    ids.append(UInt32(word << 6 | bits.trailingZeroBitCount))
                    bits &= bits &- 1
                }
            }
        }
        return ids
    }

    /// Calls `body` once with each document (ascending) one of whose passages `clause`
    /// matches: the candidates of a query that requires the clause. Only the set bits are
    /// visited, and a document's other bits are passed over, so a rare clause's candidates
    /// cost about its matches rather than a look at every document.
    ///
    /// Only documents whose first passage lies in `start ..< end` are visited (a window of
    /// the counting pass, which ends with a document).
    func forEachDocument(
        matching clause: Int, ranges: UnsafeBufferPointer<Range<UInt32>>, from start: UInt32 = 0, below end: UInt32 = .max,
        _ body: (Int) throws -> Void
    ) rethrows {
        let stride = clauses
        let wordCount = words.count / stride
        var documentOf = DocumentOfPassage(ranges)
        try words.withUnsafeBufferPointer { words in
            var from = Int(start)
            while from >> 6 < wordCount, from < Int(end) {
                var word = from >> 6
                var bits = words[word * stride + clause] & (~0 << UInt64(from & 63))
                while bits == 0 {
                    word += 1
                    guard word < wordCount else { return }
                    bits = words[word * stride + clause]
                }
                let passage = UInt32(word << 6 | bits.trailingZeroBitCount)
                guard passage < end else { return }
                let document = documentOf(passage)
                try body(document)
                from = Int(ranges[document].upperBound)
            }
        }
    }
}
