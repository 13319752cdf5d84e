import IndexStore

/// Ranks one segment's matching documents into ``TopDocuments`` by their best passage's
/// BM25 score, skipping what cannot make the top k (MaxScore, Turtle & Flood 1995, with
/// block-max bounds from the postings' skip entries).
///
/// A passage's score is the sum of its scoring units' scores. The units are ordered by
/// their bound; the longest prefix whose bounds add up to no more than the threshold (the
/// weakest document in the top k) is *non-essential*: a passage matching only those
/// cannot get in, so candidates come from the essential units alone, and a non-essential
/// unit is only asked about a candidate while the score could still get past the
/// threshold. Before scoring a candidate its block-max bound is checked; with a single
/// essential term whole blocks are skipped undecoded, and a decoded block's postings are
/// scored in a loop of their own so that only those that can get in cost a document
/// look-up and the other units' seeks. `minister` then decodes the blocks that hold its
/// best passages, and `gemeenten OR provincies` walks the rarer word's list and looks the
/// other up.
///
/// Counting is not done here: ``SegmentMatches`` has counted every match before, so the
/// total stays exact whatever this skips.
struct MaxScoreRanker {
    private let scorers: [Matcher]
    /// The same matchers for the loop, which reads them without retaining (``scorers``
    /// keeps them alive), so that no call pays a retain and a release
    /// (``UnretainedMatcher``).
    private let units: [UnretainedMatcher]
    private let bounds: [Float]
    /// `prefix[i]`: the bounds of units 0…i added up.
    private let prefix: [Float]

    /// `unitIndex[i]`: the position of `units[i]` among the scorers as given (the query's
    /// order), in which a passage's score is added up (``PassageGatherer`` adds it up so).
    private let unitIndex: [Int]

    init(scorers: [Matcher]) {
        let ordered = scorers.enumerated().map { ($0.element, $0.element.maximumScore, $0.offset) }.sorted { $0.1 < $1.1 }
        self.scorers = ordered.map(\.0)
        units = ordered.map { UnretainedMatcher($0.0) }
        bounds = ordered.map(\.1)
        unitIndex = ordered.map(\.2)
        var running: Float = 0
        prefix = bounds.map { bound in
            running += bound
            return running
        }
    }

