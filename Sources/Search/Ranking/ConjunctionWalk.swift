import IndexStore

/// Counts and ranks an AND of words in one pass over a segment, a document at a time, led
/// by its rarest clause: `huiselijk geweld` reads the documents `huiselijk` names, and
/// `geweld` only inside them (a seek through its skip table, so its blocks between those
/// documents are never decoded).
///
/// It takes queries whose required clauses are words or ORs of words, with no title
/// constraint and no exclusion (``applies(to:)``): the common shape; the others are
/// counted by ``SegmentMatches`` and ranked by ``MaxScoreRanker``, as before. The meaning
/// is theirs: a document matches when every required clause is in one of its passages or
/// in its title; its matching passages are those some clause matches (one, its first,
/// when only titles matched); it is ranked by its best passage.
///
/// A candidate is a document where the leading clause has a passage or its title. Each
/// other clause is sought into the candidate's passages (or its title); the first absent
/// one sends the leader past everything before that clause's next match. A document with
/// every clause has its passages walked once: each passage some unit stands on is
/// counted and scored, its units' scores added in the query's order (as
/// ``PassageGatherer`` and ``MaxScoreRanker`` add them, so that the sums agree to the
/// bit), and the document is offered with its best passage, known, so the page does not
/// gather it again. Nothing is sized by the segment, but where counting stops (the
/// probe of the rest) or the title lists decide whether it may (``firstWindowSize``).
///
/// With a count limit the walk counts in the windows ``SegmentMatches`` counts in (so
/// that totals agree exactly), and stops at the end of the window in which the count
/// reached the limit; the rest of the segment is then ranked by ``MaxScoreRanker`` from
/// that point (``rankRest(after:matches:segment:into:deadline:)``).
struct ConjunctionWalk {
    /// Whether the walk can count and rank `clauses`: two required clauses or more, each
    /// a word or an OR of words, and nothing else.
    static func applies(to clauses: TopLevelClauses) -> Bool {
        guard clauses.required.count >= 2, clauses.required.count <= TopLevelClauses.maximumRequired,
              clauses.constraints.isEmpty, clauses.excluded.isEmpty else { return false }
        return clauses.scoringUnits.allSatisfy { unit in
            if case .term = unit.query { return true }
            return false
        }
    }

    /// What the walk counted in one segment.
    struct Count {
        /// Matching passages and documents of the documents before ``decidedDocuments``.
        var total = 0
        var documents = 0
        /// False when the deadline cut the walk: the documents after the last one counted
        /// are neither counted nor ranked.
        var complete = true
        /// The documents `0 ..< decidedDocuments` (passages `0 ..< decidedPassages`) are
        /// counted and ranked; the others, when counting stopped at the limit, are left to
        /// ``rankRest(after:matches:segment:into:deadline:)``.
        var decidedDocuments: Int
        var decidedPassages: UInt32
        var stoppedCounting = false
        /// The matching documents, ascending, when asked for (facets).
        var matched: [UInt32]?
    }

    private let factory: MatcherFactory
    private let clauses: TopLevelClauses
    private let scoringUnits: [(clause: Int, query: PlannedQuery)]
    /// Per scoring unit in the query's order: its matcher over passages, and over titles
    /// (documents); a word the segment lacks has an empty matcher.
    private let passageMatchers: [Matcher]
    private let titleMatchers: [Matcher]
    /// Per required clause, its units (adjacent in the query's order).
    private let unitsOfClause: [Range<Int>]
    /// The units' words the segment has, in passages and in titles, in the query's order
    /// (so that a passage's score adds them up in that order); per clause, its own.
    private let terms: [TermMatcher]
    private let termsOfClause: [Range<Int>]
    private let titleTerms: [TermMatcher]
    private let titleTermsOfClause: [Range<Int>]
    /// The clause that names the candidates: the fewest postings, in passages and titles.
    private let driver: Int
    /// The other clauses, fewest postings first: an absent clause is found soonest.
    private let others: [Int]

