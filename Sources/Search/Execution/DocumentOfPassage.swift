/// Finds the document of each passage id of an ascending stream by moving forward through
/// the documents' passage ranges, instead of looking every id up in the per-passage table.
///
/// The table has a row per passage (2.4 M on the 1 GB corpus, ~10 MB), and a long postings
/// list touches it at every posting: perf put 44% of a one-word query's walk on that load.
/// The ranges have a row per document (about a tenth as many), and an ascending walk
/// passes each once. An id before the current document (a disjunction hands over its parts
/// one after the other) starts again with a binary search.
struct DocumentOfPassage {
    private let ranges: UnsafeBufferPointer<Range<UInt32>>
    private(set) var document = 0
    /// The current document's passages; an empty range before the first lookup.
    private(set) var range: Range<UInt32> = 0 ..< 0

    /// `ranges`: per document, its passage ids (ascending, adjacent, as a segment stores them).
    init(_ ranges: UnsafeBufferPointer<Range<UInt32>>) {
        precondition(!ranges.isEmpty, "a segment has at least one document")
        self.ranges = ranges
    }

    /// The document holding `passage`. Postings cursors refuse ids past the segment's
    /// passages, so there always is one; past the end this answers the last document
    /// rather than reading beyond the table.
    @inline(__always)
    mutating func callAsFunction(_ passage: UInt32) -> Int {
        if range.contains(passage) { return document }
        if passage < range.lowerBound { document = firstDocument(endingAfter: passage) }
        while document + 1 < ranges.count, ranges[document].upperBound <= passage { document += 1 }
        range = ranges[document]
        return document
    }

    private func firstDocument(endingAfter passage: UInt32) -> Int {
        var low = 0, high = ranges.count
        while low < high {
            let middle = (low + high) / 2
            if ranges[middle].upperBound <= passage { low = middle + 1 } else { high = middle }
        }
        return min(low, ranges.count - 1)
    }
}
