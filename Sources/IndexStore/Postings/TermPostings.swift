/// One term's postings in memory, ready to be written (``PostingsWriter/write(_:lengths:bodyStart:)``):
/// the ids in ascending order, a frequency per id and all positions, id after id.
///
/// A flush decodes each term's in-memory stream into one of these and a merge gathers a
/// term's postings from its sources into one; both reuse it term after term
/// (``removeAll()``), so its arrays are allocated once per segment, not per term.
struct TermPostings {
    var ids: [UInt32] = []
    var frequencies: [UInt32] = []
    var positions: [UInt32] = []
    /// Shortest passage (or title) length among the postings: with the highest
    /// frequency it bounds the term's best BM25 score.
    var minimumLength: UInt32 = .max

    /// Appends one posting; ids must come in ascending order.
    @inline(__always)
    mutating func append(_ id: UInt32, positions newPositions: some Collection<UInt32>, length: UInt32) {
        ids.append(id)
        frequencies.append(UInt32(newPositions.count))
        positions.append(contentsOf: newPositions)
        if length < minimumLength { minimumLength = length }
    }

    /// Empties the postings, keeping the arrays' memory.
    mutating func removeAll() {
        ids.removeAll(keepingCapacity: true)
        frequencies.removeAll(keepingCapacity: true)
        positions.removeAll(keepingCapacity: true)
        minimumLength = .max
    }
}
