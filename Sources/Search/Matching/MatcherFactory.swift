import IndexStore

/// Builds the matcher tree of a planned query for one segment.
struct MatcherFactory {
    /// A prefix expands to at most this many terms per segment (the most frequent are not
    /// preferred: expansion is in term order). `kinder*` has a few hundred in a large corpus.
    static let maximumPrefixExpansions = 1024

    let segment: SegmentReader
    let statistics: CollectionStatistics
    let lookups: TermLookups
    /// Gives what `soort:`, `dossier:`, `datum:` and `jaar:` test in this segment
    /// (``SearchableSnapshot/filterColumns(_:)``), built on the first filter.
    let searchable: SearchableSnapshot
    let segmentIndex: Int
    /// Read exact phrases with stop words through ``StopWordPair`` terms where the segment
    /// has them; off only to check that both ways find the same (tests).
    var usesStopWordPairs = true
    /// When the search must stop; the top-level pass checks it.
    var deadline: ContinuousClock.Instant? = nil

    func matcher(for query: PlannedQuery) throws -> Matcher {
        switch query {
        case let .term(space, term):
            return try termMatcher(space, term) ?? EmptyMatcher()
        case let .phrase(space, terms, offsets, slop):
            var idf: Float = 0
            for term in terms {
                idf += statistics.bm25(for: space).idf(documentFrequency: try statistics.documentFrequency(space, term))
            }
            // Scored as the words' phrase whichever terms are read to find it. A pair the
            // segment did not keep (a rare word) is read as its words.
            var (readTerms, readOffsets) = (terms, offsets)
            if let (pairTerms, pairOffsets) = try stopWordPairs(space, terms, offsets, slop) {
                (readTerms, readOffsets) = (pairTerms, pairOffsets)
            }
            if readTerms.count == 1 {
                // One pair (`"de minister"`): its frequency is the phrase's, no positions needed.
                guard let info = try lookups.info(segment, space, readTerms[0]) else { return EmptyMatcher() }
                return TermMatcher(cursor: try segment.cursor(info), idf: idf, bm25: statistics.bm25(for: space), norms: norms(space))
            }
            var matchers: [TermMatcher] = []
            for term in readTerms {
                guard let matcher = try termMatcher(space, term) else { return EmptyMatcher() }
                matchers.append(matcher)
            }
            return try PhraseMatcher(terms: matchers, offsets: readOffsets, slop: slop, idf: idf, bm25: statistics.bm25(for: space), norms: norms(space))
        case let .prefix(space, prefix):
            let expansion = try segment.dictionary.terms(withPrefix: space.key(prefix), limit: Self.maximumPrefixExpansions)
            var matchers: [Matcher] = []
            for (key, info) in expansion.terms where !key.contains(StopWordPair.separator) {
                let term = String(decoding: key.dropFirst(), as: UTF8.self)
                let idf = statistics.bm25(for: space).idf(documentFrequency: try statistics.documentFrequency(space, term))
                matchers.append(TermMatcher(cursor: try segment.cursor(info), idf: idf, bm25: statistics.bm25(for: space), norms: norms(space)))
            }
            return matchers.isEmpty ? EmptyMatcher() : DisjunctionMatcher(matchers)
        case .all(let parts):
            return try ConjunctionMatcher(try parts.map(matcher(for:)))
        case .any(let parts):
            return DisjunctionMatcher(try parts.map(matcher(for:)))
        case let .exclude(included, excluded):
            return try ExclusionMatcher(included: try matcher(for: included), excluded: try matcher(for: excluded))
        case .title(let inner):
            return try DocumentToPassageMatcher(
                try matcher(for: inner), unitRanges: segment.unitRanges, passageDocuments: PassageDocuments(segment.unitRanges), weight: 1)
        case .filter(let filter):
            return try DocumentToPassageMatcher(
                FilteredDocumentMatcher(accepted: searchable.filterColumns(segmentIndex).documents(passing: filter)), unitRanges: segment.unitRanges,
                passageDocuments: PassageDocuments(segment.unitRanges), weight: 0)
        case .everything:
            return AllMatcher(limit: segment.passages.count)
        case .nothing:
            return EmptyMatcher()
        }
    }

