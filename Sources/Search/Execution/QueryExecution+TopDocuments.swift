import IndexStore

/// The pruned way to collect results: count the matches (to the count limit), rank only
/// what can reach the page, then score the passages of the documents that do.
extension QueryExecution {
    /// Counts the matches (``SegmentMatches``; exactly, or until the count limit), then
    /// ranks only what can reach the page (``MaxScoreRanker`` for relevance, the newest
    /// or oldest documents for date order), then scores the chosen documents' passages
    /// (``PassageGatherer``).
    func collectTopDocuments(
        _ clauses: TopLevelClauses, filters: [DocumentFilter], options: SearchOptions, deadline: ContinuousClock.Instant
    ) throws -> Found {
        let units = clauses.scoringUnits
        if options.sort == .relevance, units.count == 1, clauses.constraints.isEmpty, clauses.excluded.isEmpty,
           case .term = units[0].query {
            return try collectSingleTerm(units[0].query, filters: filters, options: options, deadline: deadline)
        }
        let wanted = rankedDocuments(for: options)
        let relevance = options.sort == .relevance
        // Date order needs every matching document's date: it counts everything.
        let countLimit = options.exactTotal || options.exhaustive || !relevance ? Int.max : self.countLimit
        let results = try segmentWorkers(for: units.map(\.query)).run { segments in
            try countAndRank(
                segments, clauses: clauses, units: units, filters: filters, wanted: relevance ? wanted : nil,
                countLimit: countLimit, facets: !options.facets.isEmpty, deadline: deadline)
        }
        // Under a deadline each worker stops on its own; what any of them counted is shown.
        let segmentMatches = results.flatMap(\.segments).sorted { $0.segment < $1.segment }
        let tally = SegmentWorkers.Tally.merged(results.map(\.tally), capacity: wanted)

        var chosen: [Int: [UInt32]] = [:]
        var known: [Collector.Group] = []
        if relevance {
            let top = tally.top ?? TopDocuments(capacity: wanted)
            // The ranking's best passage of a document is its best only above the final
            // threshold, or everywhere when nothing could be skipped (see ``MaxScoreRanker``):
            // a worker skipped only below its own threshold, which the merged one is above.
            let threshold = top.threshold
            (known, chosen) = Self.splitByKnownPassage(top, perDocument: options.perDocument) {
                threshold == -.infinity || $0.score > threshold
            }
        } else {
            chosen = firstDocumentsByDate(segmentMatches.map { ($0.segment, $0.matches) }, count: wanted, order: options.sort)
        }

        let bySegment = Dictionary(uniqueKeysWithValues: segmentMatches.map { ($0.segment, ($0.factory, $0.matches)) })
        let groups = try known + gather(chosen, perDocument: options.perDocument) { segment in
            try bySegment[segment].map { ($0.0, try Self.scorers(units, $0.0, $0.1)) }
        }
        var found = Found(tally, groups: groups)
        if let (empty, columns) = facetCounting(options) {
            var counts = empty
            // The documents the counting decided are those `documents` counts: all of them,
            // or those before the point where counting stopped.
            for (segment, _, matches) in segmentMatches {
                matches.forEachCountedDocument { counts.add($0, columns[segment]) }
            }
            counts.exact = found.totalIsExact
            found.facets = counts
        }
        return found
    }

    /// How many threads a search of `queries` gets (``SegmentWorkers``): one below
    /// ``postingsWorthThreads``.
    private func segmentWorkers(for queries: [PlannedQuery]) throws -> SegmentWorkers {
        SegmentWorkers(
            sizes: snapshot.segments.map(\.reader.passages.count),
            workers: try estimatedPostings(queries) >= postingsWorthThreads ? threads : 1)
    }

    /// What one worker found in its segments.
    private struct WorkerResult {
        var segments: [(segment: Int, factory: MatcherFactory, matches: SegmentMatches)] = []
        var tally = SegmentWorkers.Tally()
    }

