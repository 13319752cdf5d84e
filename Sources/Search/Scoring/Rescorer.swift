import IndexStore
import Foundation

/// Adds to the head of a BM25 ranking the evidence BM25 does not see: query words in a
/// passage's heading, query words close together, query words in the document title.
/// ``Searcher`` hands it one rescoring window at a time.
struct Rescorer {
    let weights: RescoringWeights
    let snapshot: IndexSnapshot
    let statistics: CollectionStatistics
    let lookups: TermLookups

    /// Adds the evidence BM25 does not see: query words in the passage's heading, query
    /// words close together, query words in the document title.
    ///
    /// Works segment by segment with one cursor per query stem, visiting the candidates in
    /// ascending passage order, so each postings list is read once however many candidates;
    /// the same cursor counts each candidate document's passages with the stem
    /// (``RescoringWeights/coverage``) on its way through.
    func rescore(_ groups: inout ArraySlice<Collector.Group>, terms: HighlightTerms) throws {
        let stems = Array(terms.stems.union(terms.stemPhrases.joined())).sorted()
        guard !stems.isEmpty else { return }
        // The passages, with what the rescoring reads of them copied out, in one array in
        // (segment, passage) order: the sorts and loops below then touch no group (reading
        // a group through the slice retains and releases its passages; rescoring 60
        // documents was a third of a one-word search on the shared corpus), and the arrays
        // below are made once per search, not once per segment.
        var members: [RescoredPassage] = []
        for groupIndex in groups.indices {
            let group = groups[groupIndex]
            for (passageIndex, candidate) in group.passages.enumerated() {
                members.append(RescoredPassage(
                    segment: group.segment, passage: candidate.passage, document: group.document, score: candidate.score,
                    group: groupIndex, index: passageIndex))
            }
        }
        members.sort { ($0.segment, $0.passage) < ($1.segment, $1.passage) }
        var positions: [UInt32] = []
        // Positions are only read where they can matter: for the proximity of two or more
        // stems, and for a heading hit in a passage that has a heading.
        let needsProximity = stems.count >= 2 && weights.proximity > 0
        let countsPassages = weights.coverage > 0 || weights.matchCount > 0
        // Reading the calendar costs more than rescoring a passage, and only recency needs it.
        let today = weights.recency > 0 ? RescoringWeights.today() : 0
        // Each candidate's positions of each stem, for the proximity: a range of
        // `positionPool` per (candidate, stem), empty where the candidate lacks the stem.
        var positionPool: [UInt32] = []
        var positionRanges = needsProximity ? Array(repeating: 0 ..< 0, count: members.count * stems.count) : []
        var headingHits = Array(repeating: Float(0), count: members.count)
        var documentOfMember = [Int](repeating: 0, count: members.count)
        var documents: [UInt32] = []
        var documentMembers: [Range<Int>] = []
        var titleScores: [Float] = []
        var matchingPassages: [Int] = []
        // Made once for all segments: a segment's run has at most every candidate.
        documents.reserveCapacity(members.count)
        documentMembers.reserveCapacity(members.count)
        titleScores.reserveCapacity(members.count)
        matchingPassages.reserveCapacity(members.count)
        var runStart = 0
        while runStart < members.count {
            let segmentIndex = members[runStart].segment
            var runEnd = runStart + 1
            while runEnd < members.count, members[runEnd].segment == segmentIndex { runEnd += 1 }
            let run = runStart ..< runEnd
            runStart = runEnd
            let reader = snapshot.segments[segmentIndex].reader
            // A document's passages are one run of ids, so in passage order the documents
            // ascend and repeat only in a row.
            documents.removeAll(keepingCapacity: true)
            documentMembers.removeAll(keepingCapacity: true)
            for index in run {
                if documents.last != members[index].document {
                    documents.append(members[index].document)
                    documentMembers.append(index ..< index)
                }
                documentMembers[documentMembers.count - 1] = documentMembers[documentMembers.count - 1].lowerBound ..< index + 1
                documentOfMember[index] = documents.count - 1
            }
            assert(zip(documents, documents.dropFirst()).allSatisfy { $0 < $1 }, "a document's passages form one run")
            matchingPassages.removeAll(keepingCapacity: true)
            if countsPassages { matchingPassages.append(contentsOf: repeatElement(0, count: documents.count)) }
            for (stemIndex, stem) in stems.enumerated() {
                guard let info = try lookups.info(reader, .bodyStem, stem) else { continue }
                var cursor = try reader.cursor(info)
                for (documentIndex, document) in documents.enumerated() {
                    // The stem's passages in the document are the difference of the
                    // ordinals at its first passage and after its last: a passage counts
                    // once per stem it holds, the count stopping at the document's
                    // passage count. No posting in between is decoded for it.
                    let units = reader.unitRanges[Int(document)]
                    var first = 0
                    if countsPassages {
                        try cursor.seek(units.lowerBound)
                        first = cursor.ordinal
                    }
                    for index in documentMembers[documentIndex] {
                        let passage = members[index].passage
                        let headingLength = reader.passages.headingLength(Int(passage))
                        // Without proximity only a heading needs the positions: a passage
                        // without one is not even sought.
                        guard needsProximity || headingLength > 0 else { continue }
                        guard try cursor.seek(passage) == passage else { continue }
                        try cursor.positions(into: &positions)
                        if needsProximity {
                            positionRanges[index * stems.count + stemIndex] = positionPool.count ..< positionPool.count + positions.count
                            positionPool.append(contentsOf: positions)
                        }
                        if positions.first.map({ $0 < headingLength }) ?? false { headingHits[index] += 1 }
                    }
                    if countsPassages {
                        try cursor.seek(units.upperBound)
                        matchingPassages[documentIndex] = min(matchingPassages[documentIndex] + cursor.ordinal - first, units.count)
                    }
                }
            }
            // Title scores per document, one title cursor per stem.
            titleScores.removeAll(keepingCapacity: true)
            titleScores.append(contentsOf: repeatElement(0, count: documents.count))
            for stem in stems {
                guard let info = try lookups.info(reader, .titleStem, stem) else { continue }
                let idf = statistics.titles.idf(documentFrequency: try statistics.documentFrequency(.titleStem, stem))
                var cursor = try reader.cursor(info)
                for (index, document) in documents.enumerated() where try cursor.seek(document) == document {
                    titleScores[index] += statistics.titles.score(
                        idf: idf, frequency: try cursor.frequency, norm: reader.titleNorms[Int(document)])
                }
            }
            for index in run {
                let member = members[index]
                var score = member.score
                if needsProximity {
                    let held = positionRanges[index * stems.count ..< (index + 1) * stems.count].lazy.filter { !$0.isEmpty }
                    if held.count >= 2 {
                        score *= 1 + weights.proximity * Self.closeness(held.map { positionPool[$0] }, queryStems: stems.count)
                    }
                }
                score += weights.heading * headingHits[index] * member.score / Float(stems.count)
                score += weights.title * titleScores[documentOfMember[index]]
                if countsPassages {
                    let document = documentOfMember[index]
                    let units = reader.unitRanges[Int(member.document)].count
                    let matching = Float(matchingPassages[document])
                    score += member.score * weights.coverage * matching / max(Float(units) + weights.coverageSmoothing, 1)
                    score += member.score * weights.matchCount * log2(1 + matching)
                }
                if weights.recency > 0 {
                    score *= 1 + weights.recency * RescoringWeights.recency(date: reader.dates[Int(member.document)], today: today)
                }
                groups[member.group].passages[member.index].score = score
            }
        }
        for index in groups.indices where !groups[index].passages.isEmpty {
            groups[index].best = groups[index].passages.bestScore
        }
    }

