import IndexStore

/// Scores every matching passage of a few chosen documents (the top k, or the newest) and
/// keeps each document's best `perDocument`: the ranking only needed each document's
/// best passage, and skipped the rest.
struct PassageGatherer {
    let perDocument: Int

    /// `documents` ascending; `scorers` fresh, one per scoring unit.
    func gather(
        documents: [UInt32], segment: Int, scorers: [Matcher], unitRanges: [Range<UInt32>]
    ) throws -> [Collector.Group] {
        var groups: [Collector.Group] = []
        groups.reserveCapacity(documents.count)
        let held = scorers  // keeps the matchers alive for the unretained references
        let scorers = held.map(UnretainedMatcher.init)
        defer { withExtendedLifetime(held) {} }
        for document in documents {
            let units = unitRanges[Int(document)]
            let end = units.upperBound
            var kept = KeptPassages()
            var position = units.lowerBound
            while position < end {
                var candidate = Matcher.exhausted
                for scorer in scorers {
                    if scorer.current < position { try scorer.seek(position) }
                    candidate = min(candidate, scorer.current)
                }
                guard candidate < end else { break }
                var score: Float = 0
                for scorer in scorers where scorer.current == candidate { score += try scorer.score() }
                Candidate(segment: segment, passage: candidate, document: document, score: score).keep(in: &kept, atMost: perDocument)
                position = candidate + 1
            }
            if kept.isEmpty {
                // Matched through its title alone: shown by its first passage.
                kept = KeptPassages(Candidate(segment: segment, passage: units.lowerBound, document: document, score: 0))
            }
            groups.append(Collector.Group(segment: segment, document: document, best: kept.bestScore, passages: kept))
        }
        return groups
    }
}