    /// Counts the matches of `segments` (ascending) exactly, then, for relevance order
    /// (`wanted` documents), ranks them into a top k of their own. Stops at the first
    /// segment whose count the deadline cut; the ranking has its own clock check, so a
    /// deadline that passed while counting still leaves it its first 1,024 steps and a
    /// partial answer is not empty.
    ///
    /// An AND of words (``ConjunctionWalk/applies(to:)``) ranked by relevance is counted
    /// and ranked in one walk instead (``walkConjunction``).
    private func countAndRank(
        _ segments: [Int], clauses: TopLevelClauses, units: [(clause: Int, query: PlannedQuery)], filters: [DocumentFilter],
        wanted: Int?, countLimit: Int, facets: Bool, deadline: ContinuousClock.Instant
    ) throws -> WorkerResult {
        if let wanted, ConjunctionWalk.applies(to: clauses) {
            return try walkConjunction(
                segments, clauses: clauses, units: units, filters: filters, wanted: wanted, countLimit: countLimit, facets: facets,
                deadline: deadline)
        }
        var result = WorkerResult()
        var check = DeadlineCheck(deadline)
        for segmentIndex in segments {
            let accepted = acceptedDocuments(segmentIndex, filters: filters)
            guard accepted.contains(true) else { continue }
            let factory = matcherFactory(segmentIndex, deadline: deadline)
            // Past the limit a segment still counts its first window (which picks the
            // clause that leads), then stops.
            let matches = try SegmentMatches(
                clauses: clauses, units: units, factory: factory, accepted: accepted,
                countLimit: countLimit == .max ? .max : max(0, countLimit - result.tally.total), firstWindow: firstCountingWindow,
                deadline: &check)
            result.tally.total += matches.total
            result.tally.documents += matches.documents
            if matches.stoppedCounting { result.tally.countBounded = true }
            result.segments.append((segmentIndex, factory, matches))
            if !matches.complete {
                result.tally.countComplete = false
                break
            }
        }
        guard let wanted else { return result }
        var top = TopDocuments(capacity: wanted)
        var rankCheck = DeadlineCheck(deadline)
        for (segmentIndex, factory, matches) in result.segments {
            let ranker = MaxScoreRanker(scorers: try Self.scorers(units, factory, matches))
            if try !ranker.rank(
                segment: segmentIndex, matches: matches, unitRanges: factory.segment.unitRanges,
                into: &top, deadline: &rankCheck) {
                result.tally.rankComplete = false
            }
            for document in matches.titleOnly { top.offer(.init(score: 0, segment: segmentIndex, document: document)) }
            // Title-only documents past the counted part enter with score 0 too, so they
            // only matter while the ranking holds fewer than k documents above 0.
            if let probe = matches.probe, top.threshold <= 0 {
                for document in try probe.titleOnlyDocuments() { top.offer(.init(score: 0, segment: segmentIndex, document: document)) }
            }
            if !result.tally.rankComplete { break }
        }
        result.tally.top = top
        return result
    }

    /// Counts and ranks an AND of words segment by segment (``ConjunctionWalk``), each
    /// into the worker's top k as it is counted; where counting stops at the limit, the
    /// rest of the segment is ranked by ``MaxScoreRanker``. With `facets`, each segment
    /// keeps the documents it counted.
    private func walkConjunction(
        _ segments: [Int], clauses: TopLevelClauses, units: [(clause: Int, query: PlannedQuery)], filters: [DocumentFilter],
        wanted: Int, countLimit: Int, facets: Bool, deadline: ContinuousClock.Instant
    ) throws -> WorkerResult {
        var result = WorkerResult()
        var top = TopDocuments(capacity: wanted)
        var check = DeadlineCheck(deadline)
        for segmentIndex in segments {
            let accepted = acceptedDocuments(segmentIndex, filters: filters)
            guard accepted.contains(true) else { continue }
            let factory = matcherFactory(segmentIndex, deadline: deadline)
            let walk = try ConjunctionWalk(clauses: clauses, units: units, factory: factory)
            // Past the limit a segment still counts its first window, then stops.
            let count = try walk.countAndRank(
                accepted: accepted, countLimit: countLimit == .max ? .max : max(0, countLimit - result.tally.total),
                firstWindow: firstCountingWindow, segment: segmentIndex, recordingDocuments: facets, into: &top, deadline: &check)
            result.tally.total += count.total
            result.tally.documents += count.documents
            let probe = count.stoppedCounting ? try walk.probe(accepted: accepted, from: count.decidedDocuments) : nil
            let matches = SegmentMatches(walked: count, units: units.count, accepted: accepted, probe: probe)
            result.segments.append((segmentIndex, factory, matches))
            if !count.complete {
                result.tally.countComplete = false
                break
            }
            if count.stoppedCounting {
                result.tally.countBounded = true
                if try !walk.rankRest(
                    after: count, matches: matches, segment: segmentIndex,
                    into: &top, deadline: &check) {
                    result.tally.rankComplete = false
                    break
                }
            }
        }
        result.tally.top = top
        return result
    }