    /// Offers every document of the segment that could be in the top k, with its best
    /// passage's score. Returns false when the deadline cut the walk.
    ///
    /// A passage whose every unit was asked is scored exactly, its units' scores added in
    /// the query's order (as ``PassageGatherer`` adds them, so the sums agree to the bit),
    /// and a document is offered with its best such passage. Every passage the loop passed
    /// over or scored only in part could not beat the threshold of that moment, and the
    /// threshold only rises; so for a document that ends above the final threshold the
    /// offered passage is its best, and the page needs no second look at it.
    func rank(
        segment: Int, matches: SegmentMatches, unitRanges: [Range<UInt32>],
        into top: inout TopDocuments, deadline: inout DeadlineCheck
    ) throws -> Bool {
        if scorers.count == 1, let term = scorers[0] as? TermMatcher {
            return try Self.rank(term: term, segment: segment, eligible: matches.eligible, unitRanges: unitRanges, into: &top, deadline: &deadline)
        }
        if scorers.count == 1, let replay = scorers[0] as? ReplayMatcher {
            return Self.rank(replay: replay, segment: segment, eligible: matches.eligible, unitRanges: unitRanges, into: &top, deadline: &deadline)
        }
        let scorers = units
        let count = scorers.count
        var essential = 0
        var open = OpenDocument()
        defer { open.close(segment: segment, into: &top) }
        // Per unit in the query's order: its score on the current candidate, when it stands
        // there. Two scores add up the same in either order (addition commutes), so only
        // three units or more are added up again.
        let resums = count > 2 && count <= 64
        // One allocation holds those scores and the buffers of the last essential term's
        // blocks (``rankBlocks``).
        let scratch = BlockScratch.allocate(units: count)
        defer { scratch.deallocate() }
        let unitScores = scratch.unitScores, keptPassages = scratch.keptPassages
        let keptScores = scratch.keptScores, blockNorms = scratch.blockNorms
        let unitIndex = self.unitIndex
        // Candidates ascend, so their documents are found by moving through the documents'
        // passage ranges: the per-passage table is too large for the cache, and looking a
        // candidate up there would miss it nearly every time (``DocumentOfPassage``).
        let eligible = matches.eligible
        // Past the documents counting decided, a document is asked about when the ranking
        // meets it (its constraints are in `eligible` already).
        let decided = matches.decidedDocuments
        let probe = matches.probe.flatMap { $0.checksPassages ? $0 : nil }
        return try unitRanges.withUnsafeBufferPointer { unitRanges in
            var documentOf = DocumentOfPassage(unitRanges)
            /// Whether a candidate's document matches the whole query.
            func isEligible(_ candidateDocument: Int) throws -> Bool {
                guard eligible[candidateDocument] else { return false }
                guard candidateDocument >= decided, let probe else { return true }
                return try probe.matches(candidateDocument)
            }
            /// Where the next eligible document's passages start. A candidate's document
            /// that is not a match of the whole query (filtered out, a required word
            /// missing) has no matching passage, nor has any document before the next
            /// eligible one: the essential units jump there (past every document a
            /// selective filter left out).
            func nextEligibleStart(after candidateDocument: Int) -> UInt32 {
                var next = candidateDocument + 1
                while next < eligible.count, !eligible[next] { next += 1 }
                return next < eligible.count ? unitRanges[next].lowerBound : Matcher.exhausted
            }
            /// Adds the non-essential units' scores to a candidate's (`score` of the units
            /// in `standing`, the essential ones) while it could still pass `threshold`,
            /// and keeps it as its document's best when it is.
            ///
            /// The ranking's state is handed in rather than captured: a local function
            /// that captures a variable makes it a heap box on every call of `rank`.
            func settle(
                _ candidate: UInt32, of candidateDocument: UInt32, score essentialScore: Float, standing essentialStanding: UInt64,
                threshold: Float, essential: Int, open: inout OpenDocument
            ) throws {
                var score = essentialScore
                var standing = essentialStanding
                let floor = open.floor(for: candidateDocument, threshold: threshold)
                var index = essential - 1
                while index >= 0, score + prefix[index] > floor {
                    if try scorers[index].seek(candidate) == candidate {
                        let unitScore = try scorers[index].score()
                        score += unitScore
                        if resums {
                            unitScores[unitIndex[index]] = unitScore
                            standing |= 1 << UInt64(unitIndex[index])
                        }
                    }
                    index -= 1
                }
                let exact = index < 0 && count <= 64
                if exact && resums {
                    score = 0
                    for unit in 0 ..< count where standing & (1 << UInt64(unit)) != 0 { score += unitScores[unit] }
                }
                open.keep(candidate, of: candidateDocument, score: score, exact: exact, segment: segment, into: &top)
            }
            /// The rest of the ranking once a single essential unit is left and it is a
            /// term: its blocks are walked (those whose bound cannot lift a passage past
            /// the threshold passed over undecoded), each block's postings scored in a
            /// loop of their own, and only those whose score with the non-essential bounds
            /// added beats the threshold of the block's start go on to the document
            /// look-up, the eligibility and the non-essential units. The others could only
            /// have been offered with a partial score that cannot enter the top k. The
            /// threshold only rises, and no unit becomes essential again, so the term's
            /// walk is the rest of the ranking. Returns false when the deadline cut it.
            func rankBlocks(
                of term: TermMatcher, essential: Int, open: inout OpenDocument, documentOf: inout DocumentOfPassage
            ) throws -> Bool {
                let nonEssential = essential > 0 ? prefix[essential - 1] : 0
                let slot = unitIndex[essential]
                let all = prefix[essential]
                try term.normsByID.withUnsafeBufferPointer { norms in
                    // Where the walk stopped to seek past documents that are not eligible.
                    var jump: UInt32?
                    repeat {
                        if let target = jump {
                            jump = nil
                            try term.seek(target)
                        }
                        try term.forEachRemainingBlock(skippingAtMost: { top.threshold - nonEssential }, skipped: {}) { ids, frequencies in
                            for index in ids.indices { blockNorms[index] = norms[Int(ids[index])] }
                            let floor = top.threshold
                            var kept = 0
                            for index in ids.indices {
                                let score = term.score(frequency: frequencies[index] + 1, norm: blockNorms[index])
                                keptPassages[kept] = ids[index]
                                keptScores[kept] = score
                                kept += score + nonEssential > floor ? 1 : 0
                            }
                            // Kept postings below this are in documents that are not eligible.
                            var passedUntil: UInt32 = 0
                            for slotIndex in 0 ..< kept {
                                let threshold = top.threshold
                                // Every unit is non-essential now: nothing left can get in.
                                if all <= threshold { return false }
                                let score = keptScores[slotIndex]
                                let candidate = keptPassages[slotIndex]
                                guard score + nonEssential > threshold, candidate >= passedUntil else { continue }
                                let candidateDocument = documentOf(candidate)
                                guard score + nonEssential > open.floor(for: UInt32(candidateDocument), threshold: threshold) else { continue }
                                guard try isEligible(candidateDocument) else {
                                    passedUntil = nextEligibleStart(after: candidateDocument)
                                    if passedUntil > ids[ids.count - 1] {
                                        jump = passedUntil
                                        return false
                                    }
                                    continue
                                }
                                if resums { unitScores[slot] = score }
                                try settle(
                                    candidate, of: UInt32(candidateDocument), score: score, standing: resums ? 1 << UInt64(slot) : 0,
                                    threshold: threshold, essential: essential, open: &open)
                            }
                            return !deadline.expired(after: ids.count)
                        }
                    } while jump != nil
                }
                return !deadline.passed
            }
            // The threshold the essential units were last found for: it changes only when
            // a document gets in, far less often than a candidate comes.
            var essentialFor = Float.nan
            while true {
                if deadline.expired() { return false }
                let threshold = top.threshold
                if threshold != essentialFor {
                    essentialFor = threshold
                    while essential < count, prefix[essential] <= threshold { essential += 1 }
                    guard essential < count else { return true }
                    if essential == count - 1, threshold > -.infinity, let done = try scorers[essential].withTerm({
                        try rankBlocks(of: $0, essential: essential, open: &open, documentOf: &documentOf)
                    }) {
                        return done
                    }
                }
                var candidate = Matcher.exhausted
                for index in essential ..< count where scorers[index].current < candidate { candidate = scorers[index].current }
                guard candidate != Matcher.exhausted else { return true }

                let candidateDocument = documentOf(candidate)
                guard try isEligible(candidateDocument) else {
                    let end = nextEligibleStart(after: candidateDocument)
                    for index in essential ..< count where scorers[index].current < end { try scorers[index].seek(end) }
                    continue
                }
                let nonEssential = essential > 0 ? prefix[essential - 1] : 0
                let floor = open.floor(for: UInt32(candidateDocument), threshold: threshold)
                if floor > -.infinity {
                    var bound = nonEssential
                    for index in essential ..< count where scorers[index].current == candidate {
                        bound += try scorers[index].blockMaximumScore() ?? bounds[index]
                    }
                    if bound <= floor {
                        // A bound at most the document's best passes over this candidate
                        // alone: the next may be another document's.
                        if bound <= threshold, essential == count - 1, try scorers[essential].skipBound() {
                            // A phrase: every candidate up to the end of its bounding block
                            // is passed over without reading positions.
                        } else {
                            for index in essential ..< count where scorers[index].current == candidate { try scorers[index].advance() }
                        }
                        continue
                    }
                }
                var score: Float = 0
                var standing: UInt64 = 0
                for index in essential ..< count where scorers[index].current == candidate {
                    let unitScore = try scorers[index].score()
                    score += unitScore
                    if resums {
                        unitScores[unitIndex[index]] = unitScore
                        standing |= 1 << UInt64(unitIndex[index])
                    }
                    try scorers[index].advance()
                }
                try settle(
                    candidate, of: UInt32(candidateDocument), score: score, standing: standing, threshold: threshold, essential: essential,
                    open: &open)
            }
        }
    }

