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
    /// The positions already encoded as `.pos` stores them, posting after posting, and
    /// where each posting's end (a merge copies them from its sources without decoding;
    /// a posting's positions do not depend on ids). Empty when ``positions`` holds them;
    /// one term uses one form or the other.
    var encodedPositions: [UInt8] = []
    var encodedPositionEnds: [UInt32] = []

    var holdsEncodedPositions: Bool { !encodedPositionEnds.isEmpty }

    /// Appends one posting; ids must come in ascending order.
    @inline(__always)
    mutating func append(_ id: UInt32, positions newPositions: some Collection<UInt32>, length: UInt32) {
        ids.append(id)
        frequencies.append(UInt32(newPositions.count))
        positions.append(contentsOf: newPositions)
        if length < minimumLength { minimumLength = length }
    }

    /// Appends one posting whose `frequency` positions were just appended, encoded, to
    /// ``encodedPositions``; ids must come in ascending order.
    @inline(__always)
    mutating func appendEncoded(_ id: UInt32, frequency: UInt32, length: UInt32) {
        ids.append(id)
        frequencies.append(frequency)
        encodedPositionEnds.append(UInt32(encodedPositions.count))
        if length < minimumLength { minimumLength = length }
    }

    /// Appends one posting with its positions (ascending), encoding them as `.pos` does:
    /// the first, then the gaps, as varints.
    mutating func appendEncoding(_ id: UInt32, positions newPositions: some Collection<UInt32>, length: UInt32) {
        var previous: UInt32 = 0
        for (offset, position) in newPositions.enumerated() {
            let (bytes, count) = VarInt.packed(UInt64(offset == 0 ? position : position - previous))
            for index in 0 ..< count { encodedPositions.append(UInt8(truncatingIfNeeded: bytes >> (8 * UInt64(index)))) }
            previous = position
        }
        appendEncoded(id, frequency: UInt32(newPositions.count), length: length)
    }

    /// Empties the postings, keeping the arrays' memory.
    mutating func removeAll() {
        ids.removeAll(keepingCapacity: true)
        frequencies.removeAll(keepingCapacity: true)
        positions.removeAll(keepingCapacity: true)
        encodedPositions.removeAll(keepingCapacity: true)
        encodedPositionEnds.removeAll(keepingCapacity: true)
        minimumLength = .max
    }
}