    /// Fresh scorers of a segment's units: recorded units replay their record.
    private static func scorers(
        _ units: [(clause: Int, query: PlannedQuery)], _ factory: MatcherFactory, _ matches: SegmentMatches
    ) throws -> [Matcher] {
        try units.indices.map { index in
            if let recording = matches.recordings[index] {
                guard matches.stoppedCounting else { return ReplayMatcher(recording) }
                return try ReplayThenLiveMatcher(recording, live: try factory.matcher(for: units[index].query), boundary: matches.decidedPassages)
            }
            return try factory.matcher(for: units[index].query)
        }
    }

    /// About how many postings a search of `queries` reads: its terms' passage counts over
    /// the index (a prefix counts as many, its expansion being unknown here).
    private func estimatedPostings(_ queries: [PlannedQuery]) throws -> Int {
        var total = 0
        func visit(_ query: PlannedQuery) throws {
            switch query {
            case let .term(space, term):
                total += try statistics.documentFrequency(space, term)
            case let .phrase(space, terms, _, _):
                for term in terms { total += try statistics.documentFrequency(space, term) }
            case .prefix:
                total += 1_000_000
            case .all(let parts), .any(let parts):
                for part in parts { try visit(part) }
            case let .exclude(included, excluded):
                try visit(included)
                try visit(excluded)
            case .title(let inner):
                try visit(inner)
            case .filter, .everything, .nothing:
                break
            }
        }
        for query in queries { try visit(query) }
        return total
    }

    /// The `count` first matching documents in the date `order` (newest or oldest first,
    /// undated last: ``SortOrder/dateKey(_:)``), and every other document whose date ties
    /// the last of them (date ties are ordered by score, which needs their passages).
    private func firstDocumentsByDate(
        _ segmentMatches: [(segment: Int, matches: SegmentMatches)], count: Int, order: SortOrder
    ) -> [Int: [UInt32]] {
        // The `count` largest keys in a min-heap: its root is the last key that makes it.
        var first: [UInt32] = []
        first.reserveCapacity(count)
        for (segmentIndex, matches) in segmentMatches {
            let dates = snapshot.segments[segmentIndex].reader.dates
            for document in matches.eligible.indices where matches.eligible[document] {
                let key = order.dateKey(dates[document])
                if first.count < count {
                    first.append(key)
                    var index = first.count - 1
                    while index > 0, first[(index - 1) / 2] > first[index] {
                        first.swapAt(index, (index - 1) / 2)
                        index = (index - 1) / 2
                    }
                } else if key > first[0] {
                    first[0] = key
                    var index = 0
                    while true {
                        let left = 2 * index + 1, right = left + 1
                        var smallest = index
                        if left < first.count, first[left] < first[smallest] { smallest = left }
                        if right < first.count, first[right] < first[smallest] { smallest = right }
                        if smallest == index { break }
                        first.swapAt(index, smallest)
                        index = smallest
                    }
                }
            }
        }
        let last = first.count < count ? 0 : first[0]
        var chosen: [Int: [UInt32]] = [:]
        for (segmentIndex, matches) in segmentMatches {
            let dates = snapshot.segments[segmentIndex].reader.dates
            for document in matches.eligible.indices where matches.eligible[document] && order.dateKey(dates[document]) >= last {
                chosen[segmentIndex, default: []].append(UInt32(document))
            }
        }
        return chosen
    }