    init(clauses: TopLevelClauses, units: [(clause: Int, query: PlannedQuery)], factory: MatcherFactory) throws {
        self.factory = factory
        self.clauses = clauses
        scoringUnits = units
        let passages = try units.map { try factory.matcher(for: $0.query) }
        let titles = try units.map { unit in
            try MatcherFactory.titleVersion(of: unit.query).map { try factory.matcher(for: $0) } ?? EmptyMatcher()
        }
        (passageMatchers, titleMatchers) = (passages, titles)
        let ofClause = clauses.required.indices.map { clause in
            let first = units.firstIndex { $0.clause == clause } ?? units.count
            let end = units[first...].firstIndex { $0.clause != clause } ?? units.count
            return first ..< end
        }
        unitsOfClause = ofClause
        /// The words of `matchers` per clause, and each clause's range among them.
        func words(_ matchers: [Matcher]) -> ([TermMatcher], [Range<Int>]) {
            var words: [TermMatcher] = []
            var ranges: [Range<Int>] = []
            for range in ofClause {
                let first = words.count
                words += range.compactMap { matchers[$0] as? TermMatcher }
                ranges.append(first ..< words.count)
            }
            return (words, ranges)
        }
        (terms, termsOfClause) = words(passages)
        (titleTerms, titleTermsOfClause) = words(titles)
        let costs = ofClause.map { range in range.reduce(0) { $0 + passages[$1].cost + titles[$1].cost } }
        let byCost = costs.indices.sorted { (costs[$0], $0) < (costs[$1], $1) }
        driver = byCost[0]
        others = Array(byCost.dropFirst())
    }

