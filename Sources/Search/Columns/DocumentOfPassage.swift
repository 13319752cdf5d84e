/// Finds the document of each passage id of an ascending stream by moving forward through
/// the documents' passage ranges, instead of looking every id up in the per-passage table.
///
/// The table has a row per passage, too large to stay in the cache, and a long postings
/// list would miss it at nearly every posting. The ranges have a row per document (about
/// a tenth as many), and an ascending walk passes each once. An id before the current
/// document (a disjunction hands over its parts one after the other) starts again with a
/// binary search.
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
        if passage < range.lowerBound {
            document = firstDocument(endingAfter: passage, from: 0)
        } else {
            // Mostly the next document or one soon after; a ranking that skipped blocks
            // jumps thousands ahead, and stepping over those one at a time would be a
            // noticeable part of a one-word search, so long jumps gallop.
            var steps = 0
            while document + 1 < ranges.count, ranges[document].upperBound <= passage {
                document += 1
                steps += 1
                if steps == 8 {
                    document = firstDocument(endingAfter: passage, from: document)
                    break
                }
            }
        }
        range = ranges[document]
        return document
    }

    /// The first document at or after `start` whose range ends after `passage`: doubling
    /// steps from `start`, then a binary search inside the last step.
    private func firstDocument(endingAfter passage: UInt32, from start: Int) -> Int {
        var step = 1
        while start + step < ranges.count, ranges[start + step].upperBound <= passage { step *= 2 }
        var low = start + step / 2, high = min(start + step + 1, ranges.count)
        if step == 1 { low = start }
        while low < high {
            let middle = (low + high) / 2
            if ranges[middle].upperBound <= passage { low = middle + 1 } else { high = middle }
        }
        return min(low, ranges.count - 1)
    }
}