    /// An exact phrase with stop words, as the fewest terms that find it: ``StopWordPair``
    /// terms the segment has and single words, together covering every word at its
    /// offset (each word is then checked where it stands, so the phrase stays exact). Nil
    /// when the segment has no pairs, the phrase none, or it is not a plain run of words
    /// (a slop, or several words at one offset).
    ///
    /// Fewest, because every term read costs a seek and a positions decode at each
    /// candidate passage: `"op grond van artikel"` is `op grond` + `van artikel` (its
    /// middle pair, `grond van`, lies inside them), not three pairs. Among covers with as
    /// many terms, the one with the fewest postings in the segment is read.
    private func stopWordPairs(_ space: TermSpace, _ terms: [String], _ offsets: [UInt32], _ slop: Int) throws -> ([String], [UInt32])? {
        guard usesStopWordPairs, space == .bodyExact, slop == 0, terms.count >= 2, segment.formatVersion.hasStopWordPairs,
              offsets.indices.allSatisfy({ offsets[$0] == offsets[0] + UInt32($0) }) else { return nil }
        func postings(_ term: String) throws -> Int? { try lookups.info(segment, space, term).map { Int($0.documentFrequency) } }
        let count = terms.count
        // The pair of words i and i + 1, when the segment has it: its term and postings.
        var pairs: [(term: String, postings: Int)?] = []
        for index in 0 ..< count - 1 {
            let term = StopWordPair.term(terms[index], terms[index + 1])
            pairs.append(StopWordPair.isIndexed(terms[index], terms[index + 1]) ? try postings(term).map { (term, $0) } : nil)
        }
        guard pairs.contains(where: { $0 != nil }) else { return nil }
        // Shortest path over "the first i words are covered": a word covers the next one,
        // a pair the next two, or the next one when it starts on the last covered word
        // (`naar aanleiding` + `aanleiding van` beats `naar aanleiding` + `van`). best[i]:
        // (terms, postings) of the cheapest cover of words 0..<i, and its last part.
        typealias Part = (term: String, offset: UInt32)
        var best: [(terms: Int, postings: Int, last: Part, from: Int)?] = Array(repeating: nil, count: count + 1)
        best[0] = (0, 0, ("", 0), -1)
        for covered in 0 ..< count {
            guard let here = best[covered] else { continue }
            func offer(_ part: Part, postings: Int, to end: Int) {
                let candidate = (terms: here.terms + 1, postings: here.postings + postings, last: part, from: covered)
                if let current = best[end], (current.terms, current.postings) <= (candidate.terms, candidate.postings) { return }
                best[end] = candidate
            }
            // A word the segment lacks costs nothing: the phrase then finds nothing here.
            offer((terms[covered], offsets[covered]), postings: try postings(terms[covered]) ?? 0, to: covered + 1)
            if covered + 1 < count, let pair = pairs[covered] {
                offer((pair.term, offsets[covered]), postings: pair.postings, to: covered + 2)
            }
            if covered > 0, let pair = pairs[covered - 1] {
                offer((pair.term, offsets[covered - 1]), postings: pair.postings, to: covered + 1)
            }
        }
        var parts: [Part] = []
        var end = count
        while end > 0, let step = best[end] {
            parts.append(step.last)
            end = step.from
        }
        parts.sort { $0.offset < $1.offset }
        let anyPair = parts.contains { $0.term.utf8.contains(StopWordPair.separator) }
        return anyPair ? (parts.map(\.term), parts.map(\.offset)) : nil
    }

    private func termMatcher(_ space: TermSpace, _ term: String) throws -> TermMatcher? {
        guard let info = try lookups.info(segment, space, term) else { return nil }
        let idf = statistics.bm25(for: space).idf(documentFrequency: try statistics.documentFrequency(space, term))
        return TermMatcher(cursor: try segment.cursor(info), idf: idf, bm25: statistics.bm25(for: space), norms: norms(space))
    }

    private func norms(_ space: TermSpace) -> [UInt8] {
        space.isTitle ? segment.titleNorms : segment.passageNorms
    }
}

extension MatcherFactory {
    /// The matcher for a whole query: a top-level AND (and its NOTs) is decided per
    /// document (``DocumentConjunctionMatcher``); anything else matches passage by passage.
    func topLevelMatcher(for query: PlannedQuery) throws -> Matcher {
        let clauses = TopLevelClauses(query)
        // `.everything` (filters only) needs the document-level walk only to apply NOTs to
        // whole documents (`soort:brief -femicide`); alone it is cheaper as it is.
        guard clauses.isDocumentLevel, clauses.excluded.isEmpty ? !clauses.required.contains(.everything) : true else {
            return try matcher(for: query)
        }
        return try DocumentConjunctionMatcher(
            required: try clauses.required.map { (try matcher(for: $0), try Self.titleVersion(of: $0).map(matcher(for:))) },
            constraints: try clauses.constraints.map(matcher(for:)),
            excluded: try clauses.excluded.map { (try matcher(for: $0), try Self.titleVersion(of: $0).map(matcher(for:))) },
            unitRanges: segment.unitRanges, deadline: deadline)
    }

    /// The same clause asked of titles, so that a word found in the title counts for its
    /// document; nil for clauses that have no title form.
    static func titleVersion(of clause: PlannedQuery) -> PlannedQuery? {
        func title(_ space: TermSpace) -> TermSpace { space == .bodyStem ? .titleStem : space == .bodyExact ? .titleExact : space }
        switch clause {
        case let .term(space, term): return .term(title(space), term)
        case let .phrase(space, terms, offsets, slop): return .phrase(title(space), terms: terms, offsets: offsets, slop: slop)
        case let .prefix(space, prefix): return .prefix(title(space), prefix)
        case .any(let parts):
            let mapped = parts.compactMap(titleVersion(of:))
            return mapped.count == parts.count ? .any(mapped) : nil
        case .all(let parts):
            let mapped = parts.compactMap(titleVersion(of:))
            return mapped.count == parts.count ? .all(mapped) : nil
        case .exclude, .title, .filter, .everything, .nothing:
            return nil
        }
    }
}
