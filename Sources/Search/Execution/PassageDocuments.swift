/// The document of any passage id of a segment, found in the documents' unit ranges (a
/// binary search) rather than in a per-passage column: the column would have to be read
/// into memory, or trusted unchecked, when a segment opens, and the matchers that ask
/// (document-level clauses, the exhaustive walk) ask a few times per match. Ascending
/// walks over many postings use ``DocumentOfPassage``.
struct PassageDocuments {
    private let unitRanges: [Range<UInt32>]
    /// The segment's passages.
    let count: Int

    init(_ unitRanges: [Range<UInt32>]) {
        self.unitRanges = unitRanges
        count = Int(unitRanges.last?.upperBound ?? 0)
    }

    /// The document holding `passage` (< ``count``).
    subscript(passage: Int) -> Int {
        var low = 0, high = unitRanges.count
        while low < high {
            let middle = (low + high) / 2
            if unitRanges[middle].upperBound <= UInt32(passage) { low = middle + 1 } else { high = middle }
        }
        precondition(low < unitRanges.count, "passage \(passage) of \(count)")
        return low
    }
}