    /// A query of one term (after its stop words went): counted and ranked in one pass over
    /// its postings (``MaxScoreRanker/rankAndCount``), plus its title list for documents
    /// that have the word only in their title.
    private func collectSingleTerm(
        _ term: PlannedQuery, filters: [DocumentFilter], options: SearchOptions, deadline: ContinuousClock.Instant
    ) throws -> Found {
        let wanted = rankedDocuments(for: options)
        let countLimit = options.exactTotal || options.exhaustive ? Int.max : self.countLimit
        let facets = !options.facets.isEmpty
        let results = try segmentWorkers(for: [term]).run { segments in
            try rankSingleTerm(
                term, segments: segments, filters: filters, wanted: wanted, countLimit: countLimit, facets: facets, deadline: deadline)
        }
        let factories = results.reduce(into: [Int: MatcherFactory]()) { $0.merge($1.factories) { first, _ in first } }
        let tally = SegmentWorkers.Tally.merged(results.map(\.tally), capacity: wanted)
        // The walk names a passage only for documents it scored whole: always their best.
        let top = tally.top ?? TopDocuments(capacity: wanted)
        var (groups, unknown) = Self.splitByKnownPassage(top, perDocument: options.perDocument) { _ in true }
        groups += try gather(unknown, perDocument: options.perDocument) { segment in
            try factories[segment].map { ($0, [try $0.matcher(for: term)]) }
        }
        var found = Found(tally, groups: groups)
        if let (empty, columns) = facetCounting(options) {
            var counts = empty
            for result in results {
                for (segment, documents) in result.counted { counts.add(matched: documents, below: documents.count, columns[segment]) }
            }
            counts.exact = found.totalIsExact && results.allSatisfy(\.facetsComplete)
            found.facets = counts
        }
        return found
    }

    /// What one worker of a one-word search found (``rankSingleTerm``).
    private struct SingleTermResult {
        var tally: SegmentWorkers.Tally
        var factories: [Int: MatcherFactory]
        /// With facets: per segment, the documents its counts include.
        var counted: [(segment: Int, documents: [Bool])]
        /// False when the time budget cut a walk that only facets needed.
        var facetsComplete: Bool
    }

