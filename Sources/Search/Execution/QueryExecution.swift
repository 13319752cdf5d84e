import Foundation
import IndexStore

/// Collecting one search's matches, once its query is parsed and planned: what it reads
/// (the snapshot, its searcher's term look-ups and statistics) and what it runs with
/// (threads, the count limit, …). ``Searcher`` makes one per search, then rescores,
/// sorts and shows what it found; the collecting itself is here and in
/// `QueryExecution+TopDocuments.swift`.
struct QueryExecution {
    let searchable: SearchableSnapshot
    var snapshot: IndexSnapshot { searchable.snapshot }
    let statistics: CollectionStatistics
    let lookups: TermLookups
    /// The ``Searcher`` settings of the same names.
    let usesStopWordPairs: Bool
    let threads: Int
    let postingsWorthThreads: Int
    let countLimit: Int
    let firstCountingWindow: Int
    let rescoringWindow: Int

    /// The matches a search found: the groups to rank (every matching document, or only
    /// those that can be on the page), and the counts over all of them.
    struct Found {
        var groups: [Collector.Group]
        var total: Int
        var documents: Int
        var totalIsExact: Bool
        var partial: Bool
        /// The matching documents counted per facet value (``SearchOptions/facets``), nil
        /// when none was asked for.
        var facets: FacetCounts? = nil
    }

    /// Empty counters for the facets `options` asks for, and the columns they count by;
    /// nil without facets.
    func facetCounting(_ options: SearchOptions) -> (counts: FacetCounts, columns: [FacetColumns])? {
        guard !options.facets.isEmpty else { return nil }
        let (names, columns) = searchable.facetColumns()
        return (FacetCounts(fields: options.facets, names: names), columns)
    }

    /// How many documents a search ranks by BM25 (and rescores): the whole windows that
    /// cover the page asked for.
    func rankedDocuments(for options: SearchOptions) -> Int {
        let end = max(1, options.offset + options.limit)
        return (end + rescoringWindow - 1) / rescoringWindow * rescoringWindow
    }

    /// Visits and scores every match: the reference the pruned path must agree with, and
    /// the way for queries that are not decided per document (title clauses alone, more
    /// than 64 clauses).
    func collectEveryMatch(
        _ query: PlannedQuery, filters: [DocumentFilter], options: SearchOptions, deadline: ContinuousClock.Instant
    ) throws -> Found {
        let clock = ContinuousClock()
        var collector = Collector(perDocument: max(1, options.perDocument))
        var partial = false
        segments: for (segmentIndex, segment) in snapshot.segments.enumerated() {
            let accepted = acceptedDocuments(segmentIndex, filters: filters)
            guard accepted.contains(true) else { continue }
            let factory = matcherFactory(segmentIndex, deadline: deadline)
            let matcher = try factory.topLevelMatcher(for: query)
            // The document-level AND finds its documents as it goes, and says when the
            // deadline stopped it.
            defer { if (matcher as? DocumentConjunctionMatcher)?.wasCutShort == true { partial = true } }
            let passageDocuments = PassageDocuments(segment.reader.unitRanges)
            var steps = 0
            while matcher.current != Matcher.exhausted {
                let passage = matcher.current
                let document = passageDocuments[Int(passage)]
                if accepted[document] {
                    collector.add(Candidate(segment: segmentIndex, passage: passage, document: UInt32(document), score: try matcher.score()))
                }
                steps += 1
                if steps & 1023 == 0, clock.now > deadline {
                    partial = true
                    break segments
                }
                try matcher.advance()
            }
        }
        let groups = collector.groups()
        var found = Found(groups: groups, total: collector.total, documents: groups.count, totalIsExact: !partial, partial: partial)
        if let (empty, columns) = facetCounting(options) {
            var counts = empty
            // Every matching document is a group here.
            for group in groups { counts.add(Int(group.document), columns[group.segment]) }
            counts.exact = !partial
            found.facets = counts
        }
        return found
    }

    /// Per document of segment `index`: live, and passing every filter. Without filters
    /// this is the snapshot's own live list, shared rather than rebuilt per query.
    func acceptedDocuments(_ index: Int, filters: [DocumentFilter]) -> [Bool] {
        guard !filters.isEmpty else { return searchable.liveDocuments[index] }
        var accepted = searchable.liveDocuments[index]
        let columns = searchable.filterColumns(index)
        for filter in filters { columns.apply(filter, to: &accepted) }
        return accepted
    }

    /// Builds the matchers of one segment for this search.
    func matcherFactory(_ segmentIndex: Int, deadline: ContinuousClock.Instant) -> MatcherFactory {
        MatcherFactory(
            segment: snapshot.segments[segmentIndex].reader, statistics: statistics, lookups: lookups,
            searchable: searchable, segmentIndex: segmentIndex, usesStopWordPairs: usesStopWordPairs, deadline: deadline)
    }
}