    /// A passage being rescored: its segment, id, document and BM25 score, and where it
    /// sits in the groups.
    private struct RescoredPassage {
        var segment: Int
        var passage: UInt32
        var document: UInt32
        var score: Float
        var group: Int
        var index: Int
    }

    /// How close the query's words stand, from 0 to 1: the mean over all pairs of query
    /// stems of 1 / (nearest distance), counting pairs absent from the passage as 0. Adjacent
    /// words give 1; a further matching word can only add, never lower it (a mean over the
    /// matched words only would punish a passage for matching one word more, far away).
    static func closeness<Lists: Collection>(_ lists: Lists, queryStems: Int) -> Float
    where Lists.Element: RandomAccessCollection<UInt32> {
        var total: Float = 0
        for (first, firstList) in lists.enumerated() {
            for (second, secondList) in lists.enumerated() where second > first {
                total += 1 / Float(max(1, nearestDistance(firstList, secondList)))
            }
        }
        return total / Float(queryStems * (queryStems - 1) / 2)
    }

    /// The smallest |a − b| over a in `first`, b in `second` (both ascending).
    static func nearestDistance(_ first: some RandomAccessCollection<UInt32>, _ second: some RandomAccessCollection<UInt32>) -> Int {
        var i = first.startIndex, j = second.startIndex, best = Int.max
        while i != first.endIndex, j != second.endIndex {
            let a = Int(first[i]), b = Int(second[j])
            best = min(best, abs(a - b))
            if a < b { first.formIndex(after: &i) } else { second.formIndex(after: &j) }
        }
        return best
    }
}
