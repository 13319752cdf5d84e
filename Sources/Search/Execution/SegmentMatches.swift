import IndexStore

/// The counting pass over one segment: which documents match the query and how many of
/// their passages, exactly, without scoring anything but recorded clauses.
///
/// Each scoring unit is walked on its own (no merging), setting the bits of the passages
/// it matches and its clause's bit in the document's mask; title versions of the clauses
/// set mask bits too. A document matches when it passes the filters, has every required
/// clause's bit, meets the title constraints and has no excluded clause. Its matching
/// passages are the set bits in its range; a document matched through its title alone
/// counts one passage (its first), as the ranking shows it by that passage.
///
/// Terms are only counted here (a block-decoding loop, no call per posting); other units
/// (phrases, prefixes) are matched and scored once and recorded, so ranking replays them
/// instead of reading positions again.
struct SegmentMatches {
    /// Per document: matches the whole query.
    private(set) var eligible: [Bool]
    private(set) var passages: PassageBitmap
    /// Matching passages and documents (lower bounds when `complete` is false).
    private(set) var total = 0
    private(set) var documents = 0
    /// False when the deadline cut the pass: then fewer documents are eligible than should be.
    private(set) var complete = true
    /// Per scoring unit: nil for a term, else its recorded matches.
    private(set) var recordings: [ReplayMatcher.Recording?]
    /// Matching documents none of whose passages matches (the title did): ranking never
    /// meets them, so they are offered with score 0 (the title boost may lift them).
    private(set) var titleOnly: [UInt32] = []

    init(
        clauses: TopLevelClauses, units: [(clause: Int, query: PlannedQuery)], factory: MatcherFactory,
        accepted: [Bool], deadline: inout DeadlineCheck
    ) throws {
        let entries = factory.segment.documents
        let unitRanges = factory.segment.unitRanges
        eligible = accepted
        passages = PassageBitmap(count: factory.segment.passages.count)
        recordings = Array(repeating: nil, count: units.count)
        // Exclusions and title constraints first: cut short there, nothing is eligible,
        // rather than documents that should have been left out.
        for constraint in clauses.constraints {
            var found = Array(repeating: false, count: entries.count)
            guard try Self.markDocuments(of: factory.matcher(for: constraint), in: &found, deadline: &deadline) else { cutShort(); return }
            for index in eligible.indices where !found[index] { eligible[index] = false }
        }
        for clause in clauses.excluded {
            var found = Array(repeating: false, count: entries.count)
            var masks = Array(repeating: UInt64(0), count: entries.count)
            var unused = PassageBitmap(count: 0)
            guard try Self.markPassages(
                of: factory.matcher(for: clause), bit: 1, unitRanges: unitRanges, bitmap: &unused, masks: &masks,
                marksPassages: false, deadline: &deadline) else { cutShort(); return }
            for index in masks.indices where masks[index] != 0 { found[index] = true }
            if let title = MatcherFactory.titleVersion(of: clause) {
                guard try Self.markDocuments(of: factory.matcher(for: title), in: &found, deadline: &deadline) else { cutShort(); return }
            }
            for index in eligible.indices where found[index] { eligible[index] = false }
        }

        var masks = Array(repeating: UInt64(0), count: entries.count)
        var visitedAll = true
        for (unitIndex, unit) in units.enumerated() where visitedAll {
            let bit: UInt64 = 1 << UInt64(unit.clause)
            let matcher = try factory.matcher(for: unit.query)
            if case .term = unit.query {
                visitedAll = try Self.markPassages(
                    of: matcher, bit: bit, unitRanges: unitRanges, bitmap: &passages, masks: &masks,
                    marksPassages: true, deadline: &deadline)
            } else {
                let recording: ReplayMatcher.Recording
                (recording, visitedAll) = try Self.record(
                    matcher, bit: bit, unitRanges: unitRanges, bitmap: &passages, masks: &masks, deadline: &deadline)
                recordings[unitIndex] = recording
            }
        }
        for (index, clause) in clauses.required.enumerated() where visitedAll {
            guard let title = MatcherFactory.titleVersion(of: clause) else { continue }
            let bit: UInt64 = 1 << UInt64(index)
            visitedAll = try factory.matcher(for: title).visitRemaining { documents in
                masks.withUnsafeMutableBufferPointer { masks in
                    for document in documents where Int(document) < masks.count { masks[Int(document)] |= bit }
                }
                return !deadline.expired(after: documents.count)
            }
        }
        complete = visitedAll

        let required = clauses.required.count
        let all: UInt64 = required == 64 ? .max : (1 << UInt64(required)) - 1
        for index in eligible.indices where eligible[index] {
            let units = unitRanges[index]
            guard masks[index] == all, !units.isEmpty else {
                eligible[index] = false
                continue
            }
            let matched = passages.count(in: Int(units.lowerBound) ..< Int(units.upperBound))
            if matched == 0 { titleOnly.append(UInt32(index)) }
            total += max(1, matched)
            documents += 1
        }
    }