    /// Ranks one recorded unit alone (a phrase, a prefix): its matches are scored already,
    /// so each eligible document's best is read straight from the record, a document at a
    /// time, with no call per match, which the general loop would make for every one of
    /// a common phrase's many matches (`"de minister"`). Returns false when the deadline
    /// cut it.
    static func rank(
        replay: ReplayMatcher, segment: Int, eligible: [Bool], unitRanges: [Range<UInt32>],
        into top: inout TopDocuments, deadline: inout DeadlineCheck
    ) -> Bool {
        replay.withRemaining { ids, scores in
            unitRanges.withUnsafeBufferPointer { ranges in
                eligible.withUnsafeBufferPointer { eligible in
                    var documentOf = DocumentOfPassage(ranges)
                    var index = 0
                    while index < ids.count {
                        let start = index
                        let document = documentOf(ids[index])
                        let end = ranges[document].upperBound
                        if eligible[document] {
                            // Strictly better only: an earlier passage wins a tie.
                            var best = scores[index], bestPassage = ids[index]
                            index += 1
                            while index < ids.count, ids[index] < end {
                                if scores[index] > best {
                                    best = scores[index]
                                    bestPassage = ids[index]
                                }
                                index += 1
                            }
                            top.offer(.init(score: best, segment: segment, document: UInt32(document), passage: bestPassage))
                        } else {
                            index += 1
                            while index < ids.count, ids[index] < end { index += 1 }
                        }
                        if deadline.expired(after: index - start) { return false }
                    }
                    return true
                }
            }
        }
    }