    /// One worker's share of a one-word search (``collectSingleTerm``): its segments
    /// counted and ranked into a top k of its own.
    ///
    /// Where the dictionary cannot count (filters, deletions), the walk counts until the
    /// worker has `countLimit` matching passages and from there only ranks, skipping the
    /// blocks that cannot reach the top k; its total is then a lower bound.
    ///
    /// With `facets`, each segment also says which documents its counts include: the
    /// counting walk knows them; where the dictionary counted, the term's postings are
    /// walked once more to find them (every one of them, as the dictionary counted).
    private func rankSingleTerm(
        _ term: PlannedQuery, segments: [Int], filters: [DocumentFilter], wanted: Int, countLimit: Int, facets: Bool,
        deadline: ContinuousClock.Instant
    ) throws -> SingleTermResult {
        var counted: [(segment: Int, documents: [Bool])] = []
        var facetsComplete = true
        var check = DeadlineCheck(deadline)
        var top = TopDocuments(capacity: wanted)
        var total = 0, documentCount = 0, countComplete = true, rankComplete = true, countBounded = false
        var factories: [Int: MatcherFactory] = [:]
        // Smallest segments first: the top k they leave lets the largest segment's walk skip
        // more of its blocks, since it starts from the threshold the others left, near the
        // final one. The walk skips only what falls strictly below the threshold, so a tie
        // still goes to the earlier segment.
        let bySize = segments.sorted { snapshot.segments[$0].reader.passages.count < snapshot.segments[$1].reader.passages.count }
        segments: for segmentIndex in bySize {
            let segment = snapshot.segments[segmentIndex]
            let accepted = acceptedDocuments(segmentIndex, filters: filters)
            guard accepted.contains(true) else { continue }
            let factory = matcherFactory(segmentIndex, deadline: deadline)
            factories[segmentIndex] = factory
            // With facets: the documents this segment's counts include.
            var countedDocuments: [Bool]?
            defer { if let countedDocuments { counted.append((segmentIndex, countedDocuments)) } }
            // Which documents have the word in a passage: known from the counting walk, or
            // (when the dictionary counted for us) looked up for the few title matches.
            var hasBodyMatch: (Int) throws -> Bool = { _ in false }
            if let matcher = try factory.matcher(for: term) as? TermMatcher {
                let counts = filters.isEmpty && segment.deletions == nil
                    ? try Self.dictionaryCounts(of: term, in: segment.reader, lookups: lookups) : nil
                if counts != nil || total >= countLimit {
                    // Either every posting counts and the dictionary has counted them, or
                    // enough were counted: only the ranking walks, skipping the blocks
                    // that cannot reach the top k.
                    if let counts {
                        total += counts.passages
                        documentCount += counts.documents
                        if facets {
                            let documents = try Self.documentsWithPassages(
                                of: term, factory: factory, unitRanges: segment.reader.unitRanges, deadline: &check)
                            if !documents.complete { facetsComplete = false }
                            countedDocuments = documents.found
                        }
                    } else {
                        countBounded = true
                    }
                    if try !MaxScoreRanker.rank(
                        term: matcher, segment: segmentIndex, eligible: accepted,
                        unitRanges: segment.reader.unitRanges, into: &top, deadline: &check) {
                        rankComplete = false
                        break segments
                    }
                    if let documents = countedDocuments {
                        hasBodyMatch = { documents[$0] }
                    } else {
                        hasBodyMatch = Self.bodyMatchLookup(term, factory: factory, unitRanges: segment.reader.unitRanges)
                    }
                } else {
                    let unitRanges = segment.reader.unitRanges
                    let count = AcceptedRanges(accepted: accepted, unitRanges: unitRanges, postings: matcher.cost) != nil
                        ? try MaxScoreRanker.rankAndCount(
                            term: matcher, inside: accepted, segment: segmentIndex, unitRanges: unitRanges, into: &top, deadline: &check)
                        : try MaxScoreRanker.rankAndCount(
                            term: matcher, segment: segmentIndex, accepted: accepted, unitRanges: unitRanges,
                            countingUpTo: countLimit - total, into: &top, deadline: &check)
                    total += count.total
                    documentCount += count.documents
                    // `matched` holds the documents counted, also when counting stopped.
                    if facets { countedDocuments = count.matched }
                    if !count.complete {
                        countComplete = false
                        break segments
                    }
                    if count.stoppedCounting {
                        countBounded = true
                        hasBodyMatch = Self.bodyMatchLookup(term, factory: factory, unitRanges: unitRanges)
                    } else {
                        hasBodyMatch = { count.matched[$0] }
                    }
                }
            }
            guard let title = MatcherFactory.titleVersion(of: term) else { continue }
            // Documents with the word only in their title: counted when the segment was
            // written (format 5), or found here by looking each title match up.
            var titleOnlyCounted = false
            // Whether the title-only documents found below count (for the facets too).
            let titleOnlyInCounts = !countBounded
            if countBounded {
                // The total is a lower bound already: title-only documents are not
                // counted, only ranked, and only while they can enter the top k.
                guard top.threshold <= 0 else { continue }
                titleOnlyCounted = true
            } else if filters.isEmpty, segment.deletions == nil, case let .term(space, text) = title,
               let counted = try lookups.info(segment.reader, space, text)?.titleOnlyDocuments {
                total += Int(counted)
                documentCount += Int(counted)
                // They enter the ranking with score 0, so only while it holds fewer than k
                // documents (or some of score 0) are they worth finding, or for facets.
                guard counted > 0, top.threshold <= 0 || countedDocuments != nil else { continue }
                titleOnlyCounted = true
            }
            let unitRanges = segment.reader.unitRanges
            let scanned = try factory.matcher(for: title).forEachRemainingBatch { documents in
                for index in documents.indices {
                    let document = Int(documents[index])
                    guard document < accepted.count, accepted[document], !unitRanges[document].isEmpty else { continue }
                    guard try !hasBodyMatch(document) else { continue }
                    // Only in the title: counted as one passage, shown by its first.
                    if !titleOnlyCounted {
                        total += 1
                        documentCount += 1
                    }
                    if titleOnlyInCounts { countedDocuments?[document] = true }
                    top.offer(.init(score: 0, segment: segmentIndex, document: UInt32(document), passage: unitRanges[document].lowerBound))
                }
                return !check.expired(after: documents.count)
            }
            if !scanned {
                if titleOnlyCounted { rankComplete = false } else { countComplete = false }
                facetsComplete = false
                break
            }
        }
        let tally = SegmentWorkers.Tally(
            total: total, documents: documentCount, countComplete: countComplete, rankComplete: rankComplete,
            countBounded: countBounded, top: top)
        return SingleTermResult(tally: tally, factories: factories, counted: counted, facetsComplete: facetsComplete)
    }