    /// Sets `bit` in the mask of every document `matcher` has a passage of (and, with
    /// `marksPassages`, the passages' bits); false when the deadline cut it short.
    ///
    /// A list's passages ascend, so their documents are found by moving through the
    /// documents' passage ranges (``DocumentOfPassage``) rather than in the per-passage
    /// table, whose rows a long list touches all over (10 MB on the 1 GB corpus).
    private static func markPassages(
        of matcher: Matcher, bit: UInt64, unitRanges: [Range<UInt32>], bitmap: inout PassageBitmap, masks: inout [UInt64],
        marksPassages: Bool, deadline: inout DeadlineCheck
    ) throws -> Bool {
        try unitRanges.withUnsafeBufferPointer { unitRanges in
            try masks.withUnsafeMutableBufferPointer { masks in
                var documentOf = DocumentOfPassage(unitRanges)
                return try matcher.visitRemaining { passages in
                    // A local copy for the loop: the closure's captured one lives in a box.
                    var lookup = documentOf
                    for passage in passages { masks[lookup(passage)] |= bit }
                    documentOf = lookup
                    if marksPassages { bitmap.insert(contentsOf: passages) }
                    return !deadline.expired(after: passages.count)
                }
            }
        }
    }

    /// Matches and scores a unit that is not a single term (a phrase, a prefix) once, for
    /// the ranking to replay, marking its passages and its clause's bit as it goes; false
    /// when the deadline cut it short. Its passages ascend, so their documents come from
    /// ``DocumentOfPassage`` (the per-passage table was two thirds of this pass's time for
    /// phrases on the 1 GB corpus, perf).
    private static func record(
        _ matcher: Matcher, bit: UInt64, unitRanges: [Range<UInt32>], bitmap: inout PassageBitmap, masks: inout [UInt64],
        deadline: inout DeadlineCheck
    ) throws -> (ReplayMatcher.Recording, complete: Bool) {
        var recording = ReplayMatcher.Recording()
        let complete = try unitRanges.withUnsafeBufferPointer { unitRanges in
            try masks.withUnsafeMutableBufferPointer { masks in
                var documentOf = DocumentOfPassage(unitRanges)
                while matcher.current != Matcher.exhausted {
                    let passage = matcher.current
                    recording.append(passage, try matcher.score())
                    bitmap.insert(passage)
                    masks[documentOf(passage)] |= bit
                    if deadline.expired() { return false }
                    try matcher.advance()
                }
                return true
            }
        }
        return (recording, complete)
    }

    /// Marks the documents a title or filter matcher yields; false when cut short.
    private static func markDocuments(of matcher: Matcher, in found: inout [Bool], deadline: inout DeadlineCheck) throws -> Bool {
        try matcher.visitRemaining { documents in
            for document in documents where Int(document) < found.count { found[Int(document)] = true }
            return !deadline.expired(after: documents.count)
        }
    }

    private mutating func cutShort() {
        complete = false
        titleOnly = []
        for index in eligible.indices { eligible[index] = false }
    }
}
