/// One bit per passage of a segment: which passages some required clause matches.
struct PassageBitmap {
    private(set) var words: [UInt64]

    init(count: Int) {
        words = Array(repeating: 0, count: (count + 63) / 64)
    }

    @inline(__always)
    mutating func insert(_ id: UInt32) {
        words[Int(id >> 6)] |= 1 << UInt64(id & 63)
    }

    /// Sets the bits of a batch of ids.
    mutating func insert(contentsOf ids: UnsafeBufferPointer<UInt32>) {
        words.withUnsafeMutableBufferPointer { words in
            for id in ids { words[Int(id >> 6)] |= 1 << UInt64(id & 63) }
        }
    }

    /// Set bits in `range` (a document's contiguous passages).
    func count(in range: Range<Int>) -> Int {
        guard !range.isEmpty else { return 0 }
        let first = range.lowerBound >> 6, last = (range.upperBound - 1) >> 6
        let low: UInt64 = ~0 << UInt64(range.lowerBound & 63)
        let high: UInt64 = ~0 >> UInt64(63 - ((range.upperBound - 1) & 63))
        if first == last { return (words[first] & low & high).nonzeroBitCount }
        var total = (words[first] & low).nonzeroBitCount + (words[last] & high).nonzeroBitCount
        for index in first + 1 ..< last { total += words[index].nonzeroBitCount }
        return total
    }
}