    /// What one pass over a single term found besides the ranking.
    struct TermCount {
        /// Matching passages and documents among the eligible ones.
        var total = 0
        var documents = 0
        /// Per document: has a matching passage.
        var matched: [Bool]
        var complete = true
        /// Counting stopped at its limit and the rest of the list was only ranked: the
        /// counts are lower bounds and `matched` holds only the documents counted.
        var stoppedCounting = false
    }

    /// Ranks one term alone (`minister`, `van de minister` without its stop words) whose
    /// matches are counted elsewhere (a counting pass, or the dictionary): a loop over
    /// decoded blocks, skipping undecoded every block whose bound cannot beat the weakest
    /// of the top k. Returns false when the deadline cut it.
    static func rank(
        term: TermMatcher, segment: Int, eligible: [Bool], unitRanges: [Range<UInt32>],
        into top: inout TopDocuments, deadline: inout DeadlineCheck
    ) throws -> Bool {
        try walk(term: term, segment: segment, eligible: eligible, unitRanges: unitRanges, countingUpTo: nil, into: &top, deadline: &deadline).complete
    }

    /// Ranks and counts a query of one term in a single pass: every posting must be
    /// counted anyway, so a separate counting pass would only decode the list twice. Once
    /// `limit` matching passages are counted, the rest of the list is only ranked.
    static func rankAndCount(
        term: TermMatcher, segment: Int, accepted: [Bool], unitRanges: [Range<UInt32>], countingUpTo limit: Int = .max,
        into top: inout TopDocuments, deadline: inout DeadlineCheck
    ) throws -> TermCount {
        try walk(
            term: term, segment: segment, eligible: accepted, unitRanges: unitRanges, countingUpTo: limit, into: &top,
            deadline: &deadline)
    }

    /// Ranks and counts a query of one term whose filters leave few documents: each
    /// accepted document's passages are sought in the list, and the blocks between them
    /// are never decoded: `jaar:2017 wet` accepts a few thousand passages of a word with
    /// hundreds of thousands, all of which the walk would decode. Every posting found is
    /// scored, so each document is offered with its best passage.
    static func rankAndCount(
        term: TermMatcher, inside accepted: [Bool], segment: Int, unitRanges: [Range<UInt32>],
        into top: inout TopDocuments, deadline: inout DeadlineCheck
    ) throws -> TermCount {
        var count = TermCount(matched: Array(repeating: false, count: accepted.count))
        for document in accepted.indices where accepted[document] {
            let range = unitRanges[document]
            guard !range.isEmpty else { continue }
            var passage = try term.seek(range.lowerBound)
            if passage == Matcher.exhausted { break }
            var best: Float = -.infinity, bestPassage = Matcher.exhausted, found = 0
            while passage < range.upperBound {
                found += 1
                // Strictly better only: an earlier passage wins a tie, as in the walk.
                let score = try term.score()
                if score > best {
                    best = score
                    bestPassage = passage
                }
                passage = try term.advance()
            }
            if found > 0 {
                top.offer(.init(score: best, segment: segment, document: UInt32(document), passage: bestPassage))
                count.total += found
                count.documents += 1
                count.matched[document] = true
            }
            if deadline.expired(after: 1 + found) {
                count.complete = false
                break
            }
        }
        return count
    }