    /// Per document of the segment: has a passage with `term`, from one walk over its
    /// postings a block at a time (for facets where the dictionary counted the term);
    /// `complete` is false when the deadline cut it.
    private static func documentsWithPassages(
        of term: PlannedQuery, factory: MatcherFactory, unitRanges: [Range<UInt32>], deadline: inout DeadlineCheck
    ) throws -> (found: [Bool], complete: Bool) {
        var found = Array(repeating: false, count: unitRanges.count)
        // `DocumentOfPassage` reads the ranges through a pointer: valid inside this closure,
        // which holds the array.
        let complete = try unitRanges.withUnsafeBufferPointer { ranges in
            var documentOf = DocumentOfPassage(ranges)
            return try factory.matcher(for: term).forEachRemainingBatch { passages in
                for index in passages.indices { found[documentOf(passages[index])] = true }
                return !deadline.expired(after: passages.count)
            }
        }
        return (found, complete)
    }

    /// Whether a document has `term` in a passage, by seeking its postings: for title
    /// matches where the walk did not record every body match (the dictionary counted,
    /// or counting stopped at the limit). The matcher is made on the first title match:
    /// most words' title lists are short or empty, and a matcher costs a dictionary
    /// lookup and a block.
    private static func bodyMatchLookup(
        _ term: PlannedQuery, factory: MatcherFactory, unitRanges: [Range<UInt32>]
    ) -> (Int) throws -> Bool {
        var body: TermMatcher?
        return { document in
            if body == nil { body = try factory.matcher(for: term) as? TermMatcher }
            guard let body else { return false }
            return try body.seek(unitRanges[document].lowerBound) < unitRanges[document].upperBound
        }
    }

    /// The ranked documents whose best passage the ranking names (and `isBest` vouches
    /// for) as finished groups, the others by segment, to be gathered: with more than one
    /// passage per document wanted, all are gathered.
    private static func splitByKnownPassage(
        _ top: TopDocuments, perDocument: Int, isBest: (TopDocuments.Entry) -> Bool
    ) -> (known: [Collector.Group], unknown: [Int: [UInt32]]) {
        var known: [Collector.Group] = []
        var unknown: [Int: [UInt32]] = [:]
        for entry in top.entries {
            if perDocument <= 1, entry.passage != Matcher.exhausted, isBest(entry) {
                let best = Candidate(segment: entry.segment, passage: entry.passage, document: entry.document, score: entry.score)
                known.append(Collector.Group(segment: entry.segment, document: entry.document, best: entry.score, passages: KeptPassages(best)))
            } else {
                unknown[entry.segment, default: []].append(entry.document)
            }
        }
        return (known, unknown)
    }

    /// Scores every matching passage of the chosen documents, segment by segment
    /// (``PassageGatherer``); `scorers` gives a segment's factory and fresh scorers.
    private func gather(
        _ chosen: [Int: [UInt32]], perDocument: Int, scorers: (Int) throws -> (MatcherFactory, [Matcher])?
    ) throws -> [Collector.Group] {
        var groups: [Collector.Group] = []
        let gatherer = PassageGatherer(perDocument: max(1, perDocument))
        for (segment, documents) in chosen.sorted(by: { $0.key < $1.key }) {
            guard let (factory, segmentScorers) = try scorers(segment) else { continue }
            groups += try gatherer.gather(
                documents: documents.sorted(), segment: segment, scorers: segmentScorers, unitRanges: factory.segment.unitRanges)
        }
        return groups
    }

    /// A term's passages and documents in a segment, from its dictionary entry (format 3
    /// on): nil when the entry has no document count, or the segment lacks the term.
    static func dictionaryCounts(of term: PlannedQuery, in segment: SegmentReader, lookups: TermLookups) throws -> (passages: Int, documents: Int)? {
        guard case let .term(space, text) = term, let info = try lookups.info(segment, space, text), let documents = info.documentCount else {
            return nil
        }
        return (Int(info.documentFrequency), Int(documents))
    }
}

extension QueryExecution.Found {
    /// The groups to rank with the workers' merged counts.
    init(_ tally: SegmentWorkers.Tally, groups: [Collector.Group]) {
        self.init(
            groups: groups, total: tally.total, documents: tally.documents, totalIsExact: tally.countComplete && !tally.countBounded,
            partial: !tally.countComplete || !tally.rankComplete)
    }
}
