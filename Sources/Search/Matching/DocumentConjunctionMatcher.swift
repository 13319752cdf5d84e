import IndexStore

/// The top level of a bag-of-words query, decided per **document**: a document matches
/// when every required clause matches in it (in any of its passages, or in its title) and
/// no excluded clause does; its matching passages are those where at least one required
/// clause matches. So `netcongestie stroomaansluiting` finds the answer that discusses the
/// two in different paragraphs, and `-femicide` leaves out documents that mention it.
///
/// A document whose passages match none of the clauses (all of them were found in the
/// title) is represented by its first passage, scored 0 here; the title boost of the
/// rescoring ranks it.
///
/// The documents are found by leapfrogging over them: each clause (and each title
/// constraint) is asked for the first document at or after a candidate in which it
/// matches — its passage matcher seeks to the candidate's first passage, its title matcher
/// to the candidate itself — cheapest clause first, and the candidate moves to the
/// furthest answer until every clause gives the same one. A document that lacks a clause
/// thus costs a seek, not a scored walk over the passages of the others. Only then are
/// the excluded clauses asked about it, and its passages merged and scored; they are
/// handed out from a buffer of one document's passages.
final class DocumentConjunctionMatcher: Matcher {
    /// A clause as the walk over documents asks it: where it matches in passages, in
    /// documents (titles), or both. Title constraints have documents only.
    private struct Participant {
        let passages: UnretainedMatcher?
        let documents: UnretainedMatcher?
    }

    /// Holds the matchers the unretained references below point into.
    private let matchers: [Matcher]
    /// The required clauses' passage matchers, in the order of the clauses: a passage's
    /// score adds theirs up in this order.
    private let required: [UnretainedMatcher]
    /// Required clauses and title constraints, the cheapest first.
    private let participants: [Participant]
    private let excluded: [Participant]
    private let leadCost: Int
    private let unitRanges: [Range<UInt32>]
    private var check: DeadlineCheck
    /// The current document's matching passages and their scores.
    private var passages: [UInt32] = []
    private var scores: [Float] = []
    private var position = 0
    /// Where the search for the next matching document starts.
    private var nextDocument = 0
    /// The deadline passed during the walk: what was handed out is kept, the rest is unknown.
    private(set) var wasCutShort = false

    /// - Parameters:
    ///   - required: per clause, a matcher over passages and one over titles (documents), or nil.
    ///   - constraints: document-level clauses (title searches) every document must meet.
    ///   - excluded: passage matchers and title matchers of excluded clauses.
    ///   - unitRanges: per document, its passages (ascending, adjacent).
    init(
        required: [(passages: Matcher, titles: Matcher?)], constraints: [Matcher],
        excluded: [(passages: Matcher, titles: Matcher?)], unitRanges: [Range<UInt32>],
        deadline: ContinuousClock.Instant? = nil
    ) throws {
        precondition(!required.isEmpty, "at least one required clause")
        var held: [Matcher] = []
        for clause in required + excluded {
            held.append(clause.passages)
            if let titles = clause.titles { held.append(titles) }
        }
        matchers = held + constraints
        self.required = required.map { UnretainedMatcher($0.passages) }
        let clauses = required.map { (cost: $0.passages.cost + ($0.titles?.cost ?? 0), Participant(passages: .init($0.passages), documents: $0.titles.map(UnretainedMatcher.init))) }
        let titleConstraints = constraints.map { (cost: $0.cost, Participant(passages: nil, documents: .init($0))) }
        // Stable, so that equal costs keep the query's order.
        let ordered = (clauses + titleConstraints).enumerated().sorted { ($0.element.cost, $0.offset) < ($1.element.cost, $1.offset) }
        participants = ordered.map(\.element.1)
        leadCost = ordered.first?.element.cost ?? 0
        self.excluded = excluded.map { Participant(passages: .init($0.passages), documents: $0.titles.map(UnretainedMatcher.init)) }
        self.unitRanges = unitRanges
        check = DeadlineCheck(deadline)
        super.init()
        try findDocument()
    }

    /// The cheapest clause's: no more documents can match than it has.
    override var cost: Int { leadCost }

