/// The passages of the documents a filter (or an exclusion) left in a segment, as
/// ascending ranges (adjacent documents merged): under a selective filter a term is sought
/// inside them instead of being read whole.
struct AcceptedRanges {
    private(set) var ranges: [Range<UInt32>] = []
    private(set) var passages = 0

    /// Nil when seeking cannot pay for a list of `postings` (``worthSeeking(postings:)``),
    /// found out as soon as the ranges say so: most filters accept too much, and the
    /// look at every document must not cost what seeking would save.
    init?(accepted: [Bool], unitRanges: [Range<UInt32>], postings: Int) {
        guard accepted.contains(false) else { return nil }
        for document in accepted.indices where accepted[document] {
            let range = unitRanges[document]
            guard !range.isEmpty else { continue }
            passages += range.count
            if let last = ranges.last, last.upperBound == range.lowerBound {
                ranges[ranges.count - 1] = last.lowerBound ..< range.upperBound
            } else {
                ranges.append(range)
            }
            if !worthSeeking(postings: postings) { return nil }
        }
    }

    /// Whether seeking a list of `postings` into each range costs less than reading it
    /// whole. A seek costs about a block's decoding (128 postings), and a posting found by
    /// stepping about three decoded ones. Seeking wins by far under a filter that leaves
    /// few documents; under one that leaves hundreds of ranges per segment the whole lists
    /// are faster (docs/BENCHMARKS.md, "What session 6 changed, step by step").
    func worthSeeking(postings: Int) -> Bool {
        ranges.count * 128 + passages * 3 < postings
    }
}
