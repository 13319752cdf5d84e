import IndexStore

/// Index-wide numbers BM25 needs, summed over the snapshot's segments: how many passages
/// and titles there are, how long they are on average, and (per term, on demand) in how
/// many of them a term occurs. Summing keeps scores comparable across segments, so a
/// merge does not change a ranking.
final class CollectionStatistics {
    let passages: BM25
    let titles: BM25
    private let snapshot: IndexSnapshot
    private let lookups: TermLookups

    init(_ searchable: SearchableSnapshot, lookups: TermLookups) {
        snapshot = searchable.snapshot
        self.lookups = lookups
        passages = searchable.passageStatistics
        titles = searchable.titleStatistics
    }

    func bm25(for space: TermSpace) -> BM25 { space.isTitle ? titles : passages }

    /// Passages (or titles) containing the term, over all segments.
    func documentFrequency(_ space: TermSpace, _ term: String) throws -> Int {
        try lookups.documentFrequency(snapshot.segments, space, term)
    }
}
