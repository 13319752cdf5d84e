import IndexStore

/// The term dictionary's answers during one search: a query looks each of its terms up
/// several times per segment (document frequency, counting, ranking, gathering, rescoring,
/// title versions), and every lookup scans a block of the front-coded dictionary.
/// Emptied at the start of each search, so that a benchmark repeating a query measures the
/// dictionary as a new query meets it, and memory does not grow with a server's queries.
final class TermLookups {
    private struct Key: Hashable {
        let segment: ObjectIdentifier
        let space: TermSpace
        let term: String
    }

    private var known: [Key: TermInfo?] = [:]

    func info(_ segment: SegmentReader, _ space: TermSpace, _ term: String) throws -> TermInfo? {
        let key = Key(segment: ObjectIdentifier(segment), space: space, term: term)
        if let answer = known[key] { return answer }
        let answer = try segment.termInfo(space, term)
        known[key] = answer
        return answer
    }

    func forget() { known.removeAll(keepingCapacity: true) }
}