    /// Counts the segment's matches and offers each matching document to `top` with its
    /// best passage, until `countLimit` passages are counted (at the end of a window, as
    /// ``SegmentMatches`` stops).
    ///
    /// Once the top k is full, a matching document whose passages cannot beat its
    /// weakest (by the bounds of the words' blocks that hold them) is counted without
    /// scoring: the documents come in ascending order, so one that only ties the weakest
    /// loses to it.
    func countAndRank(
        accepted: [Bool], countLimit: Int, firstWindow: Int, segment: Int, recordingDocuments: Bool,
        into top: inout TopDocuments, deadline: inout DeadlineCheck
    ) throws -> Count {
        let unitRanges = factory.segment.unitRanges
        let documentCount = unitRanges.count
        let passageCount = factory.segment.passages.count
        var count = Count(decidedDocuments: documentCount, decidedPassages: UInt32(passageCount))
        if recordingDocuments { count.matched = [] }
        var window = try firstWindowSize(countLimit: countLimit, firstWindow: firstWindow, passageCount: passageCount)
        let lastDocument = UInt32(documentCount)
        let passageDocuments = PassageDocuments(unitRanges)
        // The window ends with a document, so that every document is counted whole.
        func windowEnd(from start: Int) -> Int {
            let end = min(passageCount, start + window)
            guard end < passageCount else { return passageCount }
            return Int(unitRanges[passageDocuments[end - 1]].upperBound)
        }
        var end = windowEnd(from: 0)

        // The matchers are read without retaining them in the loop (the arrays hold them),
        // and, being terms (a final class), called directly.
        let words = UnsafeMutableBufferPointer<Unmanaged<TermMatcher>>.allocate(capacity: terms.count + titleTerms.count)
        defer { words.deallocate() }
        for (index, term) in (terms + titleTerms).enumerated() { words[index] = .passUnretained(term) }
        let units = UnsafeMutableBufferPointer(rebasing: words[..<terms.count])
        let titles = UnsafeMutableBufferPointer(rebasing: words[terms.count...])
        let leaders = termsOfClause[driver], leaderTitles = titleTermsOfClause[driver]
        let stopped: Bool = try withExtendedLifetime((terms, titleTerms)) {
            try unitRanges.withUnsafeBufferPointer { ranges in
                try accepted.withUnsafeBufferPointer { accepted in
                    var documentOf = DocumentOfPassage(ranges)
                    // The documents of the other clauses' next passages, where the leader
                    // jumps: mostly ascending too.
                    var absentDocumentOf = DocumentOfPassage(ranges)
                    while true {
                        // The next candidate: the leader's next passage's document, or its
                        // next title.
                        var passage = Matcher.exhausted
                        for unit in leaders {
                            let current = units[unit]._withUnsafeGuaranteedRef { $0.current }
                            if current < passage { passage = current }
                        }
                        var candidate = passage == Matcher.exhausted ? documentCount : documentOf(passage)
                        for title in leaderTitles {
                            let current = Int(titles[title]._withUnsafeGuaranteedRef { $0.current })
                            if current < candidate { candidate = current }
                        }
                        guard candidate < documentCount else { return false }
                        let range = ranges[candidate]
                        while Int(range.lowerBound) >= end {
                            if count.total >= countLimit, end < passageCount { return true }
                            window *= 2
                            end = windowEnd(from: end)
                        }
                        // The leader's titles move past the candidate, whatever becomes of it.
                        for title in leaderTitles {
                            try titles[title]._withUnsafeGuaranteedRef { if $0.current == UInt32(candidate) { try $0.advance() } }
                        }
                        guard accepted[candidate], !range.isEmpty else {
                            // Filtered out or deleted: on to the next accepted document.
                            var next = candidate + 1
                            while next < documentCount, !accepted[next] { next += 1 }
                            let target = next < documentCount ? ranges[next].lowerBound : Matcher.exhausted
                            for unit in leaders { try units[unit]._withUnsafeGuaranteedRef { _ = try $0.seek(target) } }
                            if deadline.expired() { return false }
                            continue
                        }
                        // Every other clause, in a passage or the title.
                        var absent = -1
                        for clause in others {
                            var present = false
                            for unit in termsOfClause[clause] where try units[unit]._withUnsafeGuaranteedRef({ try $0.seek(range.lowerBound) }) < range.upperBound {
                                present = true
                                break
                            }
                            if !present {
                                for title in titleTermsOfClause[clause]
                                where try titles[title]._withUnsafeGuaranteedRef({ try $0.seek(UInt32(candidate)) }) == UInt32(candidate) {
                                    present = true
                                    break
                                }
                            }
                            if !present {
                                absent = clause
                                break
                            }
                        }
                        if absent >= 0 {
                            // No document matches before the next one with the absent
                            // clause in a passage or its title: the leader goes there.
                            var next = lastDocument
                            for unit in termsOfClause[absent] {
                                let passage = units[unit]._withUnsafeGuaranteedRef { $0.current }
                                if passage != Matcher.exhausted { next = min(next, UInt32(absentDocumentOf(passage))) }
                            }
                            for title in titleTermsOfClause[absent] { next = min(next, titles[title]._withUnsafeGuaranteedRef { $0.current }) }
                            let target = max(next < lastDocument ? ranges[Int(next)].lowerBound : Matcher.exhausted, range.upperBound)
                            for unit in leaders { try units[unit]._withUnsafeGuaranteedRef { _ = try $0.seek(target) } }
                            if deadline.expired() { return false }
                            continue
                        }
                        // A match: its passages, each some unit stands on.
                        let stop = range.upperBound
                        var bound: Float = 0
                        for unit in units.indices {
                            try units[unit]._withUnsafeGuaranteedRef { term in
                                guard try term.seek(range.lowerBound) < stop else { return }
                                bound += term.currentBlockLastID >= stop &- 1 ? try term.currentBlockMaximumScore() : .infinity
                            }
                        }
                        let scores = bound > top.threshold
                        var matched = 0
                        var best: Float = 0
                        var bestPassage = range.lowerBound
                        while true {
                            var low = stop
                            for unit in units.indices {
                                let current = units[unit]._withUnsafeGuaranteedRef { $0.current }
                                if current < low { low = current }
                            }
                            if low == stop { break }
                            matched &+= 1
                            guard scores else {
                                for unit in units.indices {
                                    try units[unit]._withUnsafeGuaranteedRef { if $0.current == low { try $0.advance() } }
                                }
                                continue
                            }
                            // Added up in the query's order, as the gatherer adds them.
                            var score: Float = 0
                            for unit in units.indices {
                                try units[unit]._withUnsafeGuaranteedRef { term in
                                    guard term.current == low else { return }
                                    score += try term.score()
                                    try term.advance()
                                }
                            }
                            // Strictly better only: an earlier passage wins a tie, as in the gatherer.
                            if matched == 1 || score > best {
                                best = score
                                bestPassage = low
                            }
                        }
                        // Matched through titles alone: shown by its first passage, with score 0.
                        if scores || matched == 0 {
                            top.offer(.init(score: best, segment: segment, document: UInt32(candidate), passage: bestPassage))
                        }
                        count.total += max(1, matched)
                        count.documents += 1
                        count.matched?.append(UInt32(candidate))
                        if deadline.expired(after: 1 &+ matched) { return false }
                    }
                }
            }
        }
        if deadline.passed { count.complete = false }
        // The window of the last candidate ends as the others did.
        if stopped || (count.complete && count.total >= countLimit && end < passageCount) {
            count.decidedPassages = UInt32(end)
            count.decidedDocuments = passageDocuments.firstDocument(startingAtOrAfter: UInt32(end))
            count.stoppedCounting = true
        }
        return count
    }

