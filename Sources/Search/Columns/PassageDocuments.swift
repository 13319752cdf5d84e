/// Lookups over a segment's documents by passage id, in the documents' unit ranges (binary
/// searches) rather than in a per-passage column: the column would have to be read into
/// memory, or trusted unchecked, when a segment opens, and the matchers that ask
/// (document-level clauses, the exhaustive walk, the counting windows) ask a few times per
/// match or window. Ascending walks over many postings use ``DocumentOfPassage``.
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
        let document = firstDocument { $0.upperBound > UInt32(passage) }
        precondition(document < unitRanges.count, "passage \(passage) of \(count)")
        return document
    }

    /// The first document whose passages start at or after `passage` (the number of
    /// documents when there is none).
    func firstDocument(startingAtOrAfter passage: UInt32) -> Int {
        firstDocument { $0.lowerBound >= passage }
    }

    /// The first document whose range passes `test`, which holds for every document from
    /// some point on (the ranges ascend).
    private func firstDocument(where test: (Range<UInt32>) -> Bool) -> Int {
        var low = 0, high = unitRanges.count
        while low < high {
            let middle = (low + high) / 2
            if test(unitRanges[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