    /// The single-term loop. While counting (`countingUpTo` a limit), nothing is skipped
    /// and the matching passages and documents are counted on the way; once the documents
    /// closed hold `limit` passages, the rest is walked as without counting.
    ///
    /// Each document is offered with its best passage when the loop scored every passage
    /// it has (none sat in a skipped or unscored block), so the page can be built without
    /// reading the document's postings again.
    private static func walk(
        term: TermMatcher, segment: Int, eligible: [Bool], unitRanges: [Range<UInt32>], countingUpTo limit: Int?,
        into top: inout TopDocuments, deadline: inout DeadlineCheck
    ) throws -> TermCount {
        var counting = limit != nil
        var count = TermCount(matched: counting ? Array(repeating: false, count: eligible.count) : [])
        var document = Matcher.exhausted
        var documentIsEligible = false
        var best: Float = -.infinity
        var bestPassage = Matcher.exhausted
        var passagesInDocument = 0
        // Whether every passage of the open document went through the scoring loop.
        var documentFullyScored = false
        // Blocks were passed over undecoded since the last block handed to the loop: the
        // document open before them, and the first one after them, may have had passages
        // there.
        var skippedSinceLastBlock = false
        var threshold = top.threshold
        let norms = term.normsByID
        // A scored block's passage lengths, loaded in a loop of their own before the
        // block is walked: the length bytes have a row per passage of the segment and a
        // common word's postings are scattered over them. Inside the walk's loop those
        // cache misses would be taken one after another; a loop of independent loads lets
        // the processor have many in flight at once (``BlockScratch``).
        let scratch = BlockScratch.allocate()
        defer { scratch.deallocate() }
        let keptPassages = scratch.keptPassages, keptScores = scratch.keptScores, blockNorms = scratch.blockNorms
        func closeDocument() {
            guard documentIsEligible else { return }
            let known = documentFullyScored && !skippedSinceLastBlock && count.complete
            top.offer(.init(score: best, segment: segment, document: document, passage: known ? bestPassage : Matcher.exhausted))
            threshold = top.threshold
            if counting {
                count.total += passagesInDocument
                count.documents += 1
                count.matched[Int(document)] = true
            }
        }
        /// Closes the open document and opens `next`, whose passages start here.
        func open(_ next: UInt32, fullyScored: Bool, eligible: UnsafeBufferPointer<Bool>) {
            closeDocument()
            document = next
            documentIsEligible = eligible[Int(next)]
            best = -.infinity
            bestPassage = Matcher.exhausted
            passagesInDocument = 0
            documentFullyScored = fullyScored
        }
        try norms.withUnsafeBufferPointer { norms in
            try unitRanges.withUnsafeBufferPointer { unitRanges in
                var documentOf = DocumentOfPassage(unitRanges)
                try eligible.withUnsafeBufferPointer { eligible in
                    // Ranking alone (not counting) with a full top k: a block's postings are
                    // scored in a loop of their own, and only those at or above the
                    // threshold of the block's start go on to the bookkeeping of the loop
                    // below. A block that may beat the threshold mostly holds postings that
                    // cannot, and those need neither their document looked up nor an offer:
                    // a document gets in only with a passage at or above the threshold,
                    // which only rises. A document's best passage is among them whenever it
                    // can enter the top k. One whose first kept passage is not the block's
                    // first may still have had passages in blocks skipped before it, so the
                    // block's first document after a gap is never taken as scored whole.
                    func keptPostings(
                        _ ids: UnsafeBufferPointer<UInt32>, _ frequencies: UnsafeBufferPointer<UInt32>, afterGap: Bool,
                        eligible: UnsafeBufferPointer<Bool>, documentOf: inout DocumentOfPassage
                    ) {
                        let floor = threshold
                        var kept = 0
                        for index in ids.indices {
                            let score = term.score(frequency: frequencies[index] + 1, norm: blockNorms[index])
                            keptPassages[kept] = ids[index]
                            keptScores[kept] = score
                            kept += score >= floor ? 1 : 0
                        }
                        let gapDocument = afterGap ? UInt32(documentOf(ids[0])) : Matcher.exhausted
                        for slot in 0 ..< kept {
                            let passage = keptPassages[slot]
                            let passageDocument = UInt32(documentOf(passage))
                            if passageDocument != document {
                                open(passageDocument, fullyScored: passageDocument != gapDocument, eligible: eligible)
                            }
                            guard documentIsEligible else { continue }
                            // Strictly better only: an earlier passage wins a tie.
                            if keptScores[slot] > best {
                                best = keptScores[slot]
                                bestPassage = passage
                            }
                        }
                        // A document that ended inside the block is closed here, as the
                        // loop below closes it at the next document's posting: left open, a
                        // gap before the next kept posting would count against it.
                        if documentIsEligible, let last = ids.last, last >= unitRanges[Int(document)].upperBound {
                            closeDocument()
                            documentIsEligible = false
                        }
                    }
                    let visit: (UnsafeBufferPointer<UInt32>, UnsafeBufferPointer<UInt32>) throws -> Bool = { ids, frequencies in
                        // Counting hands over every block, with frequencies only where the
                        // block can beat the threshold: the others are counted, not scored.
                        let scores = !frequencies.isEmpty
                        if scores {
                            for index in ids.indices { blockNorms[index] = norms[Int(ids[index])] }
                        }
                        let afterGap = skippedSinceLastBlock
                        skippedSinceLastBlock = false
                        if afterGap || !scores { documentFullyScored = false }
                        if scores, !counting, threshold > -.infinity {
                            keptPostings(ids, frequencies, afterGap: afterGap, eligible: eligible, documentOf: &documentOf)
                            if deadline.expired(after: ids.count) {
                                count.complete = false
                                return false
                            }
                            return true
                        }
                        for index in ids.indices {
                            let passage = ids[index]
                            let passageDocument = UInt32(documentOf(passage))
                            if passageDocument != document {
                                open(passageDocument, fullyScored: scores && !(index == 0 && afterGap), eligible: eligible)
                            }
                            guard documentIsEligible else { continue }
                            passagesInDocument += 1
                            if scores {
                                // Strictly better only: an earlier passage wins a tie, as
                                // in ``Candidate/keep(in:atMost:)``.
                                let score = term.score(frequency: frequencies[index] + 1, norm: blockNorms[index])
                                if score > best {
                                    best = score
                                    bestPassage = passage
                                }
                            }
                        }
                        if deadline.expired(after: ids.count) {
                            count.complete = false
                            return false
                        }
                        if counting, count.total >= limit! {
                            counting = false
                            count.stoppedCounting = true
                            return false
                        }
                        return true
                    }
                    // Strictly below the threshold only: segments may be ranked out of
                    // index order, so a block whose bound ties the weakest document can
                    // hold an earlier document that wins the tie.
                    if counting {
                        try term.forEachRemainingBlock(scoringAbove: { threshold.nextDown }, visit)
                    }
                    if !counting, count.complete {
                        try term.forEachRemainingBlock(skippingAtMost: { threshold.nextDown }, skipped: { skippedSinceLastBlock = true }, visit)
                    }
                }
            }
        }
        closeDocument()
        return count
    }
}