    override func advance() throws -> UInt32 {
        guard current != Matcher.exhausted else { return current }
        position += 1
        if position < passages.count {
            current = passages[position]
        } else {
            try findDocument()
        }
        return current
    }

    override func score() throws -> Float { scores[position] }

    /// Finds the next matching document from ``nextDocument`` on and stands on its first
    /// matching passage, or exhausts the matcher.
    private func findDocument() throws {
        passages.removeAll(keepingCapacity: true)
        scores.removeAll(keepingCapacity: true)
        position = 0
        let count = unitRanges.count
        var start = nextDocument
        while start < count {
            guard let document = try leapfrog(from: start) else { break }
            start = document + 1
            let range = unitRanges[document]
            guard !range.isEmpty, try !isExcluded(document, range) else { continue }
            try gather(range)
            nextDocument = start
            current = passages[0]
            return
        }
        nextDocument = count
        current = Matcher.exhausted
    }

    /// The first document at or after `start` in which every participant matches; nil when
    /// there is none, or the deadline passed.
    private func leapfrog(from start: Int) throws -> Int? {
        let count = participants.count
        var candidate = start
        var agreed = 0
        var index = 0
        while agreed < count {
            if check.expired() {
                wasCutShort = true
                return nil
            }
            let found = try firstDocument(of: participants[index], from: candidate)
            guard found < unitRanges.count else { return nil }
            if found == candidate {
                agreed += 1
            } else {
                candidate = found
                agreed = 1
            }
            index = index + 1 == count ? 0 : index + 1
        }
        return candidate
    }

    /// The first document at or after `document` in which `participant` matches (the
    /// number of documents when there is none).
    @inline(__always)
    private func firstDocument(of participant: Participant, from document: Int) throws -> Int {
        var first = unitRanges.count
        if let passages = participant.passages {
            let passage = try passages.seek(unitRanges[document].lowerBound)
            if passage != Matcher.exhausted { first = self.document(of: passage, from: document) }
        }
        if let documents = participant.documents, first > document {
            // Titles name documents; an id past the segment's documents matches nothing.
            let title = try documents.seek(UInt32(document))
            if Int(title) < first { first = Int(title) }
        }
        return first
    }

    /// The document holding `passage`, which lies at or after the first passage of
    /// `document`: mostly that document itself or one soon after, else found by doubling
    /// steps and a binary search inside the last one.
    @inline(__always)
    private func document(of passage: UInt32, from document: Int) -> Int {
        let count = unitRanges.count
        guard passage >= unitRanges[document].upperBound else { return document }
        var step = 1
        while document + step < count, unitRanges[document + step].upperBound <= passage { step *= 2 }
        var low = document + step / 2 + 1, high = min(document + step, count - 1)
        guard low <= high else { return count }
        while low < high {
            let middle = (low + high) / 2
            if unitRanges[middle].upperBound <= passage { low = middle + 1 } else { high = middle }
        }
        return unitRanges[low].upperBound > passage ? low : count
    }

    /// Whether an excluded clause matches `document` (whose passages are `range`).
    private func isExcluded(_ document: Int, _ range: Range<UInt32>) throws -> Bool {
        for clause in excluded {
            if let passages = clause.passages, try passages.seek(range.lowerBound) < range.upperBound { return true }
            if let documents = clause.documents, try documents.seek(UInt32(document)) == UInt32(document) { return true }
        }
        return false
    }

    /// Scores the passages of `range` where some required clause matches, in order, into
    /// the buffer; the first passage with score 0 when none does (the titles matched).
    private func gather(_ range: Range<UInt32>) throws {
        let end = range.upperBound
        for clause in required { try clause.seek(range.lowerBound) }
        while true {
            var low = end
            for clause in required where clause.current < low { low = clause.current }
            if low == end { break }
            var score: Float = 0
            for clause in required where clause.current == low {
                score += try clause.score()
                try clause.advance()
            }
            passages.append(low)
            scores.append(score)
        }
        if passages.isEmpty {
            passages.append(range.lowerBound)
            scores.append(0)
        }
        // Counted as work; the next search for a document looks at the clock.
        _ = check.expired(after: passages.count)
    }
}