    /// Ranks the documents a stopped count left (from `count.decidedPassages` on) with
    /// ``MaxScoreRanker``, this walk's matchers sought there, and offers the title-only
    /// matches among them while the top k holds documents of score 0. `matches` is what
    /// ``SegmentMatches/init(walked:units:accepted:probe:)`` made of the count. Returns
    /// false when the deadline cut the ranking.
    func rankRest(
        after count: Count, matches: SegmentMatches, segment: Int,
        into top: inout TopDocuments, deadline: inout DeadlineCheck
    ) throws -> Bool {
        for matcher in passageMatchers { try matcher.seek(count.decidedPassages) }
        let ranker = MaxScoreRanker(scorers: passageMatchers)
        guard try ranker.rank(segment: segment, matches: matches, unitRanges: factory.segment.unitRanges, into: &top, deadline: &deadline) else {
            return false
        }
        if let probe = matches.probe, top.threshold <= 0 {
            for document in try probe.titleOnlyDocuments() { top.offer(.init(score: 0, segment: segment, document: document)) }
        }
        return true
    }

    /// What the ranking of the rest asks about each document past a stopped count
    /// (whether it has every clause): made only when counting stopped, the one place a
    /// walk reads whole title lists into bitmaps over the segment's documents.
    func probe(accepted: [Bool], from firstUndecided: Int) throws -> EligibilityProbe {
        let documentCount = factory.segment.unitRanges.count
        var titles = ClauseBitmaps(clauses: clauses.required.count, ids: documentCount)
        var titleLists: [[UInt32]] = []
        for (index, clause) in clauses.required.enumerated() {
            if let title = MatcherFactory.titleVersion(of: clause) {
                try factory.matcher(for: title).visitRemaining { documents in
                    for document in documents where Int(document) < documentCount { titles.insert(document, clause: index) }
                    return true
                }
            }
            titleLists.append(titles.ids(inClause: index))
        }
        return EligibilityProbe(
            clauses: clauses, units: scoringUnits, factory: factory, eligible: accepted, titles: titles, titleLists: titleLists,
            driver: driver, from: firstUndecided)
    }

    /// The passages of the first window, as ``SegmentMatches`` sizes it: the whole segment
    /// unless the units may yield more matching passages than the limit; else where the
    /// rarest clause's postings, spread evenly, would reach the limit, at least
    /// `firstWindow`.
    private func firstWindowSize(countLimit: Int, firstWindow: Int, passageCount: Int) throws -> Int {
        let clauseCosts = unitsOfClause.map { range in range.reduce(0) { $0 + passageMatchers[$1].cost } }
        guard countLimit < .max, let rarest = clauseCosts.min(), rarest > 0 else { return passageCount }
        // The most matching passages: every unit's postings, and a passage per document
        // with a clause in its title (a document once per clause, though in several of
        // its alternatives' titles).
        let unitPostings = clauseCosts.reduce(0, +)
        let titleUpper = titleMatchers.reduce(0) { $0 + $1.cost }
        var mostPossible = unitPostings + titleUpper
        if countLimit < mostPossible {
            let titleLower = unitsOfClause.reduce(0) { total, range in total + (range.map { titleMatchers[$0].cost }.max() ?? 0) }
            if countLimit >= unitPostings + titleLower {
                // Between the bounds: the clauses' title documents counted once each.
                mostPossible = unitPostings
                let documentCount = factory.segment.unitRanges.count
                for clause in clauses.required {
                    guard let title = MatcherFactory.titleVersion(of: clause) else { continue }
                    var titles = ClauseBitmaps(clauses: 1, ids: documentCount)
                    try factory.matcher(for: title).visitRemaining { documents in
                        for document in documents where Int(document) < documentCount { titles.insert(document, clause: 0) }
                        return true
                    }
                    mostPossible += titles.ids(inClause: 0).count
                }
            }
        }
        guard countLimit < mostPossible else { return passageCount }
        let even = Double(passageCount) * Double(countLimit) / Double(rarest)
        return max(max(1, firstWindow), Int(min(even, Double(passageCount))))
    }
}