/// The document the general loop is in, with its best passage so far.
private struct OpenDocument {
    var document = Matcher.exhausted
    var best: Float = -.infinity
    /// The passage that scored `best`, or exhausted when that score was a partial one.
    var bestPassage = Matcher.exhausted

    /// What a candidate of `candidateDocument` must score to change anything: the
    /// threshold, or the open document's best when it is that document and scores more (a
    /// passage that cannot beat its document's best is not needed: ties go to the earlier).
    @inline(__always)
    func floor(for candidateDocument: UInt32, threshold: Float) -> Float {
        candidateDocument == document && best > threshold ? best : threshold
    }

    /// Takes a candidate's score: a new document closes the open one.
    @inline(__always)
    mutating func keep(_ candidate: UInt32, of candidateDocument: UInt32, score: Float, exact: Bool, segment: Int, into top: inout TopDocuments) {
        if candidateDocument != document {
            close(segment: segment, into: &top)
            document = candidateDocument
            best = score
            bestPassage = exact ? candidate : Matcher.exhausted
        } else if score > best {
            // Strictly better only: an earlier passage wins a tie, as in the gatherer.
            best = score
            bestPassage = exact ? candidate : Matcher.exhausted
        }
    }

    /// Offers the open document with its best passage's score.
    @inline(__always)
    func close(segment: Int, into top: inout TopDocuments) {
        if document != Matcher.exhausted {
            top.offer(.init(score: best, segment: segment, document: document, passage: bestPassage))
        }
    }
}
